"""The compact word dictionary of the name rules must answer exactly as the jieba Tokenizer it replaces:
the same frequency for every key, the same ``cut(HMM=False)`` for any text."""
from __future__ import annotations

import json
import logging
import random
import subprocess
import sys
from pathlib import Path

import jieba
import pytest

from detectors.personal.names.dictionary import RE_ENG, RE_HAN, RE_SKIP, WordDictionary, read_dict
from detectors.personal.names.rules import NameRules, _data

ROOT = Path(__file__).resolve().parents[3]


def not_name_rows() -> list[tuple[str, int, str]]:
    return [(w, int(f), t) for w, f, t in (ln.split() for ln in _data("not_names.txt").splitlines() if ln.strip())]


@pytest.fixture(scope="module")
def reference() -> jieba.Tokenizer:
    """What the name rules used before: jieba's dictionary plus the not-a-name words."""
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for word, freq, tag in not_name_rows():
        tokenizer.add_word(word, freq, tag)
    return tokenizer


@pytest.fixture(scope="module")
def rules() -> NameRules:
    return NameRules()


@pytest.fixture(scope="module")
def words(rules) -> WordDictionary:
    return rules.words


def test_every_key_has_jiebas_frequency(reference, words):
    assert len(words) == len(reference.FREQ) and words.total == reference.total
    wrong = [k for k, v in reference.FREQ.items() if words.freq(k) != v or k not in words]
    assert wrong == []


def test_is_word_over_every_dictionary_word(reference, rules):
    for min_freq in (1, 20, 50, 100, 500, 1000, 2000):
        wrong = [k for k, v in reference.FREQ.items() if rules.is_word(k, min_freq) != (v >= min_freq)]
        assert wrong == [], min_freq


@pytest.mark.parametrize("text", [
    "", "王", "龘", "x", "高度", "高度重", "高度重视", "高度重视性", "申请人", "申请", "被申", "王府井", "王府井大街",
    "文明", "张家", "AT&T", "AT&", "B超", "b超", "C++", "c#", "T恤", "ＡＢ", "１２", "2023", "　", " ", "高 度",
    "𠀀", "\ud800", "王\U00020000", "\u9fd5", "\u9fff", "一丁点儿", "一丁点儿们",
])
def test_frequency_of_words_prefixes_and_non_words(reference, words, text):
    assert words.freq(text) == reference.FREQ.get(text, 0)
    assert (text in words) == (text in reference.FREQ)


@pytest.mark.parametrize("text", [
    "", "王", "，", " ", "\n", "\r\n", "a", "7",
    "申请人李建国于2023年3月提出申请。",
    "接群众方璐强来电反映噪音问题，请高度重视。",
    "张家港市王府井大街文明城市创建，高新区高速公路方面",              # not-a-name words
    "C++语言与AT&T公司，B超检查，T恤衫，abc123def，x1y2 z3",            # ASCII runs and dictionary words with ASCII
    "电话13812345678，邮箱zhang@x.cn，网址http://www.gov.cn/a_b-c.html?q=1%20#top",
    "ＡＢＣ１２３全角字符，（括号）【方括号】《书名号》“引号”……——",
    "第1.5条 3+4=7 50% A-B_C #话题# a&b",
    "中\u3000文\t制表\r\n换行\n\n  两个空格",
    "鿕鿖鿿\u9fd5\u9fd6 边界字符",
    "𠀀𠀁生僻字\U0002f9de，\ud800孤立代理",
    "長孫衛靜同志參加會議",                                               # Traditional
    "一二三四五六七八九十百千万亿", "的的的的的的的的",
])
def test_cut_equals_jieba(reference, words, text):
    assert list(words.cut(text)) == list(reference.cut(text, HMM=False))


def corpus() -> str:
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted((ROOT / "sample_docs").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8", errors="replace") for p in sorted((ROOT / "sample_docs").glob("*.html"))]
    with (ROOT / "eval/personal/data/docs.jsonl").open(encoding="utf-8") as f:
        texts += [json.loads(line)["text"] for line in f]
    return "\n".join(texts)


def test_cut_equals_jieba_on_random_windows(reference, words):
    text = corpus()
    rnd = random.Random(20240501)
    windows = []
    for _ in range(3000):                                   # rejected() cuts a span and 4 characters each side
        start = rnd.randrange(len(text))
        windows.append(text[start:start + rnd.randrange(1, 17)])
    for _ in range(300):
        start = rnd.randrange(len(text))
        windows.append(text[start:start + rnd.randrange(17, 400)])
    wrong = [w for w in windows if list(words.cut(w)) != list(reference.cut(w, HMM=False))]
    assert wrong == []


def test_patterns_classify_every_character_as_jiebas():
    chars = [chr(c) for c in range(0x30000) if not 0xD800 <= c < 0xE000] + ["\ud800", "\r\n"]
    for mine, theirs in ((RE_HAN, jieba.re_han_default), (RE_SKIP, jieba.re_skip_default), (RE_ENG, jieba.re_eng)):
        assert [c for c in chars if bool(mine.match(c)) != bool(theirs.match(c))] == []


DICT = """一 5 m
一二 3 m
一二三四 7 m
二 0 m
三四 2 n
三四 9 n
AB 4 nz
"""


@pytest.mark.parametrize("extra", [
    [],
    [("三四", 1)],                   # replaces the word's frequency, adds to the total
    [("二三", 8), ("一二三", 2)],    # new words and prefixes
    [("一二三四五", 6), ("二", 4)],  # a word of frequency 0 becomes a word
])
def test_small_dictionary_equals_jieba(tmp_path, extra):
    """Duplicate lines (the later wins), a word of frequency 0, words that are prefixes of others, ASCII."""
    path = tmp_path / "dict.txt"
    path.write_text(DICT, encoding="utf-8")
    tokenizer = jieba.Tokenizer(str(path))
    tokenizer.tmp_dir = str(tmp_path)
    tokenizer.initialize()
    for word, freq in extra:
        tokenizer.add_word(word, freq)
    words = WordDictionary(read_dict(path), extra)
    assert words.total == tokenizer.total and len(words) == len(tokenizer.FREQ)
    assert {k: words.freq(k) for k in tokenizer.FREQ} == tokenizer.FREQ
    for text in ["一二三四五", "二三四", "一二三四一二", "ABAB一", "三四三", "五一二三四", "AB1二三"]:
        assert list(words.cut(text)) == list(tokenizer.cut(text, HMM=False)), text


@pytest.mark.parametrize("bad", ["一 5\n", "一  5 m\n", "一 5 m x\n"])
def test_malformed_dictionary_is_refused(tmp_path, bad):
    path = tmp_path / "dict.txt"
    path.write_text(DICT + bad, encoding="utf-8")
    with pytest.raises(ValueError):
        read_dict(path)


def test_the_name_parts_do_not_import_jieba():
    code = ("import sys; from detectors.personal.names.rules import NameRules; "
            "from detectors.personal.names.candidates import NameCandidates; NameRules(); NameCandidates(); "
            "assert 'jieba' not in sys.modules, 'jieba imported'")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=120)


def test_random_dictionary_over_awkward_code_points_equals_jieba(tmp_path):
    """Sorting and the breadth-first layout on characters below 0x100, at the BMP edge and beyond it."""
    rnd = random.Random(11)
    alphabet = "ABÿĀ一丁鿕\uffee𠀀𠀁"
    lines = [f"{''.join(rnd.choice(alphabet) for _ in range(rnd.randrange(1, 6)))} {rnd.randrange(0, 50)} n"
             for _ in range(3000)]
    path = tmp_path / "dict.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tokenizer = jieba.Tokenizer(str(path))
    tokenizer.tmp_dir = str(tmp_path)
    tokenizer.initialize()
    words = WordDictionary(read_dict(path))
    assert words.total == tokenizer.total
    assert {k: words.freq(k) for k in tokenizer.FREQ} == tokenizer.FREQ and len(words) == len(tokenizer.FREQ)
    for _ in range(300):
        text = "".join(rnd.choice(alphabet + "，1a ") for _ in range(rnd.randrange(1, 30)))
        assert list(words.cut(text)) == list(tokenizer.cut(text, HMM=False)), text

"""Spans that read as names to LAC or the rules but are not: 文号 agency prefixes, place names, amounts in
capital numerals, common dictionary words of another part of speech, reduplicated verbs (扫一扫)."""
from __future__ import annotations

from importlib.resources import files
from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:  # jieba is imported only to regenerate the word list: its import costs ~6 MB per process
    import jieba

# 白政发〔2024〕, 龙政请〔2024〕, 白医保发［2024］, 某某函(2024): what follows an agency abbreviation in a 文号
DOC_NUMBER_TAIL = regex.compile(r"[\u4e00-\u9fff]{0,3}(?:[〔［\[]|[（(]\s*(?:19|20)[0-9]{2}\s*[）)])")
PLACE_SUFFIXES = ("乡", "镇", "村", "县", "区", "市", "省", "街道", "社区", "苏木", "嘎查")
AMOUNT_CHARS = frozenset("零壹贰叁肆伍陆柒捌玖拾佰仟万亿元整圆角")
COMMON_MIN_FREQ = 500
COMMON_FILE = "common_words.txt"


def division_names() -> frozenset[str]:
    """Province/city/county names shipped in ``detectors/personal/data/divisions.txt``."""
    text = files("detectors.personal.data").joinpath("divisions.txt").read_text(encoding="utf-8")
    return frozenset(line.split("\t")[-1] for line in text.splitlines() if line.strip())


def dictionary_common_words(tokenizer: jieba.Tokenizer, min_freq: int = COMMON_MIN_FREQ) -> list[str]:
    """2–4 character words of jieba's dictionary, frequent, tagged other than a person name (nr*)."""
    out: list[str] = []
    with tokenizer.get_dict_file() as f:
        for raw in f:
            parts = raw.decode("utf-8").split()
            if len(parts) == 3 and 2 <= len(parts[0]) <= 4 and int(parts[1]) >= min_freq \
                    and not parts[2].startswith("nr"):
                out.append(parts[0])
    return sorted(set(out))


def common_words() -> frozenset[str]:
    """The shipped list (``common_words.txt``, from jieba's dictionary: reading that takes ~0.25 s per engine)."""
    text = files("detectors.personal.names").joinpath(COMMON_FILE).read_text(encoding="utf-8")
    return frozenset(w for w in text.splitlines() if w and not w.startswith("#"))


class NotNameFilter:
    """Pure checks on a candidate span of a text (built once: divisions and jieba's common words)."""

    def __init__(self) -> None:
        self.divisions = division_names()
        self.common = common_words()

    def reason(self, text: str, start: int, end: int) -> str | None:
        """Why [start, end) is not a name, or None."""
        name = text[start:end]
        if DOC_NUMBER_TAIL.match(text, end, min(len(text), end + 12)):
            return "文号机关代字"
        if name.endswith(PLACE_SUFFIXES) or name in self.divisions:
            return "地名"
        if sum(c in AMOUNT_CHARS for c in name) >= 2:
            return "大写金额"
        if name in self.common:
            return "常用词"
        if len(name) == 2 and text[end:end + 1] == name[0]:
            return "动词重叠"                              # 扫一扫, 看一看
        return None


def main() -> None:
    """Regenerate ``common_words.txt``: python -m detectors.personal.names.filters"""
    from pathlib import Path

    import jieba
    words = dictionary_common_words(jieba.Tokenizer())
    header = f"# jieba {jieba.__version__} dict.txt: 2-4 chars, freq >= {COMMON_MIN_FREQ}, tag not nr*\n"
    Path(__file__).with_name(COMMON_FILE).write_text(header + "\n".join(words) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

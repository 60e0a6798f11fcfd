"""Plain text: encodings, line breaks, one block per line, junk refused."""
from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mishen.read import ReadError, read_bytes
from mishen.settings import Settings
from tests.read.checks import assert_document_ok

SAMPLE = "关于做好2020年9月15日防汛工作的通知\n各乡镇人民政府：\n　　联系人：张三，电话13800000000。\n"
TRAD = "關於做好防汛工作的通知\n聯絡人：張三，電話13800000000。\n"
SETTINGS = Settings()
LONG_CJK = "防汛工作通知各乡镇人民政府请认真贯彻落实" * 5


@pytest.mark.parametrize("data, text, encoding", [
    (SAMPLE.encode("utf-8"), SAMPLE, "utf-8"),
    (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), SAMPLE, "utf-8"),
    (SAMPLE.encode("gb18030"), SAMPLE, "gb18030"),
    (SAMPLE.encode("gbk"), SAMPLE, "gb18030"),
    (TRAD.encode("big5"), TRAD, "big5hkscs"),
    (codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"), SAMPLE, "utf-16-le"),
    (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), SAMPLE, "utf-16-be"),
    (SAMPLE.encode("utf-16-le"), SAMPLE, "utf-16-le"),           # no BOM: NUL parity of the line breaks
    (LONG_CJK.encode("utf-16-be"), LONG_CJK, "utf-16-be"),      # no BOM, no NUL: charset-normalizer
    (("ASCII only, plain.\n" * 3).encode("ascii"), "ASCII only, plain.\n" * 3, "utf-8"),
])
def test_encodings_decode_to_the_same_text(data: bytes, text: str, encoding: str) -> None:
    doc = read_bytes(data, "a.txt", SETTINGS)
    assert doc.text == text
    assert doc.encoding == encoding
    assert doc.format.value == "txt"
    assert_document_ok(doc)


@pytest.mark.parametrize("raw, text", [
    ("a\r\nb\r\n", "a\nb\n"),
    ("a\rb", "a\nb"),
    ("a\r\n\r\nb", "a\n\nb"),
    ("a\n\rb", "a\n\nb"),
    ("  缩进\t制表\n", "  缩进\t制表\n"),
])
def test_line_breaks_normalised_and_nothing_else(raw: str, text: str) -> None:
    assert read_bytes(raw.encode("utf-8"), "a.txt", SETTINGS).text == text


def test_one_block_per_non_empty_line_numbered_like_an_editor() -> None:
    doc = read_bytes("第一行\n\n第三行\n".encode(), "a.txt", SETTINGS)
    assert [(b.kind, b.location, b.ref, doc.text[b.start:b.end]) for b in doc.blocks] == [
        ("line", "第1行", "line/1", "第一行"), ("line", "第3行", "line/3", "第三行")]


@pytest.mark.parametrize("data", [
    bytes(range(256)) * 4,                                  # binary junk
    b"PK\x01\x02" + b"\x00\xff\x13" * 500,                   # NULs, no parity
    "正文".encode() + b"\x00\x00\x01\x02" + b"\x00" * 50,
    b"\x89PNG\r\n\x1a\n" + bytes(range(1, 200)) * 20,
])
def test_binary_junk_is_unreadable(data: bytes) -> None:
    with pytest.raises(ReadError) as err:
        read_bytes(data, "notes.txt", SETTINGS)
    assert err.value.code == "UNREADABLE"


def test_md_goes_through_the_text_reader() -> None:
    doc = read_bytes("# 标题\n正文".encode(), "a.md", SETTINGS)
    assert doc.format.value == "md" and doc.text == "# 标题\n正文"


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("关于通知張三0123456789abc ，。\t\r\n　") + ["\u200b", "😀"]), min_size=1))
def test_utf8_text_is_kept_exactly_but_line_breaks(raw: str) -> None:
    if not raw.strip():
        return
    doc = read_bytes(raw.encode("utf-8"), "a.txt", SETTINGS)
    assert doc.text == raw.replace("\r\n", "\n").replace("\r", "\n")
    assert_document_ok(doc)


def test_junk_scan_skips_only_characters_that_are_never_junk():
    """The fast path of the junk-share check must not hide a control, unassigned or private character."""
    import unicodedata

    from mishen.read._decode import _COMMON

    for code in range(0x110000):
        ch = chr(code)
        if _COMMON.fullmatch(ch) and ch not in "\t\n\r\f\v":    # white space is never junk
            assert unicodedata.category(ch) not in ("Cc", "Cn", "Co", "Cs") and ch != "\ufffd", hex(code)

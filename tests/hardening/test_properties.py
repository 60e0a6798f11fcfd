"""Property-based tests: txt/html readers take any bytes; offsets of every finding map back to its text."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mishen.read import ReadError, read_bytes
from mishen.settings import Settings
from models import Decision
from tests.hardening.corpus import HOMOGLYPHS, ID

SETTINGS = Settings()
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u202e", "\u202c", "\u2067", "\u2069", "\u00ad"]
PIECES = st.sampled_from([
    ID, "13812345678", "张三", "張三", "李四", "身份证号", "电话", "申请人", "秘密★1年", "http://10.1.2.3/admin",
    "密码：Abc@12345", "（此件公开发布）", "\n", "。", "，", " ", "\t", "各镇人民政府：", "关于做好防汛工作的通知",
    *INVISIBLE, *HOMOGLYPHS.values(), "Ищем", "مرحبا", "𠀀", "\x00", "\r\n", "<p>", "&amp;",
])
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=6)), max_size=30).map("".join)
HTML_PIECES = st.sampled_from([
    "<p>", "</p>", "<div style='display:none'>", "</div>", "<a href='http://x.example/'>", "</a>", "<br>",
    "<script>", "</script>", "<!--", "-->", "<table><tr><td>", "</td></tr></table>", "<pre>", "</pre>",
    "<meta charset='gbk'>", "<meta charset='x-unknown'>", "<title>", "</title>", "<style>p{display:none}</style>",
    "<td colspan='99999999999'>", "<iframe src='//a'>", "&#0;", "&#xD800;", "&nbsp;", "<?xml version='1.0'?>",
    "<![CDATA[", "]]>", "<input type=hidden value='x'>", "<noscript>", "<template>", "<html>", "<body>",
])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=2000), name=st.sampled_from(["a.txt", "a.html", "a.md", "a", "a.htm"]))
def test_any_bytes_give_a_document_or_a_read_error(data: bytes, name: str) -> None:
    try:
        doc = read_bytes(data, name, SETTINGS)
    except ReadError as exc:
        assert exc.code and exc.message
        return
    assert isinstance(doc.text, str)
    for block in doc.blocks:
        assert 0 <= block.start <= block.end <= len(doc.text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(parts=st.lists(st.one_of(HTML_PIECES, PIECES, st.text(max_size=8)), max_size=40),
       encoding=st.sampled_from(["utf-8", "gbk", "utf-16", "latin-1"]))
def test_any_markup_gives_a_document_or_a_read_error(parts: list[str], encoding: str) -> None:
    data = "".join(parts).encode(encoding, errors="replace")
    try:
        doc = read_bytes(data, "a.html", SETTINGS)
    except ReadError:
        return
    for part in doc.hidden_parts:
        for block in part.document.blocks:
            assert 0 <= block.start <= block.end <= len(part.document.text)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(text=TEXT)
def test_every_finding_maps_back_to_its_text(reviewer, text: str) -> None:
    """End to end over reader, normaliser and every detector: report.span_text(part, start, end) == text."""
    report = reviewer.review_bytes(text.encode("utf-8"), "a.txt")
    if report.error is not None:
        assert report.decision is Decision.BLOCK
        return
    for f in report.findings:
        assert report.span_text(f.part, f.start, f.end) == f.text
    if any(f.category.value == "CN_ID_CARD" for f in report.findings):
        assert report.decision is not Decision.PASS


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(prefix=TEXT, junk=st.lists(st.sampled_from(INVISIBLE), min_size=1, max_size=4), cut=st.integers(1, 17))
def test_invisible_characters_inside_an_id_never_hide_it(reviewer, prefix: str, junk: list[str], cut: int) -> None:
    text = f"{prefix}\n联系人身份证号{ID[:cut]}{''.join(junk)}{ID[cut:]}。"
    report = reviewer.review_bytes(text.encode("utf-8"), "a.txt")
    if report.error is not None:  # control characters in the prefix: refused as unreadable, which blocks
        assert report.decision is Decision.BLOCK
        return
    hits = [f for f in report.findings if f.category.value == "CN_ID_CARD"
            and "".join(c for c in f.text if c.isdigit()) == ID]
    assert hits and report.decision is not Decision.PASS

"""The HTML report escapes every piece of document text and highlights the flagged spans."""
from __future__ import annotations

import pytest

from mishen.render.highlight import segments
from mishen.render.html import render_html, render_index
from models import (
    Action, Category, Decision, Finding, HiddenKind, HiddenPartInfo, Report, ReportDocument, Script, Severity,
)

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def _finding(start: int, end: int, text: str, category: Category = Category.CN_ID_CARD, part: str | None = None,
             fid: str = "f1") -> Finding:
    return Finding(id=fid, category=category, start=start, end=end, text=text, score=0.9, severity=Severity.HIGH,
                   rules=["P2"], detector="test", explanation=XSS, action=Action.REDACT, part=part)


def _report(text: str, findings: list[Finding], parts: list[HiddenPartInfo] | None = None) -> Report:
    doc = ReportDocument(source=XSS + ".txt", sha256="ab" * 32, format="txt", text=text, title=XSS,
                         is_official_document=True, script=Script.SIMPLIFIED)
    return Report(document=doc, findings=findings, hidden_parts=parts or [], decision=Decision.REVIEW)


def test_document_text_file_name_and_explanations_are_escaped() -> None:
    text = f"正文{XSS}身份证号110101199003071234"
    start = text.index("1101")
    part = HiddenPartInfo(id="comment/1", kind=HiddenKind.COMMENT, location="批注1", text=XSS,
                          attrs={"author": XSS})
    html = render_html(_report(text, [_finding(start, start + 18, text[start:start + 18]),
                                      _finding(0, 5, XSS[:5], part="comment/1", fid="f2")], [part]))
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html
    assert "110101199003071234" in html and 'class="g-personal_data"' in html
    index = render_index([(_report(text, []), f'x"><script>.html')])
    assert "<script>" not in index


@pytest.mark.parametrize(("spans", "expected"), [
    ([], [("abcdef", None)]),
    ([(1, 3)], [("a", None), ("bc", "f1"), ("def", None)]),
    ([(0, 6)], [("abcdef", "f1")]),
    ([(1, 4), (2, 5)], [("a", None), ("b", "f1"), ("cd", "f1,f2"), ("e", "f2"), ("f", None)]),
    ([(2, 2)], [("abcdef", None)]),  # an empty span highlights nothing
])
def test_segments_cover_text_in_order(spans: list[tuple[int, int]], expected: list[tuple[str, str | None]]) -> None:
    text = "abcdef"
    findings = [_finding(a, b, text[a:b], fid=f"f{i}") for i, (a, b) in enumerate(spans, 1)]
    got = [(s.text, ",".join(s.finding_ids) or None) for s in segments(text, findings)]
    assert got == expected
    assert "".join(s.text for s in segments(text, findings)) == text

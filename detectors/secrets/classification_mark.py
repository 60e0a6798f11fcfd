"""CLASSIFICATION_MARK: 密级标志 and 保密期限 (绝密★长期, 机密★5年, 秘密★6个月) — rule S1."""
from __future__ import annotations

from typing import Literal

import regex

from detectors.base import finding_from_view
from detectors.secrets._text import head_end, lines, view_span
from models import Action, Category, Document, Finding, NormalizedText, Severity

LEVEL = r"(?:绝密|机密|秘密)"
PERIOD = r"(?:\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*(?:年|个月|月)|\s*长期)"
STAR = r"\s*[★☆＊*]"
# 秘密★1年 anywhere (版头 or a stamp); 机密★ alone is a mark too.
STARRED = regex.compile(LEVEL + STAR + PERIOD + "?")
# 密级：秘密 / 密级: 机密★5年 (a field with a value, not a form with □ boxes).
FIELD = regex.compile(r"密级\s*[:：]\s*(?P<mark>" + LEVEL + "(?:" + STAR + PERIOD + "?)?)")
# A 版头 line holding only the mark, with 份号 before and 紧急程度 after: "000123 秘密 特急".
HEAD_LINE = regex.compile(
    r"^\s*(?:\d{6}\s*)?(?P<mark>" + LEVEL + "(?:" + STAR + PERIOD + "?|" + PERIOD + r")?)\s*(?:特急|加急|特提|平急)?\s*$")
OPEN_QUOTES = "“‘\"'「『"
CLOSE_QUOTES = "”’\"'」』"


class ClassificationMarkDetector:
    """Finds 密级标志 in the 版头, as a stamp anywhere, or as a 密级 field; a quoted example is not a mark."""

    name = "classification_mark"
    scope: Literal["text", "document"] = "text"

    def detect(self, doc: Document, view: NormalizedText) -> list[Finding]:
        text = view.text
        spans: dict[tuple[int, int], tuple[str, float]] = {}
        for m in STARRED.finditer(text):
            if not _quoted(text, m.start(), m.end()):
                spans[(m.start(), m.end())] = ("starred", 0.99)
        for m in FIELD.finditer(text):
            spans.setdefault(m.span("mark"), ("field", 0.9))
        limit = head_end(text)
        for start, line in lines(text):
            if start >= limit:
                break
            m = HEAD_LINE.match(line)
            if m:
                spans.setdefault((start + m.start("mark"), start + m.end("mark")), ("head", 0.95))
        structure = doc.structure
        if structure is not None and structure.classification is not None:
            el = structure.classification
            spans.setdefault(view_span(view, el.start, el.end), ("structure", 0.99))
        return [self._finding(doc, view, a, b, how, score) for (a, b), (how, score) in _disjoint(spans)]

    def _finding(self, doc: Document, view: NormalizedText, a: int, b: int, how: str, score: float) -> Finding:
        return finding_from_view(
            doc, view, a, b, category=Category.CLASSIFICATION_MARK, detector=self.name, score=score,
            severity=Severity.CRITICAL, rules=["S1", "D7"], action=Action.BLOCK,
            explanation=_EXPLAIN[how], evidence={"pattern": how},
        )


_EXPLAIN = {
    "starred": "密级标志（密级★保密期限），标有密级的文件属于国家秘密，不得公开发布",
    "field": "“密级”字段标明了密级，标有密级的文件不得公开发布",
    "head": "版头中的密级标志，标有密级的文件不得公开发布",
    "structure": "版头中的密级和保密期限，标有密级的文件不得公开发布",
}


def _quoted(text: str, start: int, end: int) -> bool:
    """A mark written inside quotes is an example being talked about (“秘密★1年”字样), not a mark."""
    return start > 0 and text[start - 1] in OPEN_QUOTES and end < len(text) and text[end] in CLOSE_QUOTES


def _disjoint(spans: dict[tuple[int, int], tuple[str, float]]) -> list[tuple[tuple[int, int], tuple[str, float]]]:
    """Keep the longest of overlapping spans."""
    kept: list[tuple[tuple[int, int], tuple[str, float]]] = []
    for span, info in sorted(spans.items(), key=lambda kv: (kv[0][0], -(kv[0][1] - kv[0][0]))):
        if kept and span[0] < kept[-1][0][1]:
            continue
        kept.append((span, info))
    return kept

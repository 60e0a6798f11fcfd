"""UPWARD_REQUEST: 请示, and 报告 sent to a superior body — rule D5."""
from __future__ import annotations

from typing import Literal

import regex

from detectors.base import finding_from_view
from detectors.markers._outline import Line, outline
from models import Action, Category, Document, Finding, NormalizedText, Severity

# 妥否，请批示 / 特此请示 / 以上报告，请审阅 — the closing formulas of upward documents.
CLOSING = regex.compile(
    r"(?:妥否|当否|可否|是否可行|是否妥当)[，,]?\s*请(?:批示|批复|审批|指示|示|审定|示复)"
    r"|特此请示|特此报告|请予(?:批示|批复|审批)"
    r"|以上(?:请示|报告)[^。\n]{0,15}?请(?:审阅|审示|批示|审定|审批|批复|指正)")
# Reports to the public or to the 人大 by law, not upward 公文: 政府工作报告, 政府信息公开工作年度报告 …
PUBLIC_REPORT = regex.compile(r"政府工作报告|年度报告|公报|白皮书|审计工作报告|发展报告|统计.{0,4}报告|决算.{0,4}报告"
                              r"|预算.{0,8}报告|执行情况的报告$")


class UpwardRequestDetector:
    """A 请示 is always upward; a 报告 is when it has a 主送机关 or closes with 特此报告 / 请审阅."""

    name = "upward_request"
    scope: Literal["text", "document"] = "document"

    def detect(self, doc: Document, view: NormalizedText) -> list[Finding]:
        out = outline(doc, view)
        closing = CLOSING.search(view.text)
        title = out.title
        if title is not None and out.doc_type == "请示":
            return [self._finding(doc, view, title, "title_request", 0.95)]
        if title is not None and out.doc_type == "报告" and not PUBLIC_REPORT.search(title.text):
            if out.recipients is not None or closing is not None:
                return [self._finding(doc, view, title, "title_report", 0.85)]
        if closing is not None and (title is None or not PUBLIC_REPORT.search(title.text)):
            return [self._finding(doc, view, Line(closing.start(), closing.end(), closing.group()), "closing", 0.8)]
        return []

    def _finding(self, doc: Document, view: NormalizedText, span: Line, how: str, score: float) -> Finding:
        return finding_from_view(
            doc, view, span.start, span.end, category=Category.UPWARD_REQUEST, detector=self.name, score=score,
            severity=Severity.HIGH, rules=["D5"], action=Action.REVIEW, explanation=_EXPLAIN[how],
            evidence={"pattern": how},
        )


_EXPLAIN = {
    "title_request": "文种为请示，属于报上级机关的请示，一般不予公开",
    "title_report": "向上级机关报送的报告（有主送机关或“特此报告”等结束语），一般不予公开",
    "closing": "含“妥否，请批示”“特此报告”等上行文结束语，属于报上级机关的请示或报告，一般不予公开",
}

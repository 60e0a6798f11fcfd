"""PARTY_DOCUMENT: documents issued by a Party committee or 党组 — rule D10 (领导分工 is the exception)."""
from __future__ import annotations

from typing import Literal

import regex

from detectors.base import finding_from_view
from detectors.markers._outline import Line, outline, view_element
from detectors.markers.personnel_case import ALLOWED_ISSUER, SUBJECT
from models import Action, Category, Document, Finding, NormalizedText, Severity

PARTY = r"(?:中共|中国共产党)[^\s，。；、]{1,30}?(?:委员会|党组|党委|党工委|工委|委)(?:办公室|办公厅)?"
ISSUER_MARK = regex.compile(r"^" + PARTY + r"(?:\s+[^\s]{2,30})*?\s*文件$|^" + PARTY + r"$")
SIGNATURE = regex.compile(r"^" + PARTY + r"$")
DOC_NUMBER = regex.compile(r"[\p{Han}]{0,8}(?:委发|委办发|委办|党组发|党发|党组|委字|工委发|党委发)\s*"
                           r"[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d{1,4}\s*号")
# 党组会议纪要 / 党委（扩大）会议纪要: the minutes of a Party committee or group meeting.
PARTY_MINUTES = regex.compile(r"(?:党组|党委|党工委|党总支|常委会)(?:扩大)?会议纪要")
LEADER_DUTIES = regex.compile(r"领导(?:班子)?(?:成员)?(?:工作)?分工")


class PartyDocumentDetector:
    """Evidence, best first: a 发文机关标志 中共…委员会(文件), 党组会议纪要, a 发文机关署名, a 委发/党组发
    document number. A 纪委 or 组织部 case bulletin / appointment is left to rule D13."""

    name = "party_document"
    scope: Literal["text", "document"] = "document"

    def detect(self, doc: Document, view: NormalizedText) -> list[Finding]:
        out = outline(doc, view)
        if out.title is not None and LEADER_DUTIES.search(out.title.text):
            return []
        if out.title is not None and SUBJECT.search(out.title.text) and \
                any(ALLOWED_ISSUER.search(x.text) for x in out.head):
            return []  # 纪委/组织部 publishing 案件通报 / 任免 is their job (D13), not a Party-internal document
        s = doc.structure
        marks = [view_element(view, s.issuer_mark)] if s and s.issuer_mark else out.head
        for line in marks:
            if ISSUER_MARK.match(line.text):
                return [self._finding(doc, view, line, "issuer_mark")]
        for line in ([out.title] if out.title else []) + out.head[:3]:
            if PARTY_MINUTES.search(line.text):
                return [self._finding(doc, view, line, "party_minutes")]
        if out.signature is not None and SIGNATURE.match(out.signature.text):
            return [self._finding(doc, view, out.signature, "signature")]
        number = DOC_NUMBER.search(view.text, 0, out.head[-1].end if out.head else 0)
        if number is not None:
            return [self._finding(doc, view, Line(number.start(), number.end(), number.group()), "doc_number")]
        return []

    def _finding(self, doc: Document, view: NormalizedText, span: Line, how: str) -> Finding:
        return finding_from_view(
            doc, view, span.start, span.end, category=Category.PARTY_DOCUMENT, detector=self.name,
            score=0.9 if how != "doc_number" else 0.75, severity=Severity.HIGH, rules=["D10"],
            action=Action.REVIEW, explanation=_EXPLAIN[how], evidence={"pattern": how},
        )


_EXPLAIN = {
    "issuer_mark": "发文机关标志为党委（党组）机关，党委、党组文件一般不予公开（领导分工除外）",
    "signature": "发文机关署名为党委（党组）机关，党委、党组文件一般不予公开（领导分工除外）",
    "party_minutes": "党委（党组）会议纪要，属于党委、党组文件，一般不予公开",
    "doc_number": "发文字号为党委（党组）文件字号，党委、党组文件一般不予公开（领导分工除外）",
}

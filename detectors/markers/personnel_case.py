"""人事任免 and 案件通报 issued by a body other than 纪检监察 / 组织人事 — rule D13.

No contract category fits; PARTY_DOCUMENT is the closest (these belong to the Party's organisation and
discipline channels). The rule id says D13."""
from __future__ import annotations

from typing import Literal

import regex

from detectors.base import finding_from_view
from detectors.markers._outline import outline
from models import Action, Category, Document, Finding, NormalizedText, Severity

SUBJECT = regex.compile(r"任免|任职|免职|职务任免|任前公示|干部任命|人事任命|案件(?:查处)?(?:情况)?通报|典型案例|违纪违法"
                        r"|违纪|问责情况|处分决定|警示教育通报")
ALLOWED_ISSUER = regex.compile(r"纪律检查委员会|纪委|监察委员会|监委|组织部|人力资源和社会保障|人事局|编委|编办")


class PersonnelCaseDetector:
    """Only a 纪检监察 / 组织人事 body may publish 人事任免 and 案件通报; other issuers need review."""

    name = "personnel_case"
    scope: Literal["text", "document"] = "document"

    def detect(self, doc: Document, view: NormalizedText) -> list[Finding]:
        out = outline(doc, view)
        title = out.title
        if title is None or not SUBJECT.search(title.text):
            return []
        issuer_text = " ".join(x.text for x in (*out.head, out.signature) if x is not None)
        if doc.structure is not None and doc.structure.issuer:
            issuer_text += " " + doc.structure.issuer
        if ALLOWED_ISSUER.search(issuer_text):
            return []
        return [finding_from_view(
            doc, view, title.start, title.end, category=Category.PARTY_DOCUMENT, detector=self.name, score=0.7,
            severity=Severity.MEDIUM, rules=["D13"], action=Action.REVIEW,
            explanation="人事任免、案件通报类信息只由纪检监察、组织人事部门发布，本机关发布需审查",
            evidence={"pattern": "personnel_or_case", "rule": "D13"},
        )]

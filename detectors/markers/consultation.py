"""CONSULTATION: letters asking other departments for opinions, and replies to such requests — rule D6."""
from __future__ import annotations

from typing import Literal

import regex

from detectors.base import finding_from_view
from detectors.markers._outline import Line, is_public_consultation, outline
from models import Action, Category, Document, Finding, NormalizedText, Severity

# 关于征求《…》意见的函 / 关于对《…》修改意见的复函 / 关于反馈…意见的函
TITLE = regex.compile(r"征求.{0,80}?意见的(?:函|通知)|(?:意见|建议)的(?:复函|回函|函|回复)|征求意见函")
BODY = regex.compile(
    r"(?:你|贵)(?:单位|局|委|办|厅|部|院|公司|处|室|中心)?[^。\n]{0,60}?关于征求[^。\n]{0,80}?意见的函》?(?:已)?收悉"
    r"|现将[^。\n]{0,80}?(?:送|发|转)(?:给|至)?(?:你|贵)(?:们|单位|局|委|办|厅|部)?[^。\n]{0,6}?征求意见"
    r"|现将我(?:局|委|办|厅|部|院|单位|中心)(?:的)?(?:修改)?意见(?:函复|反馈|复函|函告)如下")


class ConsultationDetector:
    """Internal consultation between departments; a public consultation (公开征求意见) is not one."""

    name = "consultation"
    scope: Literal["text", "document"] = "document"

    def detect(self, doc: Document, view: NormalizedText) -> list[Finding]:
        if is_public_consultation(view):
            return []
        out = outline(doc, view)
        if out.title is not None and TITLE.search(out.title.text):
            return [self._finding(doc, view, out.title, "title")]
        m = BODY.search(view.text)
        if m is not None:
            return [self._finding(doc, view, Line(m.start(), m.end(), m.group()), "body")]
        return []

    def _finding(self, doc: Document, view: NormalizedText, span: Line, how: str) -> Finding:
        return finding_from_view(
            doc, view, span.start, span.end, category=Category.CONSULTATION, detector=self.name,
            score=0.9 if how == "title" else 0.8, severity=Severity.HIGH, rules=["D6"], action=Action.REVIEW,
            explanation="征求其他部门意见或答复有关部门征求意见的函，一般不予公开", evidence={"pattern": how},
        )

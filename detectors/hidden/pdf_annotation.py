"""PDF_ANNOTATION: PDF annotations, attached files and form fields — rules H."""
from __future__ import annotations

from typing import Literal

from detectors.hidden._part import part_finding
from models import Action, Category, Document, Finding, HiddenKind, HiddenPart, NormalizedText, Severity

_EXPLAIN = {
    HiddenKind.PDF_ANNOTATION: "PDF 注释（批注、便签、标记），读者可在阅读器中看到，公开版本须删除",
    HiddenKind.PDF_ATTACHMENT: "PDF 内嵌附件文件，读者可直接取出，须审查并删除",
    HiddenKind.PDF_FORM_FIELD: "PDF 表单域中的内容，页面上不一定显示，公开版本须清除",
}
_LINK = "PDF 中的链接目标，请核对链接指向（内网地址等由其他检测项标出）"


class PdfAnnotationDetector:
    """Notes, attachments and form fields high/redact; a plain link annotation is reported low, action none
    (its target is scanned by the text detectors like every hidden part)."""

    name = "pdf_annotation"
    scope: Literal["text", "document"] = "document"

    def detect(self, doc: Document, view: NormalizedText) -> list[Finding]:
        out: list[Finding] = []
        for h in doc.hidden_parts:
            if h.kind not in _EXPLAIN:
                continue
            if _is_link(h):
                out.append(part_finding(h, category=Category.PDF_ANNOTATION, detector=self.name, score=0.5,
                                        severity=Severity.LOW, action=Action.NONE, explanation=_LINK))
            else:
                out.append(part_finding(h, category=Category.PDF_ANNOTATION, detector=self.name,
                                        severity=Severity.HIGH, action=Action.REDACT, explanation=_EXPLAIN[h.kind]))
        return out


def _is_link(h: HiddenPart) -> bool:
    return h.kind is HiddenKind.PDF_ANNOTATION and h.attrs.get("subtype") == "Link"

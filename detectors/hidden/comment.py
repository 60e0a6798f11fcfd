"""DOC_COMMENT: 批注 in a .docx (and comment-like notes) — rules H."""
from __future__ import annotations

from typing import Literal

from detectors.hidden._part import part_finding
from models import Action, Category, Document, Finding, HiddenKind, NormalizedText, Severity


class DocCommentDetector:
    name = "doc_comment"
    scope: Literal["text", "document"] = "document"

    def detect(self, doc: Document, view: NormalizedText) -> list[Finding]:
        return [
            part_finding(h, category=Category.DOC_COMMENT, detector=self.name, severity=Severity.HIGH,
                         action=Action.REDACT,
                         explanation="文件含批注，发布后可被读者看到（含批注人），公开版本须删除全部批注")
            for h in doc.hidden_parts if h.kind is HiddenKind.COMMENT
        ]

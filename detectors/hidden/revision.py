"""DOC_REVISION: tracked insertions and deletions — rules H. Deleted text is recoverable from the file."""
from __future__ import annotations

from typing import Literal

from detectors.hidden._part import part_finding
from models import Action, Category, Document, Finding, HiddenKind, NormalizedText, Severity


class DocRevisionDetector:
    """Deletions are high/redact (the removed words still sit in the file); insertions medium/review (the
    revision marks, author and date must be accepted or rejected before release)."""

    name = "doc_revision"
    scope: Literal["text", "document"] = "document"

    def detect(self, doc: Document, view: NormalizedText) -> list[Finding]:
        out: list[Finding] = []
        for h in doc.hidden_parts:
            if h.kind is HiddenKind.DELETION:
                out.append(part_finding(
                    h, category=Category.DOC_REVISION, detector=self.name, severity=Severity.HIGH,
                    action=Action.REDACT, revision="deletion",
                    explanation="修订中删除的文字仍保存在文件中，可被恢复；公开版本须清除全部修订记录"))
            elif h.kind is HiddenKind.INSERTION:
                out.append(part_finding(
                    h, category=Category.DOC_REVISION, detector=self.name, severity=Severity.MEDIUM,
                    action=Action.REVIEW, revision="insertion",
                    explanation="文件含未接受的修订（插入），带有修订人和时间；发布前须接受或拒绝全部修订"))
        return out

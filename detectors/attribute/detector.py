"""The attribute detector: one finding per 附注 problem (ATTR_MISSING, ATTR_POSITION, ATTR_INVALID,
ATTR_REASON_MISSING). ATTR_CONFLICT needs the suggestion and is added by the policy."""
from __future__ import annotations

from typing import Literal

from detectors.attribute.parse import analyse
from models import Action, Category, Document, Finding, NormalizedText, Severity

_SEVERITY = {
    Category.ATTR_MISSING: Severity.HIGH,
    Category.ATTR_INVALID: Severity.MEDIUM,
    Category.ATTR_POSITION: Severity.LOW,
    Category.ATTR_REASON_MISSING: Severity.MEDIUM,
}
_MISSING = "本件为公文，未在附注位置标注公开属性，应退回拟稿人重新标注后办理"


class AttributeNoteDetector:
    """Finds the 附注 and reports what is wrong with it (rules A1–A3)."""

    name = "attribute_note"
    scope: Literal["text", "document"] = "document"

    def detect(self, doc: Document, view: NormalizedText) -> list[Finding]:
        note = analyse(doc, view)
        if note.declared is None:
            if not note.official:
                return []
            at = note.missing_at
            return [self._finding(doc, Category.ATTR_MISSING, at, at, "A1", _MISSING)]
        d = note.declared
        return [self._finding(doc, Category(p.code), d.start, d.end, p.rule, p.message) for p in d.problems]

    def _finding(self, doc: Document, category: Category, start: int, end: int, rule: str,
                 message: str) -> Finding:
        block = doc.block_at(start)
        return Finding(
            category=category, start=start, end=end, text=doc.text[start:end], score=0.95,
            severity=_SEVERITY[category], rules=[rule], detector=self.name, explanation=message,
            action=Action.REVIEW, location=block.location if block else None,
            evidence={"rule": rule},
        )

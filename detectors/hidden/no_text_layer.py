"""NO_TEXT_LAYER: PDF pages with no extractable text (scans, images) cannot be reviewed automatically."""
from __future__ import annotations

from typing import Literal

from models import Action, Category, Document, Finding, NormalizedText, Severity


class NoTextLayerDetector:
    """One finding per page without text; an empty span where that page's text would stand (decision review)."""

    name = "no_text_layer"
    scope: Literal["text", "document"] = "document"

    def detect(self, doc: Document, view: NormalizedText) -> list[Finding]:
        return [self._finding(doc, page) for page in sorted(set(doc.pages_without_text))]

    def _finding(self, doc: Document, page: int) -> Finding:
        at = _page_offset(doc, page)
        return Finding(
            category=Category.NO_TEXT_LAYER, start=at, end=at, text="", score=1.0, severity=Severity.HIGH,
            rules=["H"], detector=self.name, action=Action.REVIEW, location=f"第{page}页",
            explanation=f"第{page}页没有文字层（扫描件或图片），无法自动审查，须人工逐页审查",
            evidence={"page": float(page)},
        )


def _page_offset(doc: Document, page: int) -> int:
    """Where the page's text would start: the first block on this page or a later one, else the end."""
    for block in doc.blocks:
        if block.page is not None and block.page >= page:
            return block.start
    return len(doc.text)

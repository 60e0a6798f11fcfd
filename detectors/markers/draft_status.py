"""DRAFT_STATUS: 征求意见稿 / 讨论稿 / 送审稿 / 草稿 / 未定稿 marking this document — rule D8."""
from __future__ import annotations

from typing import Literal

import regex

from detectors.base import finding_from_view
from detectors.markers._outline import in_book_title, is_public_consultation, split_lines
from models import Action, Category, Document, Finding, NormalizedText, Severity

WORDS = r"(?:征求意见修改稿|征求意见稿|送审修改稿|送审稿|讨论稿|草稿|未定稿|初稿|修改稿|审议稿|代拟稿|内部讨论稿)"
BRACKETED = regex.compile(r"[（(【\[〔]\s*(?P<word>" + WORDS + r")\s*[)）】\]〕]")
ALONE = regex.compile(r"^[\s（(【\[〔]*(?P<word>" + WORDS + r")[\s)）】\]〕]*$")
TITLE_LIKE_MAX = 80


class DraftStatusDetector:
    """A draft marker on a title-like line or alone on a line; inside 《…》 it names another document."""

    name = "draft_status"
    scope: Literal["text", "document"] = "document"

    def detect(self, doc: Document, view: NormalizedText) -> list[Finding]:
        if is_public_consultation(view):
            return []
        text = view.text
        for line in split_lines(text):
            m = ALONE.match(line.text)
            if m is None and len(line.text) <= TITLE_LIKE_MAX and "。" not in line.text:
                m = next((b for b in BRACKETED.finditer(line.text) if not in_book_title(line.text, b.start())),
                         None)
            if m is not None:
                a = line.start + m.start("word")
                return [self._finding(doc, view, a, line.start + m.end("word"))]
        return []

    def _finding(self, doc: Document, view: NormalizedText, a: int, b: int) -> Finding:
        word = view.text[a:b]
        return finding_from_view(
            doc, view, a, b, category=Category.DRAFT_STATUS, detector=self.name, score=0.9,
            severity=Severity.HIGH, rules=["D8"], action=Action.REVIEW,
            explanation=f"文件标为“{word}”，属于尚在讨论、处理过程中的过程性信息，一般不予公开",
            evidence={"pattern": "draft_word", "word": word},
        )

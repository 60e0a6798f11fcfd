"""A phrase-list detector: each match of a pattern in the view is a finding of one category and rule."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import regex

from detectors.base import finding_from_view
from models import Action, Category, Document, Finding, NormalizedText, Severity


# A sentence that states a general rule or lists kinds of information (正在调查、讨论、处理过程中的信息…不予公开;
# 发布…重要地理信息数据、统计信息等政府信息，应当…) mentions the concept; it does not say this document is one.
_CLAUSE_END = regex.compile(r"[。；;！!？?，,\n]")
_GENERAL = regex.compile(r"应当|不予公开|可以不予|除外|[等的](?:政府)?信息|的文件|的内容")


def is_general_mention(text: str, start: int, end: int) -> bool:
    """True when the match at [start, end) sits in an enumeration or a clause stating a general rule."""
    if text[start - 1:start] == "、" or text[end:end + 1] == "、":
        return True
    begin = max(text.rfind(c, 0, start) for c in "。；;！!？?，,\n") + 1
    stop = _CLAUSE_END.search(text, end)
    return bool(_GENERAL.search(text, begin, stop.start() if stop else len(text)))


@dataclass(frozen=True)
class Phrase:
    pattern: regex.Pattern[str]
    label: str          # evidence: which kind of phrase it is
    explanation: str    # for the reviewer, in Chinese


class PhraseDetector:
    """Base for D8/D9/D12: patterns as class data, one finding per (non-overlapping) match."""

    name = "phrases"
    scope: Literal["text", "document"] = "document"
    category: Category = Category.DRAFT_STATUS
    rule = "D8"
    severity = Severity.MEDIUM
    score = 0.75
    phrases: tuple[Phrase, ...] = ()

    def detect(self, doc: Document, view: NormalizedText) -> list[Finding]:
        found: list[tuple[int, int, Phrase]] = []
        for phrase in self.phrases:
            found.extend((m.start(), m.end(), phrase) for m in phrase.pattern.finditer(view.text)
                         if not is_general_mention(view.text, m.start(), m.end()))
        found.sort(key=lambda x: (x[0], -x[1]))
        out: list[Finding] = []
        last_end = -1
        for a, b, phrase in found:
            if a < last_end:
                continue
            last_end = b
            out.append(finding_from_view(
                doc, view, a, b, category=self.category, detector=self.name, score=self.score,
                severity=self.severity, rules=[self.rule], action=Action.REVIEW,
                explanation=phrase.explanation, evidence={"pattern": phrase.label, "rule": self.rule},
            ))
        return out

"""What a detector is, and the one helper that turns a match in the normalised view into a Finding."""
from __future__ import annotations

from typing import Literal, Protocol

from models import Action, Category, Document, Finding, NormalizedText, Severity


class Detector(Protocol):
    """Document -> findings. ``scope`` says what the pipeline runs it on.

    - ``"text"``: every text of the document, the main text and each hidden part (comments, deleted
      revisions, metadata …); it must not rely on ``doc.structure``, which hidden parts do not have.
    - ``"document"``: the main document only, with its structure, blocks and hidden parts.
    """

    name: str
    scope: Literal["text", "document"]

    def detect(self, doc: Document, view: NormalizedText) -> list[Finding]: ...


def finding_from_view(
    doc: Document,
    view: NormalizedText,
    start: int,
    end: int,
    *,
    category: Category,
    detector: str,
    score: float,
    severity: Severity,
    rules: list[str],
    explanation: str,
    action: Action = Action.REVIEW,
    replacement: str | None = None,
    evidence: dict[str, str | float | bool | None] | None = None,
) -> Finding:
    """A Finding for the view span [start, end), with offsets and text of the original document."""
    a, b = view.span_to_original(start, end)
    block = doc.block_at(a)
    return Finding(
        category=category, start=a, end=b, text=doc.text[a:b], score=score, severity=severity,
        rules=rules, detector=detector, explanation=explanation, action=action, replacement=replacement,
        location=block.location if block else None, evidence=evidence or {},
    )

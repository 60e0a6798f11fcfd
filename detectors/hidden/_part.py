"""A finding about a whole hidden part: span = the part's text, location = where the part sits."""
from __future__ import annotations

from models import Action, Category, Finding, HiddenPart, Severity

RULES = ["H"]


def part_finding(hidden: HiddenPart, *, category: Category, detector: str, severity: Severity, action: Action,
                 explanation: str, score: float = 0.99, **evidence: str | float | bool | None) -> Finding:
    text = hidden.document.text
    return Finding(
        category=category, start=0, end=len(text), text=text, score=score, severity=severity, rules=list(RULES),
        detector=detector, explanation=explanation, action=action, part=hidden.id, location=hidden.location,
        evidence={"kind": hidden.kind.value, **{k: v for k, v in hidden.attrs.items() if k in _SAFE_ATTRS},
                  **evidence},
    )


# Attributes safe to copy into evidence (never the text itself).
_SAFE_ATTRS = frozenset({"author", "date", "field", "why", "href", "page", "subtype", "name"})

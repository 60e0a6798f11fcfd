"""A rule that applies to a document: which rule, what it says the attribute is, and the case in words."""
from __future__ import annotations

from dataclasses import dataclass, field

import regex

from models import Attribute, Finding

# Findings a detector raised carry more weight than the policy's own reading of the text.
FROM_FINDING = 0.93
FROM_TEXT = 0.88


@dataclass
class Hit:
    rule: str
    attribute: Attribute | None      # None: the rule only affects the opinion (D12, D13, D14) or decision
    detail: str                      # the case in Chinese, fills {detail} of the rule's reason template
    strength: float                  # how sure the rule applies, 0..1
    template: str | None = None      # an alternative reason template of the rule (alt:)
    cites: list[str] = field(default_factory=list)      # further rule ids it rests on (P2, S3 …)
    findings: list[Finding] = field(default_factory=list)  # the findings it rests on (redact list)
    suppressed_by: str | None = None  # a rule that overrides it (kept for the reasons)


def first(pattern: str, text: str, flags: int = 0) -> str | None:
    """The first match of ``pattern`` in ``text`` (the whole match), or None."""
    m = regex.search(pattern, text, flags)
    return m.group(0) if m else None


def quoted(findings: list[Finding], limit: int = 2) -> str:
    """The distinct texts of some findings, quoted for a reason: “工作秘密”、“内部资料”."""
    seen: list[str] = []
    for f in findings:
        t = f.text.strip()
        if t and t not in seen:
            seen.append(t)
    return "、".join(f"“{t[:20]}”" for t in seen[:limit])

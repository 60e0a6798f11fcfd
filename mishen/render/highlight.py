"""Cut a text into segments, each with the findings that cover it, for highlighting."""
from __future__ import annotations

from dataclasses import dataclass

from models import Finding, Group

# When spans of several groups overlap, the colour of the most serious group wins.
_GROUP_PRIORITY = [Group.SECRET, Group.PERSONAL_DATA, Group.HIDDEN_CONTENT, Group.INTERNAL_MARKER,
                   Group.ATTRIBUTE, Group.FORMAT]


@dataclass(frozen=True)
class Segment:
    text: str
    group: Group | None
    finding_ids: tuple[str, ...]


def segments(text: str, findings: list[Finding]) -> list[Segment]:
    """Disjoint segments covering ``text`` in order; findings with empty spans are left out."""
    spans = [f for f in findings if f.end > f.start]
    cuts = sorted({0, len(text), *(f.start for f in spans), *(f.end for f in spans)})
    starts: dict[int, list[Finding]] = {}
    for f in spans:
        starts.setdefault(f.start, []).append(f)
    active: list[Finding] = []
    out: list[Segment] = []
    for a, b in zip(cuts, cuts[1:]):
        active = [f for f in active if f.end > a] + starts.get(a, [])
        if a == b:
            continue
        group = None
        if active:
            group = min((f.group for f in active), key=_GROUP_PRIORITY.index)
        out.append(Segment(text[a:b], group, tuple(f.id for f in active)))
    return out

"""Replace values in text that is split over several nodes (Word runs, HTML inline elements).

A value may start in one node and end in another (张 in one run, 三 in the next, because a spellchecker
or a tracked change split them). The whole mask goes into the node where the value starts; the covered
characters of the other nodes are deleted, so every node keeps its own formatting.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from mishen.redact.match import Matcher, replace_spans


@dataclass
class Segment:
    """One node's text with a setter writing it back."""

    text: str
    write: Callable[[str], None]


def replace_in_segments(segments: Sequence[Segment], matcher: Matcher, masks: dict[str, str]) -> Counter[str]:
    """Mask every key of ``masks`` found in the joined text; returns how often each key was replaced."""
    counts: Counter[str] = Counter()
    joined = "".join(s.text for s in segments)
    matches = matcher.find(joined, list(masks))
    if not matches:
        return counts
    bounds, offset = [], 0
    for seg in segments:
        bounds.append((offset, offset + len(seg.text)))
        offset += len(seg.text)
    edits: list[list[tuple[int, int, str]]] = [[] for _ in segments]
    for start, end, key in matches:
        counts[key] += 1
        placed = False
        for i, (a, b) in enumerate(bounds):
            lo, hi = max(start, a), min(end, b)
            if lo >= hi:
                continue
            edits[i].append((lo - a, hi - a, "" if placed else masks[key]))
            placed = True
    for seg, spans in zip(segments, edits):
        if spans:
            seg.text = replace_spans(seg.text, spans)
            seg.write(seg.text)
    return counts


def replace_in_string(text: str, matcher: Matcher, masks: dict[str, str]) -> tuple[str, Counter[str]]:
    """The same for a single string (attribute values, plain text)."""
    matches = matcher.find(text, list(masks))
    counts = Counter(key for _, _, key in matches)
    if not matches:
        return text, counts
    return replace_spans(text, [(s, e, masks[k]) for s, e, k in matches]), counts

"""Digit runs in the view, including numbers split by spaces, hyphens or a (PDF) line break.

A run is a maximal sequence of digit groups joined by one separator; each contiguous sequence of its groups
is a candidate number (``1101 0119 9003 0712 34``, ``110101199003\\n071234``, ``138-1234-5678``). A
candidate never starts or ends inside a group, and never touches a letter or digit outside the run.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

# groups of digits (the last may end in X for ID numbers) joined by a short separator
_RUN = regex.compile(
    r"(?<![0-9A-Za-z.])[0-9]+(?:(?:[ \t]{1,2}|[ \t]?[-\n][ \t]?)[0-9]+)*[Xx]?(?![0-9A-Za-z]|\.[0-9])")
_GROUP = regex.compile(r"[0-9]+[Xx]?")


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int          # view offsets of the candidate, separators inside included
    end: int
    digits: str         # the characters without separators
    split: bool         # True when a separator sits inside


def runs(text: str) -> Iterator[tuple[int, int]]:
    """Spans of maximal digit runs."""
    for m in _RUN.finditer(text):
        yield m.start(), m.end()


def candidates(text: str, lengths: frozenset[int], max_groups: int = 6) -> Iterator[Candidate]:
    """Every contiguous sequence of groups of a run whose digit count is in ``lengths``."""
    shortest = min(lengths)
    for start, end in runs(text):
        if end - start < shortest:
            continue  # fewer characters than the shortest number (most runs: years, counts, amounts)
        groups = [(g.start(), g.end()) for g in _GROUP.finditer(text, start, end)]
        for i in range(len(groups)):
            count = 0
            for j in range(i, min(len(groups), i + max_groups)):
                count += groups[j][1] - groups[j][0]
                if count > max(lengths):
                    break
                if count in lengths:
                    a, b = groups[i][0], groups[j][1]
                    digits = "".join(text[x:y] for x, y in groups[i:j + 1])
                    yield Candidate(a, b, digits, j > i)


def is_whole_run(text: str, cand: Candidate) -> bool:
    """True when the candidate is a run by itself (no digit group glued on either side)."""
    before = text[max(0, cand.start - 3):cand.start]
    after = text[cand.end:cand.end + 3]
    return not (before.rstrip(" \t-\n")[-1:].isdigit() and before != before.rstrip(" \t-\n")) and not (
        after.lstrip(" \t-\n")[:1].isdigit() and after != after.lstrip(" \t-\n"))

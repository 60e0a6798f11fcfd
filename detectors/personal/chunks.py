"""Bounded chunks of a view, cut at line ends: Presidio and spaCy are superlinear on long texts."""
from __future__ import annotations

import regex

_SENTENCE_END = regex.compile(r"[。！？；!?;]")


def split(text: str, limit: int = 1500) -> list[tuple[int, str]]:
    """(offset, chunk) pairs covering ``text``; never cuts at a line break between two digits (a number
    broken across PDF lines) and only cuts inside a line, at a sentence end, when the line is too long."""
    out: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = _cut(text, start, limit)
        out.append((start, text[start:end]))
        start = end
    return out


def _cut(text: str, start: int, limit: int) -> int:
    if len(text) - start <= limit:
        return len(text)
    hard = start + limit
    pos = text.rfind("\n", start + limit // 4, hard)
    while pos > start and _inside_number(text, pos):
        pos = text.rfind("\n", start + limit // 4, pos)
    if pos > start:
        return pos + 1
    ends = [m.end() for m in _SENTENCE_END.finditer(text, start + limit // 4, hard)]
    return ends[-1] if ends else hard


def _inside_number(text: str, pos: int) -> bool:
    return pos > 0 and pos + 1 < len(text) and text[pos - 1].isdigit() and text[pos + 1].isdigit()

"""Context scoring without Presidio's quadratic enhancer: look at a few characters around a match."""
from __future__ import annotations

from collections.abc import Iterable


def before(text: str, start: int, words: Iterable[str], window: int = 12) -> str | None:
    """The context word nearest before ``start`` within ``window`` characters on the same line, if any."""
    left = text[max(0, start - window):start]
    left = left[left.rfind("\n") + 1:]
    best: tuple[int, str] | None = None
    for word in words:
        pos = left.rfind(word)
        if pos >= 0 and (best is None or pos + len(word) > best[0]):
            best = (pos + len(word), word)
    return best[1] if best else None


def after(text: str, end: int, words: Iterable[str], window: int = 6) -> str | None:
    """The first context word after ``end`` within ``window`` characters on the same line, if any."""
    right = text[end:end + window]
    cut = right.find("\n")
    right = right if cut < 0 else right[:cut]
    hits = [(right.find(w), w) for w in words if w in right]
    return min(hits)[1] if hits else None


def line_of(text: str, start: int, end: int) -> str:
    """The line around a span."""
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    return text[a:b if b >= 0 else len(text)]


def line_bounds(text: str, pos: int) -> tuple[int, int]:
    """(start, end) of the line holding ``pos``."""
    b = text.find("\n", pos)
    return text.rfind("\n", 0, pos) + 1, b if b >= 0 else len(text)

"""Helpers the secret detectors share: lines of the view, and original spans mapped into the view."""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator

from models import NormalizedText


def lines(text: str) -> Iterator[tuple[int, str]]:
    """(start offset, line) for every line of ``text``, newline excluded."""
    start = 0
    for line in text.split("\n"):
        yield start, line
        start += len(line) + 1


def view_span(view: NormalizedText, start: int, end: int) -> tuple[int, int]:
    """The view span covering the original span [start, end)."""
    return bisect_left(view.to_original, start), bisect_left(view.to_original, end)


def head_end(text: str, max_lines: int = 6) -> int:
    """End offset of the 版头 region: the non-empty lines before the title or the first sentence of prose
    (a line starting with 关于, holding 。, or longer than 30 characters), at most ``max_lines`` of them."""
    seen = 0
    for start, line in lines(text):
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("关于") or "。" in stripped or len(stripped) > 30:
            return start
        seen += 1
        if seen >= max_lines:
            return start + len(line)
    return len(text)

"""A PDF page's characters -> lines of text with one box per character.

Lines: characters are grouped by the vertical middle of their boxes (a character joins a line when its
middle is within half the tallest character's height of the line's middle), then ordered left to right.
Spaces: the PDF's own space characters are kept. A space is *inserted* only where there is a real gap:
between two Latin letters/digits when the gap is wider than half their mean width, and between any
characters when the gap is at least a full character (a separate table cell or column). Never for the
sub-character gaps that make pdfminer/pdfplumber print "2020 年 9 月".

A character is a plain tuple (see ``Char``; pdfplumber's coordinates), not a dict: a page has a thousand or
more, and every step below touches each of them.
"""
from __future__ import annotations

from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from models import CharBox

REPLACEMENT = "\ufffd"   # what an unmapped glyph (no Unicode value known) becomes

# The fields of a character tuple: the vertical middle of its box (first, so that lines sort on it), the box
# (x0 < x1, top < bottom, PDF points from the page's top left), its text, font size, and the address of the
# text object that drew it (for the drawing order; None where PDFium gives none).
MID, X0, TOP, X1, BOTTOM, TEXT, SIZE, OBJ = range(8)
Char = tuple[float, float, float, float, float, str, float, Any]

_by_middle = itemgetter(MID, X0)
_by_x0 = itemgetter(X0)


def make_char(text: str, x0: float, top: float, x1: float, bottom: float, size: float, obj: Any = None) -> Char:
    return ((top + bottom) / 2, x0, top, x1, bottom, text, size, obj)


@dataclass
class Line:
    text: str
    boxes: list[CharBox | None]
    chars: list[Char]           # the chars, in reading order
    offsets: list[int]          # offset in ``text`` of each of ``chars``


def group_lines(chars: list[Char]) -> list[list[Char]]:
    """Chars -> lines, top to bottom, each left to right."""
    lines: list[list[Char]] = []
    line: list[Char] = []
    middle = height = 0.0
    for char in sorted(chars, key=_by_middle):
        mid = char[MID]
        h = char[BOTTOM] - char[TOP]
        if line and abs(mid - middle) <= (height if height > h else h) / 2:
            line.append(char)
            if h > height:
                middle, height = mid, h
        else:
            line = [char]
            lines.append(line)
            middle, height = mid, h
    for index, line in enumerate(lines):
        if len(line) > 1:
            line.sort(key=_by_x0)
    return lines


def build_line(chars: list[Char], page: int, tolerance: float = 1.0) -> Line:
    """One line's characters (left to right) -> its text and boxes. A glyph drawn again at (almost) the same
    place — fake bold prints every character twice — is dropped: the same text within ``tolerance`` of a kept
    character's x0 and top (the leftmost copy is kept)."""
    pieces: list[str] = []
    boxes: list[CharBox | None] = []
    offsets: list[int] = []
    kept: list[Char] = []
    length = 0
    previous: Char | None = None
    last = ""
    for char in chars:
        _, x0, top, x1, bottom, text, _, _ = char
        if not text:
            continue
        if previous is not None:
            if x0 - previous[X0] <= tolerance and _drawn_again(kept, text, x0, top, tolerance):
                continue
            if x0 > previous[X1] and _needs_space(previous, char, last, text[0]):
                pieces.append(" ")
                boxes.append(None)
                length += 1
        made = CharBox(page=page, x0=round(x0 * 100) / 100, top=round(top * 100) / 100, x1=round(x1 * 100) / 100,
                       bottom=round(bottom * 100) / 100)
        pieces.append(text)
        if len(text) == 1:
            boxes.append(made)
            last = text
        else:
            boxes.extend([made] * len(text))
            last = text[-1]
        offsets.append(length)
        kept.append(char)
        length += len(text)
        previous = char
    return Line(text="".join(pieces), boxes=boxes, chars=kept, offsets=offsets)


def _drawn_again(kept: list[Char], text: str, x0: float, top: float, tolerance: float) -> bool:
    """A kept character (scanning back while their x0 is within ``tolerance``) with this text and place."""
    for other in reversed(kept):
        if x0 - other[X0] > tolerance:
            return False
        if other[TEXT] == text and abs(other[TOP] - top) <= tolerance:
            return True
    return False


def _needs_space(prev: Char, char: Char, last: str, first: str) -> bool:
    if last.isspace() or first.isspace():
        return False
    gap = char[X0] - prev[X1]
    if gap <= 0:
        return False
    size = max(prev[SIZE] or 0.0, char[SIZE] or 0.0) or (char[BOTTOM] - char[TOP])
    if _latin(last) and _latin(first):
        mean_width = ((prev[X1] - prev[X0]) + (char[X1] - char[X0])) / 2
        return gap > max(0.5 * mean_width, 0.1 * size)
    return gap >= size


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def real_char_count(lines: list[Line]) -> int:
    """Characters that carry text: not spaces, not unmapped glyphs."""
    # str.split() splits on exactly the characters str.isspace() calls spaces; U+FFFD is not one of them.
    return sum(len("".join(line.text.split())) - line.text.count(REPLACEMENT) for line in lines)

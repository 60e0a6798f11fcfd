"""A PDF page's characters -> lines of text with one box per character.

Lines: characters are grouped by the vertical middle of their boxes (a character joins a line when its
middle is within half the tallest character's height of the line's middle), then ordered left to right.
Spaces: the PDF's own space characters are kept. A space is *inserted* only where there is a real gap:
between two Latin letters/digits when the gap is wider than half their mean width, and between any
characters when the gap is at least a full character (a separate table cell or column). Never for the
sub-character gaps that make pdfminer/pdfplumber print "2020 年 9 月".
Characters are dicts as ``_pdf_chars.page_chars`` makes them (``text``, ``x0``, ``x1``, ``top``, ``bottom``,
``size``; pdfplumber's keys and coordinates).
"""
from __future__ import annotations

from dataclasses import dataclass

from models import CharBox

REPLACEMENT = "\ufffd"   # what an unmapped glyph (no Unicode value known) becomes


@dataclass
class Line:
    text: str
    boxes: list[CharBox | None]
    chars: list[dict]           # the chars, in reading order
    offsets: list[int]          # offset in ``text`` of each of ``chars``


def char_text(char: dict) -> str:
    return char.get("text") or ""


def group_lines(chars: list[dict]) -> list[list[dict]]:
    """Chars -> lines, top to bottom, each left to right."""
    ordered = sorted(chars, key=lambda c: ((c["top"] + c["bottom"]) / 2, c["x0"]))
    lines: list[list[dict]] = []
    middle = height = 0.0
    for char in ordered:
        mid = (char["top"] + char["bottom"]) / 2
        h = char["bottom"] - char["top"]
        if lines and abs(mid - middle) <= max(height, h) / 2:
            lines[-1].append(char)
            if h > height:
                middle, height = mid, h
        else:
            lines.append([char])
            middle, height = mid, h
    return [sorted(line, key=lambda c: c["x0"]) for line in lines]


def build_line(chars: list[dict], page: int, tolerance: float = 1.0) -> Line:
    """One line's characters (left to right) -> its text and boxes. A glyph drawn again at (almost) the same
    place — fake bold prints every character twice — is dropped: the same text within ``tolerance`` of a kept
    character's x0 and top (the leftmost copy is kept)."""
    pieces: list[str] = []
    boxes: list[CharBox | None] = []
    offsets: list[int] = []
    kept: list[dict] = []
    length = 0
    previous: dict | None = None
    for char in chars:
        text = char.get("text")
        if not text:
            continue
        x0, top = char["x0"], char["top"]
        if previous is not None:
            if x0 - previous["x0"] <= tolerance and _drawn_again(kept, text, x0, top, tolerance):
                continue
            if x0 > previous["x1"] and _needs_space(previous, char, pieces[-1][-1], text[0]):
                pieces.append(" ")
                boxes.append(None)
                length += 1
        box = CharBox(page=page, x0=round(x0 * 100) / 100, top=round(top * 100) / 100,
                      x1=round(char["x1"] * 100) / 100, bottom=round(char["bottom"] * 100) / 100)
        pieces.append(text)
        if len(text) == 1:
            boxes.append(box)
        else:
            boxes.extend([box] * len(text))
        offsets.append(length)
        kept.append(char)
        length += len(text)
        previous = char
    return Line(text="".join(pieces), boxes=boxes, chars=kept, offsets=offsets)


def _drawn_again(kept: list[dict], text: str, x0: float, top: float, tolerance: float) -> bool:
    """A kept character (scanning back while their x0 is within ``tolerance``) with this text and place."""
    for other in reversed(kept):
        if x0 - other["x0"] > tolerance:
            return False
        if other["text"] == text and abs(other["top"] - top) <= tolerance:
            return True
    return False


def _needs_space(prev: dict, char: dict, last: str, first: str) -> bool:
    if last.isspace() or first.isspace():
        return False
    gap = char["x0"] - prev["x1"]
    if gap <= 0:
        return False
    size = max(prev.get("size") or 0.0, char.get("size") or 0.0) or (char["bottom"] - char["top"])
    if _latin(last) and _latin(first):
        mean_width = ((prev["x1"] - prev["x0"]) + (char["x1"] - char["x0"])) / 2
        return gap > max(0.5 * mean_width, 0.1 * size)
    return gap >= size


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def real_char_count(lines: list[Line]) -> int:
    """Characters that carry text: not spaces, not unmapped glyphs."""
    return sum(1 for line in lines for ch in line.text if not ch.isspace() and ch != REPLACEMENT)

"""A PDF page's characters -> lines of text with one box per character.

Lines: characters are grouped by the vertical middle of their boxes (a character joins a line when its
middle is within half the tallest character's height of the line's middle), then ordered left to right.
Spaces: the PDF's own space characters are kept. A space is *inserted* only where there is a real gap:
between two Latin letters/digits when the gap is wider than half their mean width, and between any
characters when the gap is at least a full character (a separate table cell or column). Never for the
sub-character gaps that make pdfminer/pdfplumber print "2020 年 9 月".
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from models import CharBox

_CID = re.compile(r"^\(cid:\d+\)$")
REPLACEMENT = "\ufffd"


@dataclass
class Line:
    text: str
    boxes: list[CharBox | None]
    chars: list[dict]           # the pdfplumber chars, in reading order
    offsets: list[int]          # offset in ``text`` of each of ``chars``


def char_text(char: dict) -> str:
    """The text of one glyph; an unmapped glyph '(cid:123)' becomes U+FFFD."""
    text = char.get("text") or ""
    return REPLACEMENT if _CID.match(text) else text


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


def build_line(chars: list[dict], page: int) -> Line:
    pieces: list[str] = []
    boxes: list[CharBox | None] = []
    offsets: list[int] = []
    length = 0
    previous: dict | None = None
    for char in chars:
        text = char_text(char)
        if not text:
            continue
        if previous is not None and _needs_space(previous, char, pieces[-1][-1], text[0]):
            pieces.append(" ")
            boxes.append(None)
            length += 1
        box = CharBox(page=page, x0=round(char["x0"], 2), top=round(char["top"], 2), x1=round(char["x1"], 2),
                      bottom=round(char["bottom"], 2))
        pieces.append(text)
        boxes.extend([box] * len(text))
        offsets.append(length)
        length += len(text)
        previous = char
    return Line(text="".join(pieces), boxes=boxes, chars=[c for c in chars if char_text(c)], offsets=offsets)


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

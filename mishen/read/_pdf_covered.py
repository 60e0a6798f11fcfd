"""Text under a dark filled rectangle drawn after it: a fake redaction. The text is still in the text
layer (anyone can copy it), so it stays in the document text; each covered run is also a hidden part."""
from __future__ import annotations

from pdfminer.layout import LTChar, LTContainer, LTRect

from mishen.read._pdf_text import Line, char_text

DARK = 0.5            # a fill darker than this (luminance 0..1) hides black text as well as the text itself
_MIN_COVER = 0.6      # the box must be at least this share of the character's height, and half its width


def layout_sequence(layout: LTContainer) -> tuple[list[int], list[tuple[int, LTRect]]]:
    """Drawing order: the sequence number of each LTChar (in the order pdfplumber lists page.chars) and
    each dark filled rectangle with its sequence number."""
    chars: list[int] = []
    rects: list[tuple[int, LTRect]] = []
    stack = [iter(layout)]
    seq = 0
    while stack:
        obj = next(stack[-1], None)
        if obj is None:
            stack.pop()
            continue
        seq += 1
        if isinstance(obj, LTContainer):
            stack.append(iter(obj))
        elif isinstance(obj, LTChar):
            chars.append(seq)
        elif isinstance(obj, LTRect) and obj.fill and luminance(obj.non_stroking_color) < DARK:
            rects.append((seq, obj))
    return chars, rects


def luminance(color: object) -> float:
    """0 (black) .. 1 (white) for grey, RGB and CMYK fills; 1 for anything unknown (patterns)."""
    if isinstance(color, (int, float)):
        color = (color,)
    if not isinstance(color, (tuple, list)) or not all(isinstance(v, (int, float)) for v in color):
        return 1.0
    if len(color) == 1:
        return float(color[0])
    if len(color) == 3:
        r, g, b = color
        return 0.299 * r + 0.587 * g + 0.114 * b
    if len(color) == 4:
        c, m, y, k = color
        return (0.299 * (1 - c) + 0.587 * (1 - m) + 0.114 * (1 - y)) * (1 - k)
    return 1.0


def covered_runs(lines: list[Line], rects: list[tuple[int, LTRect]]) -> list[tuple[int, int, int]]:
    """(line index, start, end) offsets within the line text of runs of characters under a later dark box.
    Characters need a '_seq' (their drawing order); without it nothing counts as covered."""
    runs: list[tuple[int, int, int]] = []
    if not rects:
        return runs
    for index, line in enumerate(lines):
        start = end = None
        for char, offset in zip(line.chars, line.offsets):
            if _covered(char, rects):
                start = offset if start is None else start
                end = offset + len(char_text(char))
            elif start is not None:
                runs.append((index, start, end))
                start = None
        if start is not None:
            runs.append((index, start, end))
    return runs


def _covered(char: dict, rects: list[tuple[int, LTRect]]) -> bool:
    seq = char.get("_seq")
    if seq is None:
        return False
    cx, cy = (char["x0"] + char["x1"]) / 2, (char["y0"] + char["y1"]) / 2
    height, width = char["y1"] - char["y0"], char["x1"] - char["x0"]
    for rect_seq, rect in rects:
        if rect_seq > seq and rect.x0 <= cx <= rect.x1 and rect.y0 <= cy <= rect.y1 \
                and rect.height >= _MIN_COVER * height and rect.width >= 0.5 * width:
            return True
    return False

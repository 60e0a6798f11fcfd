"""Glyphs PDFium leaves out of its text page, read again with pdfminer.

PDFium's text page skips a text object whose outline box has no width, and one that repeats the characters of
one of the five text objects before it "at the same place" (fake bold). Both misfire for a CJK font that is not
embedded, whose glyphs have empty outlines while the reader reads (it hides the system CJK fonts from PDFium, see
``_pdf_fonts``): a lone "。" on a wrapped line or a one-character table cell has no width, and a line that repeats
an earlier line's text a few lines lower looks like a duplicate (an empty box is compared by its left edge only).
Any text object no character of the text page comes from is read again here: pdfminer interprets the page's
content and makes characters only for the show-text operators that start where a lost object starts (elsewhere it
only advances the text position), so a page costs a fraction of a full pdfminer reading, and only pages with a
lost object pay it (≈ 15% of the bench corpus's pages, ≈ 9 ms each). A real fake-bold copy read again this way is
dropped by the reader's de-duplication, as before.
"""
from __future__ import annotations

from pdfminer.layout import LTChar
from pdfminer.pdffont import PDFUnicodeNotDefined
from pdfminer.pdfdevice import PDFTextDevice
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.utils import apply_matrix_pt, mult_matrix

from mishen.read._pdf_chars import PageFrame
from mishen.read._pdf_text import REPLACEMENT, Char, make_char

_GRID = 10.0   # match start points to 0.1 pt


class Recoverer:
    """One per document: pdfminer's resources (fonts) are shared by its pages."""

    def __init__(self) -> None:
        self.resources = PDFResourceManager(caching=True)

    def chars(self, page: object, lost: dict[int, tuple[float, float]], frame: PageFrame) -> tuple[list[Char], int]:
        """The characters of the ``lost`` text objects (address -> start point in user space) of pdfminer's
        ``page``, each with ``obj`` its object's address; and how many of those objects were not found."""
        device = _Catcher(self.resources, lost, frame)
        try:
            PDFPageInterpreter(self.resources, device).process_page(page)
        except _AllFound:
            pass
        return device.found, len(lost) - len(device.matched)


class _AllFound(Exception):
    """Every lost object was read: the rest of the page's content need not be interpreted."""


class _Catcher(PDFTextDevice):
    def __init__(self, resources: PDFResourceManager, lost: dict[int, tuple[float, float]], frame: PageFrame) -> None:
        super().__init__(resources)
        self.lost = lost
        self.frame = frame
        self.starts: dict[tuple[int, int], list[int]] = {}
        self.inverse = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
        self.capture: int | None = None
        self.matched: set[int] = set()
        self.found: list[Char] = []

    def begin_page(self, page: object, ctm: tuple[float, float, float, float, float, float]) -> None:
        """pdfminer works in the page turned upright (``ctm``); the lost objects' start points go there too."""
        self.inverse = _invert(ctm)
        for obj, point in self.lost.items():
            x, y = apply_matrix_pt(ctm, point)
            self.starts.setdefault((round(x * _GRID), round(y * _GRID)), []).append(obj)

    def render_string(self, textstate, seq, ncs, graphicstate) -> None:  # noqa: ANN001 (pdfminer's signature)
        x, y = textstate.linematrix
        ox, oy = apply_matrix_pt(mult_matrix(textstate.matrix, self.ctm), (x, y + textstate.rise))
        gx, gy = round(ox * _GRID), round(oy * _GRID)
        self.capture = next((objs[0] for dx in (0, -1, 1) for dy in (0, -1, 1)
                             if (objs := self.starts.get((gx + dx, gy + dy)))), None)
        if self.capture is not None:
            self.matched.add(self.capture)
        super().render_string(textstate, seq, ncs, graphicstate)
        self.capture = None
        if len(self.matched) == len(self.lost):
            raise _AllFound

    def render_char(self, matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate) -> float:  # noqa: ANN001
        if self.capture is None and not font.is_vertical():
            return font.char_width(cid) * fontsize * scaling   # LTChar's advance, without making one
        try:
            text = font.to_unichr(cid)
        except PDFUnicodeNotDefined:
            text = REPLACEMENT
        item = LTChar(matrix, font, fontsize, scaling, rise, text, font.char_width(cid), font.char_disp(cid), ncs,
                      graphicstate)
        if self.capture is not None and text:
            ax, ay = apply_matrix_pt(self.inverse, (item.x0, item.y0))
            bx, by = apply_matrix_pt(self.inverse, (item.x1, item.y1))
            x0, top, x1, bottom = self.frame.box(ax, ay, bx, by)
            self.found.append(make_char(text, x0, top, x1, bottom, item.size, self.capture))
        return item.adv


def _invert(m: tuple[float, float, float, float, float, float]) -> tuple[float, float, float, float, float, float]:
    a, b, c, d, e, f = m
    det = a * d - b * c
    if not det:
        return (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    ia, ib, ic, id_ = d / det, -b / det, -c / det, a / det
    return (ia, ib, ic, id_, -(e * ia + f * ic), -(e * ib + f * id_))

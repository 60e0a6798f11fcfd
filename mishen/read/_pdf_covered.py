"""Text under a dark filled rectangle drawn after it: a fake redaction. The text is still in the text
layer (anyone can copy it), so it stays in the document text; each covered run is also a hidden part.

The drawing order comes from PDFium's page objects, walked depth first (into form XObjects) as the content
stream draws them. A "rectangle" is what pdfminer calls one: a sub-path of four straight sides, axis-parallel
on the page, closed back to its start (``re`` or four ``l`` and ``h``); other filled shapes are not covers."""
from __future__ import annotations

import ctypes
from dataclasses import dataclass, field

import pypdfium2.raw as pdfium_c

from mishen.read._pdf_chars import PageFrame
from mishen.read._pdf_text import BOTTOM, OBJ, TEXT, TOP, X0, X1, Char, Line

DARK = 0.5            # a fill darker than this (luminance 0..1) hides black text as well as the text itself
_MIN_COVER = 0.6      # the box must be at least this share of the character's height, and half its width
_MAX_DEPTH = 16       # form XObjects nested deeper than this are not walked
_MAX_OBJECTS = 200_000
_EPS = 1e-3

Matrix = tuple[float, float, float, float, float, float]
Box = tuple[float, float, float, float]   # x0, top, x1, bottom in page space (see PageFrame)


@dataclass
class DrawOrder:
    """Sequence numbers (drawing order) of the page's text objects by address, and its dark filled rectangles."""

    text_objects: dict[int, int] = field(default_factory=dict)
    rects: list[tuple[int, Box]] = field(default_factory=list)
    complete: bool = True
    starts: dict[int, tuple[float, float]] = field(default_factory=dict)  # text objects' start points (user space)


def draw_order(page: pdfium_c.FPDF_PAGE, frame: PageFrame) -> DrawOrder:
    order = DrawOrder()
    identity: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    count = pdfium_c.FPDFPage_CountObjects(page)
    stack = [(lambda i: pdfium_c.FPDFPage_GetObject(page, i), count, 0, identity, 0)]
    seq = 0
    while stack:
        get, count, index, outer, depth = stack.pop()
        while index < count:
            obj = get(index)
            index += 1
            seq += 1
            if seq > _MAX_OBJECTS:
                order.complete = False
                return order
            if not obj:
                continue
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            if kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
                address = ctypes.cast(obj, ctypes.c_void_p).value
                order.text_objects[address] = seq
                m = _compose(_matrix(obj), outer)
                order.starts[address] = (m[4], m[5])
            elif kind == pdfium_c.FPDF_PAGEOBJ_PATH:
                if _dark_fill(obj):
                    order.rects.extend((seq, box) for box in _rects(obj, _compose(_matrix(obj), outer), frame))
            elif kind == pdfium_c.FPDF_PAGEOBJ_FORM:
                if depth >= _MAX_DEPTH:
                    order.complete = False
                    continue
                stack.append((get, count, index, outer, depth))
                form = obj
                stack.append((lambda i, form=form: pdfium_c.FPDFFormObj_GetObject(form, i),
                              pdfium_c.FPDFFormObj_CountObjects(form), 0, _compose(_matrix(obj), outer), depth + 1))
                break
    return order


def _dark_fill(obj: pdfium_c.FPDF_PAGEOBJECT) -> bool:
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium_c.FPDFPath_GetDrawMode(obj, fill, stroke) or fill.value == pdfium_c.FPDF_FILLMODE_NONE:
        return False
    r, g, b, a = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
    if not pdfium_c.FPDFPageObj_GetFillColor(obj, r, g, b, a):
        return False   # e.g. a pattern: like an unknown colour before, not a cover
    return luminance((r.value / 255, g.value / 255, b.value / 255)) < DARK


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


def _matrix(obj: pdfium_c.FPDF_PAGEOBJECT) -> Matrix:
    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, m):
        return (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _compose(inner: Matrix, outer: Matrix) -> Matrix:
    """``inner`` then ``outer`` (PDF row-vector convention)."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _rects(path: pdfium_c.FPDF_PAGEOBJECT, m: Matrix, frame: PageFrame) -> list[Box]:
    """The sub-paths of a path object that are axis-parallel rectangles, as page-space boxes."""
    out: list[Box] = []
    points: list[tuple[float, float]] = []
    straight = True
    x, y = ctypes.c_float(), ctypes.c_float()

    def flush() -> None:
        if straight and points:
            box = _rect_box(points, frame)
            if box is not None:
                out.append(box)

    for i in range(pdfium_c.FPDFPath_CountSegments(path)):
        segment = pdfium_c.FPDFPath_GetPathSegment(path, i)
        if not segment or not pdfium_c.FPDFPathSegment_GetPoint(segment, x, y):
            return out
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        px, py = x.value, y.value
        point = (px * m[0] + py * m[2] + m[4], px * m[1] + py * m[3] + m[5])
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            flush()
            points, straight = [point], True
            continue
        straight = straight and kind == pdfium_c.FPDF_SEGMENT_LINETO
        points.append(point)
        if pdfium_c.FPDFPathSegment_GetClose(segment) and points[-1] != points[0]:
            points.append(points[0])   # "h" closes back to the start
    flush()
    return out


def _rect_box(points: list[tuple[float, float]], frame: PageFrame) -> Box | None:
    if len(points) != 5 or not _same(points[0], points[4]):
        return None
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = points[:4]
    square = (_eq(x0, x1) and _eq(y1, y2) and _eq(x2, x3) and _eq(y3, y0)) or \
             (_eq(y0, y1) and _eq(x1, x2) and _eq(y2, y3) and _eq(x3, x0))
    return frame.box(x0, y0, x2, y2) if square else None


def _eq(a: float, b: float) -> bool:
    return abs(a - b) <= _EPS


def _same(p: tuple[float, float], q: tuple[float, float]) -> bool:
    return _eq(p[0], q[0]) and _eq(p[1], q[1])


def covered_runs(lines: list[Line], rects: list[tuple[int, Box]], seqs: dict[int, int]) -> list[tuple[int, int, int]]:
    """(line index, start, end) offsets within the line text of runs of characters under a later dark box.
    ``seqs`` gives every character's text object its drawing order (``DrawOrder.text_objects``)."""
    runs: list[tuple[int, int, int]] = []
    if not rects:
        return runs
    for index, line in enumerate(lines):
        start = end = None
        for char, offset in zip(line.chars, line.offsets):
            if _covered(char, rects, seqs[char[OBJ]]):
                start = offset if start is None else start
                end = offset + len(char[TEXT])
            elif start is not None:
                runs.append((index, start, end))
                start = None
        if start is not None:
            runs.append((index, start, end))
    return runs


def _covered(char: Char, rects: list[tuple[int, Box]], seq: int) -> bool:
    cx, cy = (char[X0] + char[X1]) / 2, (char[TOP] + char[BOTTOM]) / 2
    height, width = char[BOTTOM] - char[TOP], char[X1] - char[X0]
    for rect_seq, (x0, top, x1, bottom) in rects:
        if rect_seq > seq and x0 <= cx <= x1 and top <= cy <= bottom \
                and bottom - top >= _MIN_COVER * height and x1 - x0 >= 0.5 * width:
            return True
    return False

"""A page's characters through PDFium (pypdfium2): one tuple per glyph (``_pdf_text.Char``), with the box
pdfminer/pdfplumber gave it, its text and size, and the address of the text object that drew it (for the drawing
order; None if PDFium gives none).

Coordinates are pdfplumber's, exactly: PDF points, origin at the top left of the page as displayed (the page's
/Rotate applied), ``top`` < ``bottom``; see ``PageFrame``. The box of a glyph is pdfminer's: from the origin along
the advance width, from the font's descent to one em above it (not the glyph's ink). PDFium's own "loose" box is
used only where the advance width is unknown (a glyph whose Unicode value does not lead back to its code).
Characters PDFium generates (line breaks, spaces it guesses between words) are left out: the line builder
places spaces by its own rule.
"""
from __future__ import annotations

import ctypes
from dataclasses import dataclass

import pypdfium2.raw as pdfium_c

from mishen.read._pdf_text import REPLACEMENT, Char, make_char

_c_int, _c_uint, _c_double, _c_float, _c_void_p = ctypes.c_int, ctypes.c_uint, ctypes.c_double, ctypes.c_float, \
    ctypes.c_void_p


def _plain(function: object, restype: object, *argtypes: object) -> ctypes._CFuncPtr:
    """The same PDFium entry point with plain types: handles in and out as ints, no pointer object per call.
    These are called once or more per character, where pypdfium2's typed wrappers cost as much as the work."""
    return ctypes.CFUNCTYPE(restype, *argtypes)(ctypes.cast(function, _c_void_p).value)


_text_object = _plain(pdfium_c.FPDFText_GetTextObject, _c_void_p, _c_void_p, _c_int)
_char_origin = _plain(pdfium_c.FPDFText_GetCharOrigin, _c_int, _c_void_p, _c_int, _c_void_p, _c_void_p)
_map_error = _plain(pdfium_c.FPDFText_HasUnicodeMapError, _c_int, _c_void_p, _c_int)
_unicode = _plain(pdfium_c.FPDFText_GetUnicode, _c_uint, _c_void_p, _c_int)
_is_generated = _plain(pdfium_c.FPDFText_IsGenerated, _c_int, _c_void_p, _c_int)
_char_matrix = _plain(pdfium_c.FPDFText_GetMatrix, _c_int, _c_void_p, _c_int, ctypes.POINTER(pdfium_c.FS_MATRIX))
_loose_box = _plain(pdfium_c.FPDFText_GetLooseCharBox, _c_int, _c_void_p, _c_int, ctypes.POINTER(pdfium_c.FS_RECTF))
_object_font = _plain(pdfium_c.FPDFTextObj_GetFont, _c_void_p, _c_void_p)
_object_font_size = _plain(pdfium_c.FPDFTextObj_GetFontSize, _c_int, _c_void_p, ctypes.POINTER(_c_float))
_font_descent = _plain(pdfium_c.FPDFFont_GetDescent, _c_int, _c_void_p, _c_float, ctypes.POINTER(_c_float))
_glyph_width = _plain(pdfium_c.FPDFFont_GetGlyphWidth, _c_int, _c_void_p, _c_uint, _c_float, ctypes.POINTER(_c_float))


@dataclass(frozen=True)
class PageFrame:
    """PDF user space -> pdfplumber's page space. pdfminer turns the page by its /Rotate and moves the MediaBox
    corner to the origin; pdfplumber flips y and adds the MediaBox offset back. Composed, for a MediaBox
    (x0, y0, x1, y1), (x, top) is: 0° (x, (y1 - y0) - y); 90° (y, x - 2·x0); 180° (x0 + x1 - x, y - 2·y0);
    270° (y0 + y1 - y, (x1 - x0) - x) — with a MediaBox at the origin simply the page turned upright and
    measured from its top. ``affine`` = (p, q, r, s, t, u): x = p·x + q·y + r, top = s·x + t·y + u."""

    rotation: int
    mediabox: tuple[float, float, float, float]
    affine: tuple[float, float, float, float, float, float]

    @classmethod
    def of(cls, rotation: int, mediabox: tuple[float, float, float, float]) -> PageFrame:
        x0, x1 = sorted((mediabox[0], mediabox[2]))
        y0, y1 = sorted((mediabox[1], mediabox[3]))
        rotation = rotation % 360 if rotation % 90 == 0 else 0
        affine = {90: (0.0, 1.0, 0.0, 1.0, 0.0, -2 * x0), 180: (-1.0, 0.0, x0 + x1, 0.0, 1.0, -2 * y0),
                  270: (0.0, -1.0, y0 + y1, -1.0, 0.0, x1 - x0)}.get(rotation, (1.0, 0.0, 0.0, 0.0, -1.0, y1 - y0))
        return cls(rotation, (x0, y0, x1, y1), affine)

    def point(self, x: float, y: float) -> tuple[float, float]:
        """(x, top) of a user-space point."""
        p, q, r, s, t, u = self.affine
        return p * x + q * y + r, s * x + t * y + u

    def box(self, ax: float, ay: float, bx: float, by: float) -> tuple[float, float, float, float]:
        """(x0, top, x1, bottom) of the box spanned by two user-space corners."""
        px, pt = self.point(ax, ay)
        qx, qt = self.point(bx, by)
        return min(px, qx), min(pt, qt), max(px, qx), max(pt, qt)


@dataclass
class _Run:
    """What the characters of one text object share: its font, and pdfminer's glyph box in user space relative
    to the origin — (low_x, low_y) the corner on the descent line, (high_x, high_y) one em above it, (adv_x,
    adv_y) the advance direction per em of width."""

    font: int | None
    low_x: float = 0.0
    low_y: float = 0.0
    high_x: float = 0.0
    high_y: float = 0.0
    adv_x: float = 0.0
    adv_y: float = 0.0


Glyphs = dict[str, tuple[str, float | None]]


def page_chars(handle: pdfium_c.FPDF_TEXTPAGE, frame: PageFrame,
               known: dict[int | None, Glyphs] | None = None) -> list[Char]:
    """The glyphs of a page (its PDFium text page), in PDFium's text order, each with its pdfplumber-style box.

    ``known``: what the previous page learnt about its fonts' glyphs, by font address; replaced by what this page
    used. PDFium frees a font when no open page uses it, and a later font may get its address: the caller keeps
    the previous page open until this one is loaded, so an address seen on both pages is the same font."""
    count = pdfium_c.FPDFText_CountChars(handle)
    if count <= 0:
        if known is not None:
            known.clear()
        return []
    text = _page_text(handle, count)
    textpage = ctypes.cast(handle, _c_void_p).value
    x, y = _c_double(), _c_double()
    px, py = ctypes.addressof(x), ctypes.addressof(y)
    p, q, r, s, t, u = frame.affine
    runs: dict[int, _Run] = {}
    # Per font (see ``known``): character -> (text, advance width in em or None where PDFium's own box must do).
    # Whether a glyph has no Unicode value is kept per character too: the value PDFium then reports is the
    # glyph's code, which the same font's mapped glyphs do not also produce.
    fonts: dict[int | None, Glyphs] = {}
    previous = known if known is not None else {}
    chars: list[Char] = []
    append, text_object, char_origin = chars.append, _text_object, _char_origin
    last: int | None = None
    run = _Run(None)
    low_x = low_y = high_x = high_y = adv_x = adv_y = 0.0
    glyphs: Glyphs = {}
    for index, code in enumerate(text):
        obj = text_object(textpage, index)
        if obj is None:
            if not _is_generated(textpage, index):
                append(_loose_char(textpage, index, code, frame, None))
            continue
        if obj != last:
            last = obj
            run = runs.get(obj) or runs.setdefault(obj, _run(textpage, index, obj))
            low_x, low_y, high_x, high_y, adv_x, adv_y = run.low_x, run.low_y, run.high_x, run.high_y, run.adv_x, \
                run.adv_y
            glyphs = fonts.get(run.font)
            if glyphs is None:
                glyphs = fonts[run.font] = previous.get(run.font) or {}
        glyph = glyphs.get(code)
        if glyph is None:
            glyph = glyphs[code] = _glyph(textpage, index, run.font, code)
        char, width = glyph
        if width is None:
            append(_loose_char(textpage, index, char, frame, obj))
            continue
        char_origin(textpage, index, px, py)
        ox, oy = x.value, y.value
        ax, ay = ox + low_x, oy + low_y
        bx, by = ox + width * adv_x + high_x, oy + width * adv_y + high_y
        x0, x1 = p * ax + q * ay + r, p * bx + q * by + r
        top, bottom = s * ax + t * ay + u, s * bx + t * by + u
        if x1 < x0:
            x0, x1 = x1, x0
        if bottom < top:
            top, bottom = bottom, top
        append(((top + bottom) / 2, x0, top, x1, bottom, char, bottom - top, obj))
    if known is not None:
        known.clear()
        known.update(fonts)
    return chars


def _run(textpage: int, index: int, obj: int) -> _Run:
    """pdfminer's box of a glyph: along the advance (text matrix a, b — horizontal scaling included) and from the
    font's descent to one em above it along the text matrix c, d."""
    matrix = pdfium_c.FS_MATRIX()
    size = _c_float()
    font = _object_font(obj)
    if font is None or not _object_font_size(obj, ctypes.byref(size)) \
            or not _char_matrix(textpage, index, ctypes.byref(matrix)):
        return _Run(None)
    descent = _c_float()
    if not _font_descent(font, 1000.0, ctypes.byref(descent)):
        descent.value = 0.0
    em = size.value
    low, high = descent.value / 1000.0 * em, (descent.value / 1000.0 + 1.0) * em
    return _Run(font, low * matrix.c, low * matrix.d, high * matrix.c, high * matrix.d, em * matrix.a, em * matrix.b)


def _glyph(textpage: int, index: int, font: int | None, char: str) -> tuple[str, float | None]:
    """The text of a glyph (U+FFFD when the font gives it no Unicode value) and its advance width in em; None
    for the width when PDFium cannot tell it."""
    if _map_error(textpage, index):
        return REPLACEMENT, None
    if font is None or len(char) != 1:
        return char, None
    width = _c_float()
    if not _glyph_width(font, ord(char), 1000.0, ctypes.byref(width)) or width.value < 0:
        return char, None
    return char, width.value / 1000.0


def _loose_char(textpage: int, index: int, char: str, frame: PageFrame, obj: int | None) -> Char:
    """PDFium's own box: the advance and the font's ascent and descent, joined with the glyph's outline."""
    rect = pdfium_c.FS_RECTF()
    _loose_box(textpage, index, ctypes.byref(rect))
    x0, top, x1, bottom = frame.box(rect.left, rect.bottom, rect.right, rect.top)
    return make_char(char, x0, top, x1, bottom, bottom - top, obj)


def _page_text(handle: pdfium_c.FPDF_TEXTPAGE, count: int) -> str:
    """All characters of the page at once; one by one where UTF-16 would not keep one unit per character."""
    buffer = ctypes.create_string_buffer(2 * (count + 1))
    pdfium_c.FPDFText_GetText(handle, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
    text = buffer.raw[:2 * count].decode("utf-16-le", errors="replace")
    if len(text) == count:
        return text
    textpage = ctypes.cast(handle, _c_void_p).value
    return "".join(_safe_chr(_unicode(textpage, i)) for i in range(count))


def _safe_chr(code: int) -> str:
    return chr(code) if 0 < code < 0x110000 and not 0xD800 <= code < 0xE000 else REPLACEMENT

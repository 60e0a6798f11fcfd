"""No system CJK font for PDFium while it reads a PDF's text.

PDFium substitutes a system font for a CJK font the PDF does not embed (reportlab's STSong-Light, every PDF of the
bench corpus) — Noto CJK when ``fonts-noto-cjk`` is installed. It then loads the outline of every character it
parses (FreeType, a CFF glyph of a 20 MB TTC; PDFium caches the box only for codes below 256), once when it loads
the page and once when it builds the text page: ≈ 14 of the ≈ 17 ms a bench page took. The font file itself is
read once per process, not per document. The reader needs no outline: its boxes come from the advance widths (the
PDF's /W array), the descent (the PDF's /FontDescriptor) and the origins.

So while a thread reads, the system font handler answers "no font" for the CJK charsets (GB2312, Big5, Shift-JIS,
Hangul): PDFium's CID font gets no face and its glyphs empty outlines. PDFium then leaves out of its text page a
text object whose outline box has no width (a lone "。") and one that an empty box makes look like a fake-bold copy
of a line before it; the reader reads those again (``_pdf_recover``). Every other request goes to PDFium's own
handler, as before. What does change is towards pdfplumber: a CJK CID font without /FontDescriptor or /FontBBox
(seen only in broken files) took its descent from the substitute font, and now gets the one pdfminer gives it.

PDFium keeps one handler for the process. This one is installed on the first read and stays; rendering in the
same process (pdfplumber's ``to_image`` in the redaction writer) goes through it and gets the system fonts, because
fonts are hidden only from the thread that holds the reader's lock, only while it reads. A hidden font makes no
face, so nothing of it enters PDFium's face cache for a later render to find.

The callbacks run inside PDFium calls; an exception in one would hand PDFium an undefined value, so they only
compare integers and delegate.
"""
from __future__ import annotations

import contextlib
import ctypes
import threading
from collections.abc import Iterator

import pypdfium2.raw as pdfium_c

# PDFium's FX_CharSetIsCJK: Shift-JIS, Hangul, GB2312 (Simplified Chinese), Big5 (Traditional Chinese).
CJK_CHARSETS = frozenset({128, 129, 134, 136})
_CALLBACK = dict(pdfium_c.FPDF_SYSFONTINFO._fields_)   # callback name -> its ctypes function type


class _ReadingFonts:
    """An FPDF_SYSFONTINFO that passes every request to PDFium's default handler, except in the reading thread:
    there, no font for the CJK charsets.

    PDFium asks for a substitute in up to two steps (CFX_FontMapper::FindSubstFont): MapFont with the charset, then,
    if that gave nothing, GetFont by name — of an installed font whose name matches the PDF's, or of the first
    installed font of the charset. GetFont is told no charset, so a refused MapFont makes the reading thread's next
    GetFont refused as well. Other threads neither see nor change that state."""

    def __init__(self, default: ctypes._Pointer) -> None:
        self.default = default               # PDFium's own handler (FPDF_GetDefaultSystemFontInfo), ours to free
        self.reader: int | None = None       # ident of the thread that reads (it holds the reader's lock), or None
        self.refusing = False                # the reader's last MapFont was refused; so is its next GetFont
        self.released = False                # PDFium let go of this handler (replaced or shut down)
        self.raw = pdfium_c.FPDF_SYSFONTINFO()
        self.raw.version = default.contents.version
        for name in ("Release", "EnumFonts", "MapFont", "GetFont", "GetFontData", "GetFaceName", "GetFontCharset",
                     "DeleteFont"):
            setattr(self.raw, name, _CALLBACK[name](getattr(self, f"_{name}")))   # the struct keeps them alive

    def _MapFont(self, _: object, weight: int, italic: int, charset: int, pitch_family: int, face: object,  # noqa: N802
                 exact: object) -> int | None:
        if self.reader is not None and threading.get_ident() == self.reader:
            self.refusing = charset in CJK_CHARSETS
            if self.refusing:
                return None
        return self.default.contents.MapFont(self.default, weight, italic, charset, pitch_family, face, exact)

    def _GetFont(self, _: object, face: object) -> int | None:  # noqa: N802
        if self.refusing and threading.get_ident() == self.reader:
            self.refusing = False
            return None
        return self.default.contents.GetFont(self.default, face)

    def _EnumFonts(self, _: object, mapper: object) -> None:  # noqa: N802
        """Listing the installed fonts asks GetFont for localized names: none of those is refused."""
        if threading.get_ident() == self.reader:
            self.refusing = False
        self.default.contents.EnumFonts(self.default, mapper)

    def _GetFontData(self, _: object, font: object, table: int, buffer: object, size: int) -> int:  # noqa: N802
        return self.default.contents.GetFontData(self.default, font, table, buffer, size)

    def _GetFaceName(self, _: object, font: object, buffer: object, size: int) -> int:  # noqa: N802
        return self.default.contents.GetFaceName(self.default, font, buffer, size)

    def _GetFontCharset(self, _: object, font: object) -> int:  # noqa: N802
        return self.default.contents.GetFontCharset(self.default, font)

    def _DeleteFont(self, _: object, font: object) -> None:  # noqa: N802
        self.default.contents.DeleteFont(self.default, font)

    def _Release(self, _: object) -> None:  # noqa: N802
        """PDFium no longer uses this handler: free the default one it wrapped."""
        if not self.released:
            self.released = True
            self.default.contents.Release(self.default)
            pdfium_c.FPDF_FreeDefaultSystemFontInfo(self.default)


_handler: _ReadingFonts | None = None


def _installed() -> _ReadingFonts | None:
    """The handler, installed on first use (PDFium then lists the system fonts once more) and again should
    anything have replaced it; None where PDFium has no default handler to wrap (not on Linux): nothing is hidden
    there."""
    global _handler
    if _handler is None or _handler.released:
        default = pdfium_c.FPDF_GetDefaultSystemFontInfo()
        if not default:
            return None
        handler = _ReadingFonts(default)
        pdfium_c.FPDF_SetSystemFontInfo(handler.raw)
        _handler = handler
    return _handler


@contextlib.contextmanager
def substitution_hidden() -> Iterator[None]:
    """While the block runs, PDFium gets no system font for a CJK charset in this thread. The caller holds the
    reader's lock: one thread reads at a time, and the handler's state is that thread's."""
    handler = _installed()
    if handler is None:
        yield
        return
    handler.refusing = False
    handler.reader = threading.get_ident()
    try:
        yield
    finally:
        handler.reader = None
        handler.refusing = False

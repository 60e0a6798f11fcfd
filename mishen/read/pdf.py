"""PDF: text rebuilt from the characters (one block per line, 第P页第L行), a box per character, pages without a
text layer, and text under a fake redaction box (kept in the text — it is in the text layer — and also a
covered_text part), all through PDFium (pypdfium2, C++). Document info, XMP, annotations, form fields and
attachments through pdfminer, which here reads the catalog and the page dictionaries only, never a content
stream: interpreting every page's content in Python was what made PDFs the slowest format to read. While it reads,
PDFium gets no system font for a CJK font the PDF does not embed (``_pdf_fonts``): measuring glyph outlines of Noto
CJK was most of the time a page took, and the text needs none."""
from __future__ import annotations

import contextlib
import gc
import io
import threading
import time
from collections.abc import Iterator
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.psexceptions import PSException

from mishen.read._common import hidden_part
from mishen.read._pdf_chars import Glyphs, PageFrame, page_chars
from mishen.read._pdf_covered import covered_runs, draw_order
from mishen.read._pdf_fonts import substitution_hidden
from mishen.read._pdf_recover import Recoverer
from mishen.read._pdf_extras import (
    annotation_parts,
    attachment_parts,
    form_field_parts,
    info_metadata,
    xmp_metadata,
)
from mishen.read._pdf_text import OBJ, REPLACEMENT, Char, Line, build_line, group_lines, real_char_count
from mishen.read.errors import ReadError
from mishen.settings import Settings
from models import Block, CharBox, Document, HiddenKind, HiddenPart, SourceFormat

_BROKEN = (PSException, ValueError, KeyError, TypeError, IndexError, AttributeError, AssertionError,
           RecursionError, OSError, EOFError)
_PDFIUM = threading.Lock()   # PDFium is not thread-safe: one document at a time goes through it in a process


def pdfium_lock() -> threading.Lock:
    """The reader's lock. PDFium is not thread-safe: anything else in the process that calls it (pdfplumber's
    ``to_image``) while another thread may read should hold this lock too."""
    return _PDFIUM


def read_pdf(data: bytes, name: str, sha256: str, settings: Settings) -> Document:
    with _PDFIUM, _collection_paused(), substitution_hidden():
        try:
            pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            raise _pdfium_error(exc) from exc
        try:
            return _read(pdf, data, name, sha256, settings)
        except ReadError:
            raise
        except PDFPasswordIncorrect as exc:
            raise ReadError("ENCRYPTED", "PDF 已加密（需要打开密码），无法读取；请提交未加密的文件") from exc
        except PDFEncryptionError as exc:
            raise ReadError("ENCRYPTED", "PDF 使用了无法解密的加密方式，无法读取；请提交未加密的文件") from exc
        except (pdfium.PdfiumError, *_BROKEN) as exc:
            raise ReadError("UNREADABLE", f"PDF 文件已损坏，无法解析（{type(exc).__name__}）") from exc
        finally:
            pdf.close()


@contextlib.contextmanager
def _collection_paused() -> Iterator[None]:
    """The reader makes a tuple and a CharBox per character and no reference cycles; the cyclic collector would
    only scan them again and again. Reference counting still frees everything."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _pdfium_error(exc: pdfium.PdfiumError) -> ReadError:
    if exc.err_code == pdfium_c.FPDF_ERR_PASSWORD:
        return ReadError("ENCRYPTED", "PDF 已加密（需要打开密码），无法读取；请提交未加密的文件")
    if exc.err_code == pdfium_c.FPDF_ERR_SECURITY:
        return ReadError("ENCRYPTED", "PDF 使用了无法解密的加密方式，无法读取；请提交未加密的文件")
    return ReadError("UNREADABLE", "PDF 文件已损坏，无法解析（PDFium 无法打开）")


def _read(pdf: pdfium.PdfDocument, data: bytes, name: str, sha256: str, settings: Settings) -> Document:
    started = time.monotonic()
    count = len(pdf)
    if count > settings.max_pages:
        raise ReadError("TOO_LARGE", f"PDF 共 {count} 页，超过上限 {settings.max_pages} 页")
    if count <= 0:
        raise ReadError("UNREADABLE", "PDF 中没有页面，文件已损坏")
    catalog_doc = PDFDocument(PDFParser(io.BytesIO(data)))
    pages = list(PDFPage.create_pages(catalog_doc))
    if len(pages) != count:
        raise ReadError("UNREADABLE", f"PDF 的页面结构已损坏（页数无法确定：{count} 或 {len(pages)}）")
    doc = Document(source=name, sha256=sha256, format=SourceFormat.PDF, text="", pages=count)
    writer = _PageWriter(doc)
    try:
        for number, info in enumerate(pages, 1):
            if time.monotonic() - started > settings.read_timeout_s:
                raise ReadError("TOO_LARGE",
                                f"读取 PDF 超时（{settings.read_timeout_s:.0f} 秒），已读到第 {number} 页")
            lines = _page(pdf, number, info, writer)
            if real_char_count(lines) < settings.min_chars_per_page:
                doc.pages_without_text.append(number)
            try:
                writer.parts.extend(annotation_parts(info.annots, number, doc))
            except _BROKEN:
                doc.warnings.append(f"第{number}页的注释无法解析")
    finally:
        writer.hold(None)
    doc.text = "".join(writer.pieces)
    doc.blocks, doc.char_boxes = writer.blocks, writer.boxes
    doc.metadata, meta_parts = info_metadata(catalog_doc.info, doc)
    catalog = catalog_doc.catalog
    xmp, xmp_parts = xmp_metadata(catalog, set(doc.metadata.values()), doc)
    doc.metadata.update(xmp)
    meta_parts += xmp_parts
    doc.hidden_parts = [*writer.parts, *form_field_parts(catalog, doc), *attachment_parts(catalog, doc), *meta_parts]
    if doc.pages_without_text:
        doc.warnings.append(f"{len(doc.pages_without_text)} 页没有文字层（可能是扫描件），需人工审查")
    return doc


def _page(pdf: pdfium.PdfDocument, number: int, info: Any, writer: _PageWriter) -> list[Line]:
    """One page through PDFium; ``info`` is pdfminer's view of the same page (its MediaBox and /Rotate give the
    coordinates pdfplumber gave, which the redaction of PDFs draws with)."""
    page = pdf[number - 1]
    try:
        textpage = page.get_textpage()
        try:
            frame = PageFrame.of(info.rotate, info.mediabox)
            return writer.page(page.raw, textpage.raw, frame, number, info)
        finally:
            textpage.close()
    finally:
        writer.hold(page)


class _PageWriter:
    """Accumulates the text, boxes, blocks and covered-text parts of successive pages."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.pieces: list[str] = []
        self.boxes: list[CharBox | None] = []
        self.blocks: list[Block] = []
        self.parts: list[HiddenPart] = []
        self.length = 0
        self.recoverer: Recoverer | None = None
        self.glyphs: dict[int | None, Glyphs] = {}   # what the last page learnt of its fonts (see page_chars)
        self.held: pdfium.PdfPage | None = None

    def hold(self, page: pdfium.PdfPage | None) -> None:
        """Keep ``page`` open (its fonts alive, so ``glyphs`` stays true for them) until the next page is loaded;
        close the page held before."""
        if self.held is not None:
            self.held.close()
        self.held = page
        if page is None:
            self.glyphs.clear()

    def page(self, page: pdfium_c.FPDF_PAGE, textpage: pdfium_c.FPDF_TEXTPAGE, frame: PageFrame, number: int,
             info: Any) -> list[Line]:
        chars = page_chars(textpage, frame, self.glyphs)
        order = draw_order(page, frame)
        chars += self._recover(chars, order.starts, frame, number, info)
        rects, seqs = order.rects, order.text_objects
        if rects:
            if not order.complete or not all(char[OBJ] in seqs for char in chars):
                rects = []
                self.doc.warnings.append(f"第{number}页的绘制顺序无法确定，未检查被遮盖的文字")
        lines = [build_line(chars, number) for chars in group_lines(chars)]
        lines = [line for line in lines if line.text.strip()]
        unmapped = sum(line.text.count(REPLACEMENT) for line in lines)
        if unmapped:
            self.doc.warnings.append(f"第{number}页有 {unmapped} 个字符无法转换为文字（字体缺少编码映射）")
        if number > 1:
            self._append("\n", [None])
        starts = []
        for index, line in enumerate(lines):
            if index:
                self._append("\n", [None])
            starts.append(self.length)
            self.blocks.append(Block(start=self.length, end=self.length + len(line.text), kind="line",
                                     ref=f"page/{number}/line/{index + 1}", location=f"第{number}页第{index + 1}行",
                                     page=number))
            self._append(line.text, line.boxes)
        for n, (index, start, end) in enumerate(covered_runs(lines, rects, seqs), 1):
            self.parts.append(hidden_part(
                f"covered/p{number}/{n}", HiddenKind.COVERED_TEXT, f"第{number}页第{index + 1}行被遮盖的文字",
                lines[index].text[start:end], self.doc,
                attrs={"why": "filled_rect", "start": str(starts[index] + start), "end": str(starts[index] + end)}))
        return lines

    def _recover(self, chars: list[Char], starts: dict[int, tuple[float, float]], frame: PageFrame, number: int,
                 info: Any) -> list[Char]:
        """Characters of text objects PDFium left out of its text page (see _pdf_recover), through pdfminer."""
        used = {char[OBJ] for char in chars}
        lost = {obj: point for obj, point in starts.items() if obj not in used}
        if not lost:
            return []
        if self.recoverer is None:
            self.recoverer = Recoverer()
        found, missing = self.recoverer.chars(info, lost, frame)
        if missing:
            self.doc.warnings.append(f"第{number}页有 {missing} 处文字未能提取，需人工核对")
        return found

    def _append(self, text: str, boxes: list[CharBox | None]) -> None:
        self.pieces.append(text)
        self.boxes.extend(boxes)
        self.length += len(text)

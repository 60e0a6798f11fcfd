"""PDF through pdfplumber: text rebuilt from page.chars (one block per line, 第P页第L行), a box per
character, pages without a text layer, document info, annotations, form fields, attachments, and text
under a fake redaction box (kept in the text — it is in the text layer — and also a covered_text part)."""
from __future__ import annotations

import io
import time

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.psexceptions import PSException
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from mishen.read._common import hidden_part
from mishen.read._pdf_covered import covered_runs, layout_sequence
from mishen.read._pdf_extras import (
    annotation_parts,
    attachment_parts,
    form_field_parts,
    info_metadata,
    xmp_metadata,
)
from mishen.read._pdf_text import REPLACEMENT, Line, build_line, group_lines, real_char_count
from mishen.read.errors import ReadError
from mishen.settings import Settings
from models import Block, CharBox, Document, HiddenKind, HiddenPart, SourceFormat

_BROKEN = (PSException, MalformedPDFException, ValueError, KeyError, TypeError, IndexError, AttributeError,
           AssertionError, RecursionError, OSError, EOFError)


def read_pdf(data: bytes, name: str, sha256: str, settings: Settings) -> Document:
    try:
        pdf = pdfplumber.open(io.BytesIO(data), raise_unicode_errors=False)
    except PdfminerException as exc:
        raise _translate(exc) from exc
    except _BROKEN as exc:
        raise ReadError("UNREADABLE", f"PDF 文件已损坏，无法解析（{type(exc).__name__}）") from exc
    try:
        return _read(pdf, name, sha256, settings)
    except ReadError:
        raise
    except PdfminerException as exc:
        raise _translate(exc) from exc
    except PDFEncryptionError as exc:
        raise ReadError("ENCRYPTED", "PDF 使用了无法解密的加密方式，无法读取") from exc
    except _BROKEN as exc:
        raise ReadError("UNREADABLE", f"PDF 文件已损坏，无法解析（{type(exc).__name__}）") from exc
    finally:
        _close(pdf)


def _close(pdf: pdfplumber.PDF) -> None:
    """pdfplumber's close() walks pdf.pages again: on a broken page tree it raises what _read already turned
    into a ReadError. Close what can be closed and never let close() replace that error."""
    try:
        pdf.close()
    except (PdfminerException, *_BROKEN):
        pdf.stream.close()


def _translate(exc: PdfminerException) -> ReadError:
    cause = exc.args[0] if exc.args else exc
    if isinstance(cause, PDFPasswordIncorrect):
        return ReadError("ENCRYPTED", "PDF 已加密（需要打开密码），无法读取；请提交未加密的文件")
    if isinstance(cause, PDFEncryptionError):
        return ReadError("ENCRYPTED", "PDF 使用了无法解密的加密方式，无法读取；请提交未加密的文件")
    return ReadError("UNREADABLE", f"PDF 文件已损坏，无法解析（{type(cause).__name__}）")


def _read(pdf: pdfplumber.PDF, name: str, sha256: str, settings: Settings) -> Document:
    started = time.monotonic()
    pages = pdf.pages
    if len(pages) > settings.max_pages:
        raise ReadError("TOO_LARGE", f"PDF 共 {len(pages)} 页，超过上限 {settings.max_pages} 页")
    if not pages:
        raise ReadError("UNREADABLE", "PDF 中没有页面，文件已损坏")
    doc = Document(source=name, sha256=sha256, format=SourceFormat.PDF, text="", pages=len(pages))
    writer = _PageWriter(doc)
    for number, page in enumerate(pages, 1):
        if time.monotonic() - started > settings.read_timeout_s:
            raise ReadError("TOO_LARGE", f"读取 PDF 超时（{settings.read_timeout_s:.0f} 秒），已读到第 {number} 页")
        lines = writer.page(page, number)
        if real_char_count(lines) < settings.min_chars_per_page:
            doc.pages_without_text.append(number)
        try:
            writer.parts.extend(annotation_parts(page.annots, number, doc))
        except _BROKEN:
            doc.warnings.append(f"第{number}页的注释无法解析")
        page.close()
    doc.text = "".join(writer.pieces)
    doc.blocks, doc.char_boxes = writer.blocks, writer.boxes
    doc.metadata, meta_parts = info_metadata(pdf.doc.info, doc)
    catalog = pdf.doc.catalog
    xmp, xmp_parts = xmp_metadata(catalog, set(doc.metadata.values()), doc)
    doc.metadata.update(xmp)
    meta_parts += xmp_parts
    doc.hidden_parts = [*writer.parts, *form_field_parts(catalog, doc), *attachment_parts(catalog, doc), *meta_parts]
    if doc.pages_without_text:
        doc.warnings.append(f"{len(doc.pages_without_text)} 页没有文字层（可能是扫描件），需人工审查")
    return doc


class _PageWriter:
    """Accumulates the text, boxes, blocks and covered-text parts of successive pages."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.pieces: list[str] = []
        self.boxes: list[CharBox | None] = []
        self.blocks: list[Block] = []
        self.parts: list[HiddenPart] = []
        self.length = 0

    def page(self, page: pdfplumber.page.Page, number: int) -> list[Line]:
        chars = page.chars
        order, rects = layout_sequence(page.layout)
        if len(order) == len(chars):
            chars = [dict(c, _seq=s) for c, s in zip(chars, order)]
        else:
            rects = []
            self.doc.warnings.append(f"第{number}页的绘制顺序无法确定，未检查被遮盖的文字")
        lines = [build_line(chars, number) for chars in group_lines(_dedupe(chars))]
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
        for n, (index, start, end) in enumerate(covered_runs(lines, rects), 1):
            self.parts.append(hidden_part(
                f"covered/p{number}/{n}", HiddenKind.COVERED_TEXT, f"第{number}页第{index + 1}行被遮盖的文字",
                lines[index].text[start:end], self.doc,
                attrs={"why": "filled_rect", "start": str(starts[index] + start), "end": str(starts[index] + end)}))
        return lines

    def _append(self, text: str, boxes: list[CharBox | None]) -> None:
        self.pieces.append(text)
        self.boxes.extend(boxes)
        self.length += len(text)


def _dedupe(chars: list[dict], tolerance: float = 1.0) -> list[dict]:
    """Drop a glyph drawn again at (almost) the same place — fake bold prints every character twice."""
    kept: list[dict] = []
    seen: dict[tuple[str, int], list[tuple[float, float]]] = {}
    for char in chars:
        text, top, x0 = char.get("text") or "", char["top"], char["x0"]
        row = round(top)
        near = [p for r in (row - 1, row, row + 1) for p in seen.get((text, r), ())]
        if any(abs(x - x0) <= tolerance and abs(t - top) <= tolerance for x, t in near):
            continue
        seen.setdefault((text, row), []).append((x0, top))
        kept.append(char)
    return kept

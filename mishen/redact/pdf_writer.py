"""The public PDF: pages that hold anything to remove are re-rendered as images with the boxes burned
in, so the removed text is gone from the file, not covered; the other pages are copied as they are.

Trade-off: a re-rendered page loses its text layer (no search, no copy, no screen reader) and is an
image of ``resolution`` dpi. Metadata (info dictionary, XMP), annotations, form fields, embedded files,
page thumbnails and page-level metadata are dropped from every page.
"""
from __future__ import annotations

import io
from collections import defaultdict

import pdfplumber
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject

from mishen.read.pdf import pdfium_lock
from mishen.redact.docx_writer import WriteResult
from mishen.redact.match import Matcher
from mishen.redact.plan import EntryKind, Plan
from models import CharBox, Document

DEFAULT_RESOLUTION = 150
JPEG_QUALITY = 90
MIN_INK = 0.8  # below this share of visible characters the rendering lost a font
PAD = 1.0  # points around each box
_PAGE_DROP = ("/Annots", "/Metadata", "/PieceInfo", "/AA", "/Thumb", "/B")
Box = tuple[float, float, float, float]


def write_pdf(data: bytes, plan: Plan, matcher: Matcher, doc: Document,
              resolution: int = DEFAULT_RESOLUTION) -> WriteResult:
    """``doc`` is the reader's Document of ``data`` (its char_boxes place every character)."""
    result = WriteResult(data=b"")
    boxes, dropped = _boxes(plan, matcher, doc, result)
    reader = PdfReader(io.BytesIO(data))
    writer = PdfWriter()
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for number, page in enumerate(reader.pages, 1):
            if number in dropped:
                result.removed["pages"] += 1
                continue
            if number in boxes:
                chars = [c for c in doc.char_boxes or [] if c is not None and c.page == number]
                image_pdf, inked = _render(pdf.pages[number - 1], boxes[number], chars, resolution)
                if inked < MIN_INK:
                    result.warnings.append(f"第{number}页重绘为图像后有文字未能显示（PDF 使用了未嵌入的字体而本机缺少"
                                           "相应字体，如 fonts-noto-cjk），请核对公开版是否缺字")
                writer.add_page(PdfReader(io.BytesIO(image_pdf)).pages[0])
                result.rerendered_pages.append(number)
                result.removed["boxes"] += len(boxes[number])
            else:
                added = writer.add_page(page)
                for key in _PAGE_DROP:
                    if key in added:
                        del added[NameObject(key)]
                        result.removed[f"page{key}"] += 1
    writer._info = None  # no document information dictionary at all (pypdf would add /Producer)
    out = io.BytesIO()
    writer.write(out)
    result.data = out.getvalue()
    return result


def _boxes(plan: Plan, matcher: Matcher, doc: Document, result: WriteResult) -> tuple[dict[int, list[Box]], set[int]]:
    """Boxes to burn per page (1-based), and pages removed whole."""
    char_boxes = doc.char_boxes or []
    spans: list[tuple[int, int]] = []
    for start, end, key in matcher.find(doc.text, list(plan.masks())):
        spans.append((start, end))
        result.replaced[key] += 1
    parts = {p.id: p for p in doc.hidden_parts}
    blocks = {b.ref: b for b in doc.blocks}
    dropped: set[int] = set()
    for entry in plan.entries:
        if entry.kind is EntryKind.REMOVE_PART and entry.part and entry.part.startswith("covered/"):
            attrs = parts[entry.part].attrs if entry.part in parts else {}
            if "start" in attrs and "end" in attrs:
                spans.append((int(attrs["start"]), int(attrs["end"])))
        elif entry.kind is EntryKind.REMOVE_BLOCK and entry.ref:
            if entry.ref.startswith("page/") and entry.ref.count("/") == 1:
                dropped.add(int(entry.ref.split("/")[1]))
            elif entry.ref in blocks:
                spans.append((blocks[entry.ref].start, blocks[entry.ref].end))
            else:
                result.warnings.append(f"无法定位要删除的行：{entry.ref}")
    pages: dict[int, list[Box]] = defaultdict(list)
    for start, end in spans:
        for page, box in _line_boxes([b for b in char_boxes[start:end] if b is not None]):
            pages[page].append(box)
    return dict(pages), dropped


def _line_boxes(chars: list[CharBox]) -> list[tuple[int, Box]]:
    """One box per line the characters sit on (a value broken over two lines gets two boxes)."""
    lines: dict[tuple[int, int], list[CharBox]] = defaultdict(list)
    for c in chars:
        lines[(c.page, round((c.top + c.bottom) / 2 / 2))].append(c)
    out = []
    for (page, _), cs in lines.items():
        out.append((page, (min(c.x0 for c in cs) - PAD, min(c.top for c in cs) - PAD,
                           max(c.x1 for c in cs) + PAD, max(c.bottom for c in cs) + PAD)))
    return out


def _render(page: pdfplumber.page.Page, boxes: list[Box], chars: list[CharBox], resolution: int) -> tuple[bytes, float]:
    """The page as one image with opaque black boxes burned in: a one-page PDF holding only that image.
    Also the share of (up to 60) characters of the page whose box has ink in the rendering."""
    with pdfium_lock():   # pdfplumber renders through PDFium, which is not thread-safe: never beside a read
        image = page.to_image(resolution=resolution)
    inked = _ink(image, chars)
    image.draw_rects(boxes, fill=(0, 0, 0, 255), stroke=(0, 0, 0, 255), stroke_width=0)
    buffer = io.BytesIO()
    image.annotated.convert("RGB").save(buffer, format="PDF", resolution=resolution, quality=JPEG_QUALITY)
    return buffer.getvalue(), inked


def _ink(image, chars: list[CharBox]) -> float:
    """Share of the sampled character boxes with a dark pixel: a font the renderer lacks draws nothing."""
    sample = chars[:: max(1, len(chars) // 60)][:60]
    if not sample:
        return 1.0
    grey = image.original.convert("L")
    inked = 0
    for c in sample:
        x0, y0 = image._reproject((c.x0, c.top))
        x1, y1 = image._reproject((c.x1, c.bottom))
        if x1 > x0 and y1 > y0 and grey.crop((x0, y0, x1, y1)).getextrema()[0] < 160:
            inked += 1
    return inked / len(sample)

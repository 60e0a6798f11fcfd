"""The PDF reader hides the system CJK fonts from PDFium while it reads (``_pdf_fonts``): what it reads stays the
same, and rendering in the same process (pdfplumber, as the redaction writer does) still draws Chinese."""
from __future__ import annotations

import contextlib
import io
import threading
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from reportlab.pdfgen.canvas import Canvas

import mishen.read.pdf as pdf_reader
from mishen.read import read_bytes
from mishen.read._pdf_fonts import substitution_hidden
from mishen.read.pdf import pdfium_lock
from mishen.settings import Settings
from models import Document
from tests.read.pdf_builder import FONT, canvas_pdf, latin_ttf, make_pdf, strings

SETTINGS = Settings(min_chars_per_page=1)
ID = "110101199003071234"
TEXT_AREA = (60.0, 60.0, 420.0, 130.0)   # (x0, top, x1, bottom) around the first lines make_pdf draws
LONE_AREA = (60.0, 130.0, 260.0, 185.0)  # around the strings of the "lone-punctuation-and-cell" case
_FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts")
HAS_CJK_FONT = any(p.is_file() for d in _FONT_DIRS for p in Path(d).rglob("*CJK*"))
needs_cjk_font = pytest.mark.skipif(not HAS_CJK_FONT, reason="no system CJK font (make test installs fonts-noto-cjk)")


def _mixed(c: Canvas) -> None:
    """An embedded TrueType font (Vera, subset with /ToUnicode), the CID font and Helvetica on one page."""
    vera = latin_ttf()
    for y, font, text in ((700, vera, "Embedded Vera 2024 AB"), (680, FONT, f"身份证号{ID}"),
                          (660, "Helvetica", "Helvetica not embedded"), (640, vera, "x")):
        c.setFont(font, 12)
        c.drawString(72, y, text)


CASES = {
    "cid-lines-pages-covered": lambda: make_pdf(
        pages=[["关于2020年9月15日防汛工作的通知", f"被涂黑的身份证{ID}", "Hello World 2024"], ["第二页的内容"]],
        covered=[(0, 1)]),
    "lone-punctuation-and-cell": lambda: canvas_pdf(strings(
        (72, 700, "第一行文字到此", 12), (72, 682, "。", 12), (72, 664, "姓名", 12), (200, 664, "男", 12))),
    "repeated-line": lambda: canvas_pdf(strings((72, 700, "同一句话再说一遍" * 4, 12),
                                                 (72, 682, "同一句话再说一遍" * 4, 12))),
    "fake-bold": lambda: canvas_pdf(strings((72, 700, "加粗的标题文字", 16), (72.3, 700.15, "加粗的标题文字", 16))),
    "rotated-offset": lambda: canvas_pdf(strings((72, 700, "旋转页面的文字Ab12", 12)), rotate=90,
                                         mediabox=(20, 30, 615, 872)),
    "embedded-and-standard-fonts": lambda: canvas_pdf(_mixed),
    "embedded-only": lambda: canvas_pdf(strings((72, 700, "Only an embedded font 123", 12), font=latin_ttf())),
}


def summary(doc: Document) -> dict:
    """Everything the reader returns that later stages use."""
    return {"text": doc.text, "blocks": [b.model_dump() for b in doc.blocks],
            "boxes": [None if b is None else b.model_dump() for b in doc.char_boxes or []],
            "parts": [(p.id, p.kind, p.location, p.document.text, p.attrs) for p in doc.hidden_parts],
            "warnings": doc.warnings, "without_text": doc.pages_without_text, "metadata": doc.metadata}


def read(data: bytes) -> dict:
    return summary(read_bytes(data, "a.pdf", SETTINGS))


def read_with_system_fonts(data: bytes, monkeypatch: pytest.MonkeyPatch) -> dict:
    """The reader as it was: PDFium substitutes system fonts while it reads."""
    with monkeypatch.context() as patch:
        patch.setattr(pdf_reader, "substitution_hidden", contextlib.nullcontext)
        return read(data)


def ink(data: bytes, area: tuple[float, float, float, float] = TEXT_AREA) -> tuple[int, bytes]:
    """Dark pixels in ``area`` of page 1 rendered by pdfplumber (pypdfium2), and the rendered pixels."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        image = pdf.pages[0].crop(area).to_image(resolution=72).original.convert("L")
    return sum(image.histogram()[:128]), image.tobytes()


def text_page_chars(data: bytes) -> int:
    """Characters in PDFium's own text page of page 1 (the caller chooses the fonts PDFium gets)."""
    pdf = pdfium.PdfDocument(data)
    try:
        page = pdf[0]
        textpage = page.get_textpage()
        count = textpage.count_chars()
        textpage.close()
        page.close()
        return count
    finally:
        pdf.close()


@pytest.mark.parametrize("case", list(CASES))
def test_reads_the_same_as_with_system_fonts(case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    data = CASES[case]()
    assert read(data) == read_with_system_fonts(data, monkeypatch)


@pytest.fixture
def recoveries(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many lost text objects each page the reader reads again had (``_pdf_recover``), read after read."""
    counts: list[int] = []
    chars = pdf_reader.Recoverer.chars

    def counting(self, page, lost, frame):  # noqa: ANN001, ANN202
        counts.append(len(lost))
        return chars(self, page, lost, frame)

    monkeypatch.setattr(pdf_reader.Recoverer, "chars", counting)
    return counts


@needs_cjk_font
def test_the_reader_reads_with_the_fonts_hidden(recoveries: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    """Without CJK glyphs PDFium leaves the lone "。" and the one-character cell out of its text page, and the
    reader reads them again; with the system fonts it need not. (The output is the same: the test above.)"""
    data = CASES["lone-punctuation-and-cell"]()
    read_with_system_fonts(data, monkeypatch)
    assert recoveries == []
    read(data)
    assert recoveries == [2]


@needs_cjk_font
def test_a_replaced_handler_is_installed_again(recoveries: list[int]) -> None:
    """Whatever else sets PDFium's font handler, the next read hides the fonts again, and renders still draw."""
    data = CASES["lone-punctuation-and-cell"]()
    expected = read(data)
    with pdfium_lock():
        pdfium_c.FPDF_SetSystemFontInfo(pdfium_c.FPDF_GetDefaultSystemFontInfo())   # PDFium releases ours
    assert read(data) == expected
    assert recoveries == [2, 2]
    assert ink(data, LONE_AREA)[0] > 100


@needs_cjk_font
def test_fonts_are_hidden_from_the_reading_thread_only() -> None:
    """Controls for the tests below: while reading, PDFium has no CJK glyph (the lone "。" drops out of its text
    page and a render draws nothing); outside, the same PDF renders and the text page keeps it."""
    data = CASES["lone-punctuation-and-cell"]()
    with pdfium_lock():
        outside_chars, (outside_ink, _) = text_page_chars(data), ink(data, LONE_AREA)
        with substitution_hidden():
            hidden_chars, (hidden_ink, _) = text_page_chars(data), ink(data, LONE_AREA)
    assert outside_ink > 100 and hidden_ink == 0
    assert hidden_chars < outside_chars


@needs_cjk_font
def test_render_after_read_and_read_after_render() -> None:
    data = make_pdf(pages=[["关于做好防汛工作的通知", f"身份证号{ID}"]])
    dark, pixels = ink(data)
    assert dark > 200                                   # Chinese drawn with the system fonts
    before = read(data)
    assert ink(data) == (dark, pixels)                  # a render after a read: the same pixels
    assert read(data) == before                         # a read after a render: the same output
    assert ink(data) == (dark, pixels)


@needs_cjk_font
def test_render_in_another_thread_while_a_thread_reads_gets_system_fonts() -> None:
    data = make_pdf(pages=[["关于做好防汛工作的通知", f"身份证号{ID}"]])
    expected = ink(data)
    inside, release = threading.Event(), threading.Event()

    def reader() -> None:   # holds the reader's state without calling PDFium, so the render below races nothing
        with pdfium_lock(), substitution_hidden():
            inside.set()
            release.wait(30)

    thread = threading.Thread(target=reader)
    thread.start()
    try:
        assert inside.wait(30)
        assert ink(data) == expected
    finally:
        release.set()
        thread.join(30)


@needs_cjk_font
def test_two_readers_and_a_renderer_at_once() -> None:
    """PDFium is not thread-safe: readers serialise on the reader's lock, and the renderer takes it too (see
    ``pdfium_lock``). Every read equals a lone read and every render the reference pixels."""
    documents = [CASES["cid-lines-pages-covered"](), CASES["lone-punctuation-and-cell"](), CASES["fake-bold"]()]
    expected = [read(data) for data in documents]
    page = make_pdf(pages=[["关于做好防汛工作的通知", f"身份证号{ID}"]])
    reference = ink(page)
    failures: list[str] = []

    def reading(offset: int) -> None:
        for n in range(12):
            index = (n + offset) % len(documents)
            if read(documents[index]) != expected[index]:
                failures.append(f"read {index}")

    def rendering() -> None:
        for _ in range(12):
            with pdfium_lock():
                if ink(page) != reference:
                    failures.append("render")

    threads = [threading.Thread(target=reading, args=(0,)), threading.Thread(target=reading, args=(1,)),
               threading.Thread(target=rendering)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert not any(thread.is_alive() for thread in threads)
    assert failures == []


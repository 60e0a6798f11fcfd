"""Write a parsed source as a GB/T 9704-style PDF with reportlab and a CID font (lines wrapped here)."""
from __future__ import annotations

import re
from pathlib import Path

from reportlab.lib.colors import black, red
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen.canvas import Canvas

from markup import Para, SourceDoc

FONT = "STSong-Light"
WIDTH, HEIGHT = A4
LEFT, RIGHT, TOP, BOTTOM = 28 * mm, WIDTH - 26 * mm, HEIGHT - 37 * mm, 35 * mm
BODY, LINE = 16, 29
SIZES = {"red": (26, 44), "title": (22, 36)}
CLOSING = set("。，、；：？！）》」』”’")


class Writer:
    """A cursor over the pages: wraps text to the type area, breaks pages, numbers them."""

    def __init__(self, canvas: Canvas) -> None:
        self.c = canvas
        self.page = 1
        self.y = TOP

    def new_page(self) -> None:
        self._footer()
        self.c.showPage()
        self.page += 1
        self.y = TOP

    def finish(self) -> None:
        self._footer()
        self.c.save()

    def _footer(self) -> None:
        self.c.setFillColor(black)
        self.c.setFont(FONT, 14)
        label = f"— {self.page} —"
        w = pdfmetrics.stringWidth(label, FONT, 14)
        x = RIGHT - 16 - w if self.page % 2 else LEFT + 16
        self.c.drawString(x, BOTTOM - 24, label)

    def line(self, text: str, size: int, height: int, align: str, indent: float = 0, color=black) -> None:
        if self.y - height < BOTTOM:
            self.new_page()
        self.y -= height
        self.c.setFillColor(color)
        self.c.setFont(FONT, size)
        w = pdfmetrics.stringWidth(text, FONT, size)
        if align == "center":
            x = (LEFT + RIGHT - w) / 2
        elif align == "right":
            x = RIGHT - 4 * BODY - w
        else:
            x = LEFT + indent
        self.c.drawString(x, self.y, text)

    def paragraph(self, text: str, size: int, height: int, align: str, first_indent: float, color=black,
                  balanced: bool = False) -> None:
        for n, chunk in enumerate(wrap(text, size, first_indent, balanced)):
            self.line(chunk, size, height, align, first_indent if n == 0 else 0, color)

    def rule(self) -> None:
        self.y -= 12
        self.c.setStrokeColor(red)
        self.c.setLineWidth(1.2)
        self.c.line(LEFT, self.y, RIGHT, self.y)
        self.y -= 6

    def table(self, rows: list[list[str]]) -> None:
        cols = max(len(r) for r in rows)
        weights = [max(pdfmetrics.stringWidth(r[i] if i < len(r) else "", FONT, 12) for r in rows) + 12
                   for i in range(cols)]
        scale = (RIGHT - LEFT) / sum(weights)
        widths = [w * scale for w in weights]
        self.c.setStrokeColor(black)
        self.c.setLineWidth(0.5)
        for row in rows:
            if self.y - 22 < BOTTOM:
                self.new_page()
            top = self.y
            self.y -= 22
            x = LEFT
            self.c.setFillColor(black)
            self.c.setFont(FONT, 12)
            for i, w in enumerate(widths):
                value = row[i] if i < len(row) else ""
                self.c.drawString(x + 4, self.y + 6, value)
                self.c.rect(x, self.y, w, top - self.y)
                x += w


def wrap(text: str, size: int, first_indent: float, balanced: bool = False) -> list[str]:
    """Greedy wrap to the type area width (first line shortened by its indent). Numbers and Latin words
    are never split and closing punctuation hangs at the line end, as a word processor would do;
    ``balanced`` (titles) makes the lines about equally long, as GB/T 9704 asks for titles."""
    tokens = re.findall(r"[0-9A-Za-z@#.:/_*\-]+|.", text)
    limit = RIGHT - LEFT
    if balanced:
        total = pdfmetrics.stringWidth(text, FONT, size)
        lines_needed = int(total // limit) + 1
        limit = min(limit, total / lines_needed + size)
    lines, current, width = [], "", first_indent
    for token in tokens:
        w = pdfmetrics.stringWidth(token, FONT, size)
        if current and width + w > limit and token not in CLOSING:
            lines.append(current)
            current, width = "", 0.0
        current += token
        width += w
    lines.append(current)
    return lines


def write_pdf(doc: SourceDoc, path: Path) -> None:
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    canvas.setAuthor(doc.meta.get("pdf_author", ""))
    canvas.setTitle(doc.meta.get("pdf_title", ""))
    canvas.setCreator("WPS 文字")
    canvas.setProducer("")
    canvas.setSubject("")
    out = Writer(canvas)
    tables = {start: rows for start, rows in doc.tables()}
    for i, para in enumerate(doc.paras):
        if para.cells is not None:
            if i in tables:
                out.table(tables[i])
            continue
        _paragraph(out, para)
    out.finish()


def _paragraph(out: Writer, para: Para) -> None:
    text = para.final_text()
    if para.tag == "page":
        out.new_page()
    elif para.tag == "rule":
        out.rule()
    elif para.tag in SIZES:
        size, height = SIZES[para.tag]
        for part in para.title_lines():
            out.paragraph(part, size, height, "center", 0, red if para.tag == "red" else black, balanced=True)
    elif para.tag == "c":
        out.paragraph(text, BODY, LINE, "center", 0)
    elif para.tag == "r":
        out.paragraph(text, BODY, LINE, "right", 0)
    elif para.tag == "0":
        out.paragraph(text, BODY, LINE, "left", 0)
    else:
        out.paragraph(text, BODY, LINE, "left", 2 * BODY)

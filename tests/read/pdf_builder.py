"""PDF test files from reportlab (CID font STSong-Light, so Chinese has a real text layer); pypdf adds
attachments and encryption."""
from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, RectangleObject
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

FONT = "STSong-Light"
LEFT, TOP = 72.0, 72.0


def line_box(line: int, size: float = 12.0) -> tuple[float, float]:
    """Baseline y (PDF, bottom-up) of line ``line`` on a page, as make_pdf draws it."""
    return A4[1] - TOP - line * size * 1.8, size


def make_pdf(path: Path | str | None = None, pages: Sequence[Sequence[str]] = (), *, size: float = 12.0,
             metadata: Mapping[str, str] | None = None, annotations: Iterable[tuple[int, str]] = (),
             links: Iterable[tuple[int, str]] = (), covered: Iterable[tuple[int, int]] = (),
             shaded: Iterable[tuple[int, int, float]] = (), form_fields: Mapping[str, str] | None = None,
             attachments: Mapping[str, bytes] | None = None, user_password: str | None = None,
             owner_password: str | None = None, algorithm: str = "RC4-128",
             positioned: Iterable[tuple[int, float, float, str]] = (), xmp: str | None = None) -> bytes:
    """A PDF whose page i draws ``pages[i]`` one line each (an empty page gets a drawn rectangle only,
    like a scan without a text layer). ``metadata`` keys: author, title, subject, creator, keywords,
    producer. ``annotations`` = (page, comment text) sticky notes; ``links`` = (page, URI) link boxes;
    ``covered`` = (page, line) black boxes drawn *after* that line (a fake redaction); ``shaded`` =
    (page, line, grey level) filled boxes drawn *before* the line (a table shading); ``positioned`` =
    (page, x, baseline y, text) extra strings at exact points. ``form_fields`` = text fields name -> value.
    ``attachments`` embedded files; ``xmp`` an XMP packet; ``user_password``/``owner_password`` encrypt
    with pypdf (``algorithm`` RC4-128 or AES-256)."""
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    _metadata(c, metadata or {})
    annotations, links, covered, shaded, positioned = (
        list(annotations), list(links), set(covered), list(shaded), list(positioned))
    for index, lines in enumerate(pages or [[]]):
        _page(c, index, lines, size, covered, [s for s in shaded if s[0] == index])
        for x, y, text in ((x, y, t) for p, x, y, t in positioned if p == index):
            c.setFont(FONT, size)
            c.drawString(x, y, text)
        for n, (_, text) in enumerate(a for a in annotations if a[0] == index):
            c.textAnnotation(text, Rect=(400, 700 - 40 * n, 420, 720 - 40 * n), relative=0)
        for n, (_, uri) in enumerate(link for link in links if link[0] == index):
            c.linkURL(uri, (LEFT, 100 + 30 * n, LEFT + 200, 120 + 30 * n), relative=0)
        if index == 0 and form_fields:
            for n, (name, value) in enumerate(form_fields.items()):
                c.acroForm.textfield(name=name, value=value, x=LEFT, y=200 + 30 * n, width=200, height=20)
        c.showPage()
    c.save()
    data = buffer.getvalue()
    if attachments or xmp or user_password is not None or owner_password is not None:
        data = _post_process(data, attachments or {}, xmp, user_password, owner_password, algorithm)
    if path is not None:
        Path(path).write_bytes(data)
    return data


def _page(c: canvas.Canvas, index: int, lines: Sequence[str], size: float, covered: set[tuple[int, int]],
          shaded: list[tuple[int, int, float]]) -> None:
    if not lines:
        c.setFillGray(0.8)
        c.rect(LEFT, 300, 300, 300, fill=1, stroke=0)
        c.setFillGray(0)
        return
    width = pdfmetrics.stringWidth
    for line, text in enumerate(lines):
        y, _ = line_box(line, size)
        box = (LEFT - 2, y - size * 0.3, width(text, FONT, size) + 4, size * 1.3)
        for _, _, grey in (s for s in shaded if s[1] == line):
            c.setFillGray(grey)
            c.rect(*box, fill=1, stroke=0)
        c.setFillGray(0)
        c.setFont(FONT, size)
        c.drawString(LEFT, y, text)
        if (index, line) in covered:
            c.setFillColorRGB(0, 0, 0)
            c.rect(*box, fill=1, stroke=0)


def canvas_pdf(draw: Callable[[canvas.Canvas], None], *, rotate: int = 0,
               mediabox: tuple[float, float, float, float] | None = None, no_tounicode: bool = False) -> bytes:
    """A one-page A4 PDF drawn by ``draw(canvas)`` (font ``FONT`` registered), then optionally turned by
    /Rotate, given another MediaBox, or stripped of its fonts' /ToUnicode maps (glyphs without Unicode)."""
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    draw(c)
    c.showPage()
    c.save()
    data = buffer.getvalue()
    if not (rotate or mediabox or no_tounicode):
        return data
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    page = writer.pages[0]
    if rotate:
        page.rotate(rotate)
    if mediabox:
        page.mediabox = RectangleObject(mediabox)
    if no_tounicode:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            if "/ToUnicode" in font:
                del font[NameObject("/ToUnicode")]
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def strings(*items: tuple[float, float, str, float], font: str = FONT) -> Callable[[canvas.Canvas], None]:
    """A drawing for ``canvas_pdf``: (x, baseline y, text, size) strings, in the CID font unless ``font``."""
    def draw(c: canvas.Canvas) -> None:
        for x, y, text, size in items:
            c.setFont(font, size)
            c.drawString(x, y, text)
    return draw


def latin_ttf() -> str:
    """Name of reportlab's bundled Vera TrueType font, registered (embedded as a subset, with /ToUnicode)."""
    import reportlab
    from reportlab.pdfbase.ttfonts import TTFont
    pdfmetrics.registerFont(TTFont("Vera", str(Path(reportlab.__file__).parent / "fonts" / "Vera.ttf")))
    return "Vera"


def xmp_packet(**fields: str) -> str:
    """An XMP packet with dc:creator / dc:title (``creator=``, ``title=``) and xmp:CreatorTool (``tool=``)."""
    dc = "".join(f"<dc:{k}><rdf:Seq><rdf:li>{v}</rdf:li></rdf:Seq></dc:{k}>" for k, v in fields.items() if k != "tool")
    tool = f"<xmp:CreatorTool>{fields['tool']}</xmp:CreatorTool>" if "tool" in fields else ""
    return ('<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">'
            f'{dc}{tool}</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>')


def _metadata(c: canvas.Canvas, metadata: Mapping[str, str]) -> None:
    setters = {"author": c.setAuthor, "title": c.setTitle, "subject": c.setSubject, "creator": c.setCreator,
               "keywords": c.setKeywords, "producer": c.setProducer}
    for key, value in metadata.items():
        setters[key](value)


def _post_process(data: bytes, attachments: Mapping[str, bytes], xmp: str | None, user: str | None,
                  owner: str | None, algorithm: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    if xmp:
        writer.xmp_metadata = xmp.encode("utf-8")
    for name, content in attachments.items():
        writer.add_attachment(name, content)
    if user is not None or owner is not None:
        writer.encrypt(user_password=user or "", owner_password=owner, algorithm=algorithm)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()

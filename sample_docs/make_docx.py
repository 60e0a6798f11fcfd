"""Write a parsed source as a GB/T 9704-style .docx (python-docx, plus raw XML for revisions and properties)."""
from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime, timezone
from pathlib import Path
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from markup import FULLWIDTH_INDENT, Para, SourceDoc

BODY_FONT, TITLE_FONT = "仿宋_GB2312", "方正小标宋简体"
FIXED_DATE = "2024-01-01T00:00:00Z"
REVISION_DATE = "2024-06-03T09:12:00Z"
CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
CUSTOM_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
CUSTOM_CT = "application/vnd.openxmlformats-officedocument.custom-properties+xml"


def write_docx(doc: SourceDoc, path: Path) -> None:
    d = Document()
    _page_setup(d)
    if doc.meta.get("header"):
        d.sections[0].header.paragraphs[0].text = doc.meta["header"]
    tables = {start: rows for start, rows in doc.tables()}
    ids = iter(range(1, 1000))
    for i, para in enumerate(doc.paras):
        if para.cells is not None:
            if i in tables:
                _add_table(d, tables[i])
            continue
        _add_paragraph(d, para, doc.meta, ids)
    _core_properties(d, doc.meta)
    buf = io.BytesIO()
    d.save(buf)
    path.write_bytes(_postprocess(buf.getvalue(), doc.meta))


def _page_setup(d) -> None:
    section = d.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    normal = d.styles["Normal"]
    normal.font.size = Pt(16)
    normal.font.name = BODY_FONT
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), BODY_FONT)
    normal.paragraph_format.line_spacing = Pt(29)
    normal.paragraph_format.space_after = Pt(0)


def _style_run(run, tag: str) -> None:
    if tag in ("red", "title"):
        run.font.size = Pt(26 if tag == "red" else 22)
        run.font.name = TITLE_FONT
        run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), TITLE_FONT)
    if tag == "red":
        run.font.color.rgb = RGBColor(0xFF, 0x00, 0x00)


def _add_paragraph(d, para: Para, meta: dict[str, str], ids) -> None:
    p = d.add_paragraph()
    fmt = p.paragraph_format
    if para.tag == "page":
        p.add_run().add_break(WD_BREAK.PAGE)
        return
    if para.tag == "rule":
        _bottom_border(p)
        return
    if para.tag in ("red", "title", "c"):
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif para.tag == "r":
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        fmt.right_indent = Pt(64)
    indent_mode = meta.get("indent", "twips")
    prefix = ""
    if para.tag in ("body", "note"):
        if indent_mode == "chars":
            ind = p._p.get_or_add_pPr().get_or_add_ind()
            ind.set(qn("w:firstLineChars"), "200")
            ind.set(qn("w:firstLine"), "640")
        elif indent_mode == "spaces":
            prefix = FULLWIDTH_INDENT
        else:
            fmt.first_line_indent = Pt(32)
    for n, seg in enumerate(para.segments):
        text = (prefix if n == 0 else "") + seg[1]
        if seg[0] == "text":
            _style_run(p.add_run(text), para.tag)
        elif seg[0] == "comment":
            run = p.add_run(text)
            _style_run(run, para.tag)
            d.add_comment([run], text=seg[2], author=meta.get("comment_author", "审核人"), initials="SH")
        else:
            p._p.append(_revision(seg[0], text, meta.get("revision_author", "修订人"), next(ids)))


def _revision(kind: str, text: str, author: str, rid: int):
    """A tracked insertion (w:ins/w:r/w:t) or deletion (w:del/w:r/w:delText) — python-docx has no API."""
    wrapper = OxmlElement(f"w:{kind}")
    wrapper.set(qn("w:id"), str(rid))
    wrapper.set(qn("w:author"), author)
    wrapper.set(qn("w:date"), REVISION_DATE)
    run = OxmlElement("w:r")
    t = OxmlElement("w:delText" if kind == "del" else "w:t")
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    t.text = text
    run.append(t)
    wrapper.append(run)
    return wrapper


def _bottom_border(p) -> None:
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("val", "single"), ("sz", "12"), ("space", "1"), ("color", "FF0000")):
        bottom.set(qn(f"w:{key}"), value)
    border.append(bottom)
    p._p.get_or_add_pPr().append(border)


def _add_table(d, rows: list[list[str]]) -> None:
    table = d.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            cell = table.cell(r, c)
            cell.text = value
            for run in cell.paragraphs[0].runs:
                run.font.size = Pt(12)


def _core_properties(d, meta: dict[str, str]) -> None:
    cp = d.core_properties
    cp.author = meta.get("author", "Administrator")
    cp.last_modified_by = meta.get("last_modified_by", cp.author)
    cp.title = meta.get("title_prop", "")
    cp.comments = ""
    cp.subject = ""
    cp.keywords = ""
    cp.category = ""
    cp.revision = int(meta.get("revision", "3"))
    created = datetime.fromisoformat(meta.get("created", "2024-01-01T08:00:00")).replace(tzinfo=timezone.utc)
    cp.created = created
    cp.modified = created


def _postprocess(data: bytes, meta: dict[str, str]) -> bytes:
    """Company in app.xml, custom properties, fixed comment dates and zip timestamps (deterministic)."""
    custom = {k[len("custom."):]: v for k, v in meta.items() if k.startswith("custom.")}
    with zipfile.ZipFile(io.BytesIO(data)) as zin:
        parts = {info.filename: zin.read(info) for info in zin.infolist()}
    parts.pop("docProps/thumbnail.jpeg", None)
    parts["_rels/.rels"] = re.sub(rb"<Relationship [^>]*thumbnail[^>]*/>", b"", parts["_rels/.rels"])
    parts["[Content_Types].xml"] = re.sub(rb'<Default Extension="jpeg"[^>]*/>', b"",
                                          parts["[Content_Types].xml"])
    app = parts["docProps/app.xml"].decode("utf-8")
    app = re.sub(r"<Application>[^<]*</Application>", "<Application>Microsoft Office Word</Application>", app)
    if meta.get("company"):
        app = re.sub(r"<Company>[^<]*</Company>|</Properties>",
                     lambda m: f"<Company>{escape(meta['company'])}</Company>"
                     + ("</Properties>" if m.group(0) == "</Properties>" else ""), app, count=1)
    parts["docProps/app.xml"] = app.encode("utf-8")
    if "word/comments.xml" in parts:
        parts["word/comments.xml"] = re.sub(rb'w:date="[^"]*"', f'w:date="{REVISION_DATE}"'.encode(),
                                            parts["word/comments.xml"])
    if custom:
        parts["docProps/custom.xml"] = _custom_xml(custom)
        parts["_rels/.rels"] = parts["_rels/.rels"].replace(
            b"</Relationships>",
            f'<Relationship Id="rIdCustom1" Type="{CUSTOM_REL}" Target="docProps/custom.xml"/>'
            "</Relationships>".encode())
        parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
            b"</Types>", f'<Override PartName="/docProps/custom.xml" ContentType="{CUSTOM_CT}"/></Types>'.encode())
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, content in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(info, content)
    return out.getvalue()


def _custom_xml(props: dict[str, str]) -> bytes:
    items = "".join(
        f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{pid}" name="{escape(name)}">'
        f"<vt:lpwstr>{escape(value)}</vt:lpwstr></property>"
        for pid, (name, value) in enumerate(props.items(), start=2))
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Properties xmlns="{CUSTOM_NS}" xmlns:vt="{VT_NS}">{items}</Properties>').encode("utf-8")

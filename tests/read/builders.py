"""Build real test files: .docx (python-docx plus raw XML for revisions, hidden runs, text boxes, custom
properties, footnotes), PDF (reportlab with the STSong-Light CID font, pypdf for attachments/encryption),
HTML and encoded text. Every builder returns the file's bytes and writes them to ``path`` if one is given.

Other test suites may import these: ``from tests.read.builders import make_docx, make_pdf``.
"""
from __future__ import annotations

import io
import itertools
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt

from tests.read.pdf_builder import line_box, make_pdf, xmp_packet  # noqa: F401  (re-exported)

DATE = "2024-03-01T09:00:00Z"
_WPS = ('xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:v="urn:schemas-microsoft-com:vml"')

_REVISION_IDS = itertools.count(1)
Revision = tuple[int, str, str]     # (paragraph index, text, author)
Marked = tuple[int, str]            # (paragraph index, text)


def make_docx(path: Path | str | None = None, paragraphs: Sequence[str] = (), *,
              tables: Sequence[Sequence[Sequence[str]]] = (),
              comments: Iterable[Revision] = (), insertions: Iterable[Revision] = (),
              deletions: Iterable[Revision] = (), hidden: Iterable[Marked] = (), white: Iterable[Marked] = (),
              tiny: Iterable[Marked] = (), text_boxes: Iterable[Marked] = (),
              core_props: Mapping[str, str] | None = None, app_props: Mapping[str, str] | None = None,
              custom_props: Mapping[str, str] | None = None, first_line_chars: float | None = None,
              first_line_twips: int | None = None, font_size_pt: float | None = None,
              alignment: str | None = None, header: str | None = None, footer: str | None = None,
              footnotes: Sequence[str] = ()) -> bytes:
    """A .docx with body ``paragraphs`` (one run each; "\\t" and "\\n" become w:tab / w:br) then ``tables``
    (rows of cell strings). Paragraph-indexed extras are appended to the end of that paragraph:
    ``insertions``/``deletions`` as w:ins/w:del runs, ``hidden`` as a w:vanish run, ``white`` as
    w:color FFFFFF, ``tiny`` as w:sz 2, ``text_boxes`` as a DrawingML text box with a VML fallback copy,
    ``comments`` through python-docx's add_comment. ``core_props`` uses python-docx names (author,
    last_modified_by, title, subject, keywords, comments, category); ``app_props`` sets docProps/app.xml
    elements (Company, Manager, Template); ``custom_props`` adds docProps/custom.xml. Indents: w:firstLineChars
    (``first_line_chars`` characters) or w:firstLine twips; ``alignment`` a w:jc value."""
    document = docx.Document()
    paras = [document.add_paragraph(text) for text in paragraphs]
    for p in paras:
        _format(p, first_line_chars, first_line_twips, font_size_pt, alignment)
    for rows in tables:
        table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.cell(r, c).text = value
    for index, text, author in insertions:
        paras[index]._p.append(_revision("ins", text, author))
    for index, text, author in deletions:
        paras[index]._p.append(_revision("del", text, author))
    for marks, rpr in ((hidden, "<w:vanish/>"), (white, '<w:color w:val="FFFFFF"/>'), (tiny, '<w:sz w:val="2"/>')):
        for index, text in marks:
            paras[index]._p.append(parse_xml(f"<w:r {nsdecls('w')}><w:rPr>{rpr}</w:rPr><w:t xml:space=\"preserve\">"
                                             f"{_esc(text)}</w:t></w:r>"))
    for index, text in text_boxes:
        paras[index]._p.append(_text_box(text))
    for index, text, author in comments:
        document.add_comment(paras[index].runs, text=text, author=author)
    _core(document, core_props or {})
    if header is not None:
        document.sections[0].header.paragraphs[0].text = header
    if footer is not None:
        document.sections[0].footer.paragraphs[0].text = footer
    if custom_props:
        _add_part(document, "/docProps/custom.xml",
                  "application/vnd.openxmlformats-officedocument.custom-properties+xml",
                  _custom_xml(custom_props), RT.CUSTOM_PROPERTIES, package_level=True)
    if footnotes:
        _add_part(document, "/word/footnotes.xml",
                  "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                  _footnotes_xml(footnotes), RT.FOOTNOTES, package_level=False)
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    if app_props:
        data = rewrite_docx(data, {"docProps/app.xml": _app_xml(app_props)})
    return _write(path, data)


def rewrite_docx(data: bytes, replace: Mapping[str, bytes | str]) -> bytes:
    """Copy a .docx replacing (or adding) members; for raw-XML edits and hostile files."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename not in replace:
                dst.writestr(info, src.read(info.filename))
        for name, content in replace.items():
            dst.writestr(name, content.encode("utf-8") if isinstance(content, str) else content)
    return out.getvalue()


def docx_member(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(name).decode("utf-8")


def make_html(body: str, *, title: str = "", head: str = "", charset: str | None = "utf-8",
              encoding: str = "utf-8") -> bytes:
    """An HTML page: ``body`` inner HTML, optional <title>, extra ``head`` markup, a meta charset."""
    meta = f'<meta charset="{charset}">' if charset else ""
    page = (f"<!DOCTYPE html><html><head>{meta}<title>{title}</title>{head}</head>"
            f"<body>{body}</body></html>")
    return page.encode(encoding)


def _write(path: Path | str | None, data: bytes) -> bytes:
    if path is not None:
        Path(path).write_bytes(data)
    return data


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _format(p, chars: float | None, twips: int | None, size: float | None, alignment: str | None) -> None:
    ppr = p._p.get_or_add_pPr()
    if chars is not None or twips is not None:
        ind = parse_xml(f"<w:ind {nsdecls('w')}/>")
        if chars is not None:
            ind.set(qn("w:firstLineChars"), str(int(chars * 100)))
        if twips is not None:
            ind.set(qn("w:firstLine"), str(twips))
        ppr.append(ind)
    if alignment:
        ppr.append(parse_xml(f'<w:jc {nsdecls("w")} w:val="{alignment}"/>'))
    if size is not None:
        for run in p.runs:
            run.font.size = Pt(size)


def _revision(tag: str, text: str, author: str) -> object:
    t = "delText" if tag == "del" else "t"
    return parse_xml(f'<w:{tag} {nsdecls("w")} w:id="{next(_REVISION_IDS)}" w:author="{author}" '
                     f'w:date="{DATE}"><w:r><w:{t} xml:space="preserve">{_esc(text)}</w:{t}></w:r></w:{tag}>')


def _text_box(text: str) -> object:
    inner = f'<w:txbxContent><w:p><w:r><w:t>{_esc(text)}</w:t></w:r></w:p></w:txbxContent>'
    return parse_xml(
        f'<w:r {nsdecls("w")} {_WPS}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        f'<wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>{inner}</wps:txbx></wps:wsp></a:graphicData>'
        f'</a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{inner}'
        f'</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>')


def _core(document, props: Mapping[str, str]) -> None:
    core = document.core_properties
    for name, value in props.items():
        setattr(core, name, value)


def _add_part(document, partname: str, content_type: str, blob: bytes, reltype: str, *, package_level: bool) -> None:
    package = document.part.package
    part = Part(PackURI(partname), content_type, blob, package)
    (package if package_level else document.part).relate_to(part, reltype)


def _custom_xml(props: Mapping[str, str]) -> bytes:
    items = "".join(
        f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{i}" name="{_esc(k)}">'
        f"<vt:lpwstr>{_esc(v)}</vt:lpwstr></property>" for i, (k, v) in enumerate(props.items(), 2))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            f"{items}</Properties>").encode()


def _app_xml(props: Mapping[str, str]) -> bytes:
    items = "".join(f"<{k}>{_esc(v)}</{k}>" for k, v in props.items())
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            f"{items}</Properties>").encode()


def _footnotes_xml(notes: Sequence[str]) -> bytes:
    body = "".join(f'<w:footnote w:id="{i}"><w:p><w:r><w:t>{_esc(t)}</w:t></w:r></w:p></w:footnote>'
                   for i, t in enumerate(notes, 1))
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {nsdecls("w")}>'
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
            '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
            f"</w:footnote>{body}</w:footnotes>").encode()

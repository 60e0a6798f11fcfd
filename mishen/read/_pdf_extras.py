"""What a PDF carries beside its page text: document info, annotations, form fields, embedded files."""
from __future__ import annotations

from typing import Any

from lxml import etree
from pdfminer.pdftypes import PDFStream, resolve1
from pdfminer.psparser import PSLiteral
from pdfminer.utils import decode_text

from mishen.read._common import clean_control, hidden_part, metadata_parts
from models import Document, HiddenKind, HiddenPart

_INFO_LABELS = {"Author": "作者", "Creator": "创建程序", "Producer": "生成程序", "Title": "标题",
                "Subject": "主题", "Keywords": "关键词", "Company": "单位", "Manager": "主管"}
_INFO_NOT_TEXT = {"CreationDate", "ModDate", "Trapped"}
_SKIP_ANNOTS = {"Popup", "Widget"}
_MAX_DEPTH = 32
_MAX_ITEMS = 10_000


def as_text(value: Any) -> str:
    """A PDF object as plain text: strings decoded (UTF-16 BOM or PDFDocEncoding), names by their name."""
    value = resolve1(value)
    if isinstance(value, bytes):
        try:
            text = decode_text(value)
        except (KeyError, IndexError, UnicodeDecodeError):
            text = value.decode("latin-1")
    elif isinstance(value, PSLiteral):
        name = value.name
        text = name.decode("latin-1") if isinstance(name, bytes) else str(name)
    elif isinstance(value, str):
        text = value
    elif isinstance(value, (int, float)):
        text = str(value)
    elif isinstance(value, list):
        text = " ".join(as_text(v) for v in value[:100])
    else:
        text = ""
    return clean_control(text).strip()


def info_metadata(info_list: list[Any], parent: Document) -> tuple[dict[str, str], list[HiddenPart]]:
    """The document information dictionary: all into metadata, textual values as hidden parts."""
    metadata: dict[str, str] = {}
    fields: list[tuple[str, str, str]] = []
    for info in info_list:
        info = resolve1(info)
        if not isinstance(info, dict):
            continue
        for key, raw in info.items():
            value = as_text(raw)
            if not value:
                continue
            metadata[str(key)] = value
            if key not in _INFO_NOT_TEXT:
                fields.append((f"info/{key}", _INFO_LABELS.get(key, str(key)), value))
    return metadata, metadata_parts(fields, parent.source, parent.sha256, parent.format)


def annotation_parts(annots: Any, page: int, parent: Document) -> list[HiddenPart]:
    """Comments, notes, stamps and link targets of one page (its /Annots array, as pdfminer gives it).
    Widgets are form fields (read elsewhere)."""
    out: list[HiddenPart] = []
    n_note = n_link = 0
    annots = resolve1(annots)
    for annot in annots[:_MAX_ITEMS] if isinstance(annots, list) else []:
        data = resolve1(annot)
        if not isinstance(data, dict):
            continue
        subtype = as_text(data.get("Subtype"))
        if subtype in _SKIP_ANNOTS:
            continue
        if subtype == "FileAttachment":
            spec = resolve1(data.get("FS"))
            name = _file_name(spec) or "未命名附件"
            out.append(hidden_part(f"attachment/p{page}/{len(out) + 1}", HiddenKind.PDF_ATTACHMENT,
                                   f"第{page}页的附件“{name}”", name, parent, attrs={"name": name}))
            continue
        action = resolve1(data.get("A")) or {}
        uri = as_text(action.get("URI")) if isinstance(action, dict) else ""
        contents = as_text(data.get("Contents"))
        author = as_text(data.get("T"))
        if subtype == "Link" or (uri and not contents):
            if not uri:
                continue
            n_link += 1
            out.append(hidden_part(f"annot/p{page}/link{n_link}", HiddenKind.PDF_ANNOTATION,
                                   f"第{page}页的链接{n_link}", uri, parent, attrs={"href": uri, "subtype": subtype}))
            continue
        if not contents:
            continue
        n_note += 1
        label = f"第{page}页的注释{n_note}" + (f"（作者：{author}）" if author else "")
        out.append(hidden_part(f"annot/p{page}/{n_note}", HiddenKind.PDF_ANNOTATION, label, contents, parent,
                               attrs={"author": author, "subtype": subtype, "date": as_text(data.get("M")),
                                      "href": uri}))
    return out


def form_field_parts(catalog: dict, parent: Document) -> list[HiddenPart]:
    """Filled-in AcroForm fields, named by their full dotted name."""
    form = resolve1(catalog.get("AcroForm"))
    if not isinstance(form, dict):
        return []
    out: list[HiddenPart] = []
    stack = [(resolve1(f), "", 0) for f in resolve1(form.get("Fields")) or []]
    while stack and len(out) < _MAX_ITEMS:
        field, prefix, depth = stack.pop(0)
        if not isinstance(field, dict) or depth > _MAX_DEPTH:
            continue
        partial = as_text(field.get("T"))
        name = f"{prefix}.{partial}" if prefix and partial else (partial or prefix)
        value = as_text(field.get("V"))
        if value and value != "Off":
            out.append(hidden_part(f"form/{name or len(out) + 1}", HiddenKind.PDF_FORM_FIELD,
                                   f"表单域“{name}”", value, parent, attrs={"name": name}))
        stack.extend((resolve1(k), name, depth + 1) for k in resolve1(field.get("Kids")) or [])
    return out


def attachment_parts(catalog: dict, parent: Document) -> list[HiddenPart]:
    """Files embedded through the EmbeddedFiles name tree (their names; contents are not read)."""
    names = resolve1(catalog.get("Names"))
    tree = resolve1(names.get("EmbeddedFiles")) if isinstance(names, dict) else None
    out: list[HiddenPart] = []
    stack = [(tree, 0)]
    while stack and len(out) < _MAX_ITEMS:
        node, depth = stack.pop()
        node = resolve1(node)
        if not isinstance(node, dict) or depth > _MAX_DEPTH:
            continue
        pairs = resolve1(node.get("Names")) or []
        for i in range(0, len(pairs) - 1, 2):
            spec = resolve1(pairs[i + 1])
            name = _file_name(spec) or as_text(pairs[i]) or f"附件{len(out) + 1}"
            desc = as_text(spec.get("Desc")) if isinstance(spec, dict) else ""
            text = name + (f"\n{desc}" if desc else "")
            out.append(hidden_part(f"attachment/{len(out) + 1}", HiddenKind.PDF_ATTACHMENT, f"嵌入的附件“{name}”",
                                   text, parent, attrs={"name": name}))
        stack.extend((kid, depth + 1) for kid in resolve1(node.get("Kids")) or [])
    return out


def _file_name(spec: Any) -> str:
    spec = resolve1(spec)
    if isinstance(spec, dict):
        return as_text(spec.get("UF")) or as_text(spec.get("F"))
    return as_text(spec)


_XMP_LABELS = {"creator": "作者", "title": "标题", "description": "主题", "subject": "关键词",
               "CreatorTool": "创建程序", "Producer": "生成程序", "Keywords": "关键词", "Company": "单位",
               "Manager": "主管", "Author": "作者"}
_MAX_XMP_BYTES = 1_000_000


def xmp_metadata(catalog: dict, known: set[str], parent: Document) -> tuple[dict[str, str], list[HiddenPart]]:
    """Textual fields of the XMP packet (dc:creator, xmp:CreatorTool …) whose values the info dictionary
    does not already give. A packet with a DTD is ignored."""
    stream = resolve1(catalog.get("Metadata"))
    if not isinstance(stream, PDFStream):
        return {}, []
    raw = stream.get_data()[:_MAX_XMP_BYTES]
    if b"<!DOCTYPE" in raw.upper() or b"<!ENTITY" in raw.upper():
        return {}, []
    try:
        root = etree.fromstring(raw.strip(), etree.XMLParser(resolve_entities=False, no_network=True,
                                                            load_dtd=False, recover=True))
    except (etree.XMLSyntaxError, ValueError):
        return {}, []
    if root is None:
        return {}, []
    metadata: dict[str, str] = {}
    fields: list[tuple[str, str, str]] = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        name = etree.QName(el).localname
        if name not in _XMP_LABELS:
            continue
        value = clean_control(" ".join(t.strip() for t in el.itertext() if t.strip()))
        if value and value not in known and f"xmp:{name}" not in metadata:
            metadata[f"xmp:{name}"] = value
            fields.append((f"xmp/{name}", _XMP_LABELS[name], value))
    return metadata, metadata_parts(fields, parent.source, parent.sha256, parent.format)

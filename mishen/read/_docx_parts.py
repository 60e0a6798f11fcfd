"""Everything of a .docx outside the body flow: properties, comments, headers/footers, foot/endnotes."""
from __future__ import annotations

import posixpath
import re

from lxml import etree

from mishen.read._common import hidden_part, metadata_parts
from mishen.read._docx_flow import story_document
from mishen.read._docx_package import Package, w
from mishen.read._docx_walk import ParagraphReader
from models import Document, HiddenKind, HiddenPart

_CORE_LABELS = {
    "creator": "作者", "lastModifiedBy": "最后修改者", "title": "标题", "subject": "主题", "keywords": "关键词",
    "description": "备注", "category": "类别", "contentStatus": "状态", "identifier": "标识符",
}
_CORE_OTHER = ("created", "modified", "lastPrinted", "revision", "language", "version")
_APP_LABELS = {"Company": "单位", "Manager": "主管", "Template": "模板", "HyperlinkBase": "超链接基础"}
_APP_OTHER = ("Application", "AppVersion", "TotalTime", "Pages", "Words", "Characters")


def properties(pkg: Package, parent: Document) -> tuple[dict[str, str], list[HiddenPart]]:
    """docProps core/app/custom and the attached template's path: into metadata, and each textual
    value as a metadata hidden part."""
    metadata: dict[str, str] = {}
    fields: list[tuple[str, str, str]] = []
    for child in _children(pkg.xml("docProps/core.xml")):
        name, value = etree.QName(child).localname, (child.text or "").strip()
        if name in _CORE_LABELS:
            metadata[name] = value
            fields.append((f"core/{name}", _CORE_LABELS[name], value))
        elif name in _CORE_OTHER and value:
            metadata[name] = value
    for child in _children(pkg.xml("docProps/app.xml")):
        name, value = etree.QName(child).localname, (child.text or "").strip()
        if name in _APP_LABELS:
            metadata[name] = value
            fields.append((f"app/{name}", _APP_LABELS[name], value))
        elif name in _APP_OTHER and value:
            metadata[name] = value
    for prop in _children(pkg.xml("docProps/custom.xml")):
        name = prop.get("name") or ""
        value = "".join(prop.itertext()).strip()
        if name:
            metadata[f"custom:{name}"] = value
            fields.append((f"custom/{name}", f"自定义属性“{name}”", value))
    template = _attached_template(pkg)
    if template:
        metadata["attachedTemplate"] = template
        fields.append(("settings/attachedTemplate", "附加模板路径", template))
    metadata = {k: v for k, v in metadata.items() if v}
    return metadata, metadata_parts(fields, parent.source, parent.sha256, parent.format)


def comments(pkg: Package, part: str | None, reader: ParagraphReader, parent: Document,
             anchors: dict[str, str]) -> list[HiddenPart]:
    root = pkg.xml(part) if part else None
    if root is None:
        return []
    out: list[HiddenPart] = []
    for n, comment in enumerate(root.iter(w("comment")), 1):
        cid, author = comment.get(w("id")) or "", comment.get(w("author")) or ""
        label = f"批注{n}（作者：{author}）" if author else f"批注{n}"
        doc, inner, _ = story_document(reader, parent, root, comment, label=label, key=f"comment{n}",
                                       ref=f"{part}#comment/{cid}")
        if doc.text.strip() or inner:
            attrs = {"author": author, "date": comment.get(w("date")) or "", "initials": comment.get(w("initials")),
                     "comment_id": cid, "anchor": anchors.get(cid, "")}
            out.append(hidden_part(f"comment/{n}", HiddenKind.COMMENT, label, doc.text, document=doc, attrs=attrs))
            out.extend(inner)
    return out


def notes(pkg: Package, part: str | None, reader: ParagraphReader, parent: Document,
          endnotes: bool) -> list[HiddenPart]:
    root = pkg.xml(part) if part else None
    if root is None:
        return []
    tag, prefix, name = ("endnote", "endnote", "尾注") if endnotes else ("footnote", "footnote", "脚注")
    out: list[HiddenPart] = []
    n = 0
    for note in root.iter(w(tag)):
        if note.get(w("type")) in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        n += 1
        nid = note.get(w("id")) or str(n)
        doc, inner, _ = story_document(reader, parent, root, note, label=f"{name}{n}", key=f"{prefix}{n}",
                                       ref=f"{part}#{tag}/{nid}")
        if doc.text.strip() or inner:
            out.append(hidden_part(f"{prefix}/{n}", HiddenKind.FOOTNOTE, f"{name}{n}", doc.text, document=doc,
                                   attrs={"note_id": nid}))
            out.extend(inner)
    return out


def headers_footers(pkg: Package, targets: list[tuple[str, str]], reader: ParagraphReader,
                    parent: Document) -> list[HiddenPart]:
    """``targets`` = (rel type 'header'|'footer', part name). Each non-empty one becomes a hidden part."""
    out: list[HiddenPart] = []
    counts = {"header": sum(t == "header" for t, _ in targets), "footer": sum(t == "footer" for t, _ in targets)}
    for rtype, part in sorted(targets, key=lambda t: (t[0], _natural(t[1]))):
        root = pkg.xml(part)
        if root is None:
            continue
        stem = posixpath.splitext(posixpath.basename(part))[0]
        name = "页眉" if rtype == "header" else "页脚"
        label = name if counts[rtype] == 1 else f"{name}（{stem}）"
        doc, inner, _ = story_document(reader, parent, root, root, label=label, key=stem, ref=part)
        if doc.text.strip() or inner:
            out.append(hidden_part(f"{rtype}/{stem}", HiddenKind.HEADER_FOOTER, label, doc.text, document=doc,
                                   attrs={"part": part}))
            out.extend(inner)
    return out


def _attached_template(pkg: Package) -> str:
    root = pkg.xml("word/settings.xml")
    if root is None:
        return ""
    el = root.find(w("attachedTemplate"))
    rid = el.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id") if el is not None else None
    if not rid:
        return ""
    return pkg.rels("word/settings.xml").get(rid, ("", ""))[1]


def _children(root: etree._Element | None) -> list[etree._Element]:
    return [c for c in root if isinstance(c.tag, str)] if root is not None else []


def _natural(name: str) -> tuple:
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", name))

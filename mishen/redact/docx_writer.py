"""The public .docx: the same package with runs edited in place, so styles, tables, numbering,
headers/footers and images survive. Comments, tracked changes, hidden runs, personal properties,
custom properties, the thumbnail and the attached-template path are removed; every planned value
is masked in every XML part (paragraph text across runs, other text, attribute values)."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from lxml import etree

from mishen.read._docx_package import w
from mishen.read._docx_styles import Styles
from mishen.redact._docx_clean import clean_story
from mishen.redact._docx_zip import DocxZip
from mishen.redact.match import Matcher
from mishen.redact.plan import EntryKind, Plan
from mishen.redact.segments import Segment, replace_in_segments, replace_in_string

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
CORE_DROP = ("creator", "lastModifiedBy", "lastPrinted")
APP_DROP = ("Company", "Manager", "Template", "HyperlinkBase")
_DROP_PARTS = re.compile(r"^(word/comments[A-Za-z]*\.xml|word/people\.xml|docProps/custom\.xml|"
                         r"docProps/thumbnail\.[a-z]+)$")
_BLOCK_REF = re.compile(r"^(?P<part>.+?)/(?:p/(?P<p>\d+)|tbl/(?P<t>\d+)(?:/tr/(?P<r>\d+)(?:/tc/\d+)?)?)$")


@dataclass
class WriteResult:
    data: bytes
    replaced: Counter[str] = field(default_factory=Counter)
    removed: Counter[str] = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)
    rerendered_pages: list[int] = field(default_factory=list)


def write_docx(data: bytes, plan: Plan, matcher: Matcher) -> WriteResult:
    z = DocxZip(data)
    result = WriteResult(data=b"")
    main = _main_part(z)
    styles = Styles(z.xml("word/styles.xml"))
    for name in [n for n in z.names() if _DROP_PARTS.match(n)]:
        z.drop(name)
        result.removed[f"part:{name}"] += 1
    masks = plan.masks()
    blocks = [e.ref for e in plan.of_kind(EntryKind.REMOVE_BLOCK) if e.ref]
    for name in z.names():
        if not name.endswith((".xml", ".rels")) or name == "[Content_Types].xml":
            continue
        root = z.xml(name)
        if root is None:
            continue
        story_ref = "body" if name == main else name
        _remove_blocks(root, [r for r in blocks if r.startswith(story_ref + "/")], story_ref, result)
        if name.startswith("word/"):
            result.removed.update(clean_story(root, styles))
        _properties(name, root, z, result)
        _sweep(root, matcher, masks, result)
        z.put_xml(name, root)
    if any(n.startswith("word/embeddings/") for n in z.names()):
        result.warnings.append("文档含嵌入对象（如嵌入的表格），其内容无法脱密和核验，请删除后重新生成公开版")
    result.data = z.to_bytes()
    return result


def _main_part(z: DocxZip) -> str:
    rels = z.xml("_rels/.rels")
    for rel in (rels if rels is not None else []):
        if (rel.get("Type") or "").endswith("/officeDocument"):
            return (rel.get("Target") or "word/document.xml").lstrip("/")
    return "word/document.xml"


def _sweep(root: etree._Element, matcher: Matcher, masks: dict[str, str], result: WriteResult) -> None:
    """Mask the values: paragraph by paragraph across runs, then any other text node and attribute."""
    if not masks:
        return
    for p in root.iter(w("p")):
        texts = [t for t in p.iter(w("t")) if _owner(t) is p]
        segments = [Segment(t.text or "", _setter(t)) for t in texts]
        result.replaced.update(replace_in_segments(segments, matcher, masks))
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag != w("t") and el.text and el.text.strip():
            el.text, counts = replace_in_string(el.text, matcher, masks)
            result.replaced.update(counts)
        for attr, value in el.attrib.items():
            new, counts = replace_in_string(value, matcher, masks)
            if counts:
                el.set(attr, new)
                result.replaced.update(counts)


def _owner(t: etree._Element) -> etree._Element | None:
    parent = t.getparent()
    while parent is not None and parent.tag != w("p"):
        parent = parent.getparent()
    return parent


def _setter(t: etree._Element):
    def write(text: str) -> None:
        t.text = text
        t.set(XML_SPACE, "preserve")
    return write


def _properties(name: str, root: etree._Element, z: DocxZip, result: WriteResult) -> None:
    """Personal properties out of core.xml and app.xml; the attached template path out of settings."""
    drop: tuple[str, ...] = ()
    if name == "docProps/core.xml":
        drop = CORE_DROP
    elif name == "docProps/app.xml":
        drop = APP_DROP
    for child in list(root):
        if isinstance(child.tag, str) and etree.QName(child).localname in drop:
            root.remove(child)
            if "".join(child.itertext()).strip():
                result.removed[f"property:{etree.QName(child).localname}"] += 1
    if name == "word/settings.xml":
        for tag in ("attachedTemplate", "trackRevisions"):
            for el in root.findall(w(tag)):
                rid = el.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
                root.remove(el)
                result.removed[f"setting:{tag}"] += 1
                if rid:
                    z.drop_rel("word/_rels/settings.xml.rels", rid)


def _remove_blocks(root: etree._Element, refs: list[str], story: str, result: WriteResult) -> None:
    """Remove paragraphs ('…/p/K'), tables ('…/tbl/T') and table rows ('…/tbl/T/tr/R[/tc/C]')."""
    if not refs:
        return
    paragraphs = list(root.iter(w("p")))
    tables = list(root.iter(w("tbl")))
    doomed: list[etree._Element] = []
    for ref in refs:
        m = _BLOCK_REF.match(ref)
        if not m or m["part"] != story:
            result.warnings.append(f"无法定位要删除的段落：{ref}")
            continue
        if m["p"] is not None and int(m["p"]) < len(paragraphs):
            doomed.append(paragraphs[int(m["p"])])
        elif m["t"] is not None and int(m["t"]) < len(tables):
            table = tables[int(m["t"])]
            rows = [r for r in table.iter(w("tr")) if _table_of(r) is table]
            if m["r"] is None:
                doomed.append(table)
            elif int(m["r"]) < len(rows):
                doomed.append(rows[int(m["r"])])
        else:
            result.warnings.append(f"无法定位要删除的段落：{ref}")
    for el in doomed:
        _drop_block(el)
        result.removed["blocks"] += 1


def _table_of(tr: etree._Element) -> etree._Element | None:
    parent = tr.getparent()
    while parent is not None and parent.tag != w("tbl"):
        parent = parent.getparent()
    return parent


def _drop_block(el: etree._Element) -> None:
    parent = el.getparent()
    if parent is None:
        return
    ppr = el.find(w("pPr"))
    if el.tag == w("p") and ppr is not None and ppr.find(w("sectPr")) is not None:
        for child in [c for c in el if c is not ppr]:  # the paragraph carries section settings: empty it
            el.remove(child)
        return
    parent.remove(el)
    if parent.tag == w("tc") and parent.find(w("p")) is None:
        etree.SubElement(parent, w("p"))  # a cell must keep one paragraph

"""Write a story (the body, a header, a comment …) into a TextBuilder: paragraphs, tables, text boxes;
revisions and hidden runs become hidden parts."""
from __future__ import annotations

from collections import Counter

from lxml import etree

from mishen.read._common import TextBuilder, hidden_part
from mishen.read._docx_package import w
from mishen.read._docx_walk import MC, Para, ParagraphReader
from models import Document, HiddenKind, HiddenPart

_WHY = {"vanish": "隐藏格式", "white": "白色字体", "tiny": "极小字号", "moved": "移动"}
_PREFIX = {HiddenKind.INSERTION: "insertion", HiddenKind.DELETION: "deletion", HiddenKind.HIDDEN_TEXT: "hidden"}


class FlowWriter:
    """Writes one story. ``label`` prefixes Chinese locations ('页眉1'), ``key`` prefixes part ids,
    ``ref`` prefixes block refs; ``p_index`` numbers every w:p of the XML part in document order."""

    def __init__(self, reader: ParagraphReader, parent: Document, builder: TextBuilder, *, label: str = "",
                 key: str = "", ref: str = "body") -> None:
        self.reader, self.parent, self.builder = reader, parent, builder
        self.label, self.key, self.ref = label, key, ref
        self.parts: list[HiddenPart] = []
        self.anchors: dict[str, str] = {}
        self._p_index: dict[etree._Element, int] = {}
        self._t_index: dict[etree._Element, int] = {}
        self._counts: Counter[tuple[str, str]] = Counter()
        self._para_no = 0
        self._table_no = 0

    def write(self, root: etree._Element, container: etree._Element | None = None) -> None:
        """Write the block-level content of ``container`` (default ``root``), numbering against ``root``."""
        self._p_index = {p: i for i, p in enumerate(root.iter(w("p")))}
        self._t_index = {t: i for i, t in enumerate(root.iter(w("tbl")))}
        self._blocks(root if container is None else container)

    def _blocks(self, el: etree._Element) -> None:
        for child in el:
            tag = child.tag
            if tag == w("p"):
                self._paragraph(child)
            elif tag == w("tbl"):
                self._table(child)
            elif tag in (w("sdt"), w("sdtContent"), w("customXml")):
                self._blocks(child)
            elif tag == f"{{{MC}}}AlternateContent":
                choice = child.find(f"{{{MC}}}Choice")
                if choice is not None:
                    self._blocks(choice)

    def _paragraph(self, p: etree._Element) -> None:
        para = self.reader.read(p)
        if not para.has_content:
            self.builder.add_blank()
            return
        self._para_no += 1
        label, key = f"{self.label}第{self._para_no}段", f"{self.key}p{self._para_no}"
        self.builder.add_block(para.text, "heading" if para.heading else "paragraph",
                               f"{self.ref}/p/{self._p_index.get(p, -1)}", label, indent_chars=para.indent_chars,
                               alignment=para.alignment, style=para.style)
        self._extras(para, label, key)

    def _table(self, tbl: etree._Element) -> None:
        self._table_no += 1
        t_ref = f"{self.ref}/tbl/{self._t_index.get(tbl, -1)}"
        for r, tr in enumerate(_children(tbl, "tr"), 1):
            column = 1
            for c, tc in enumerate(_children(tr, "tc")):
                label = f"{self.label}表{self._table_no}第{r}行第{column}列"
                key = f"{self.key}t{self._table_no}r{r}c{column}"
                self._cell(tc, label, key, f"{t_ref}/tr/{r - 1}/tc/{c}")
                column += _span(tc)

    def _cell(self, tc: etree._Element, label: str, key: str, ref: str) -> None:
        shd = tc.find(f"{w('tcPr')}/{w('shd')}")
        shaded = shd is not None and (shd.get(w("fill")) or "auto").upper() not in ("AUTO", "FFFFFF")
        paras = [self.reader.read(p, shaded) for p in tc.iter(w("p")) if not _in_text_box(p, tc)]
        text = "\n".join(p.text for p in paras if p.text)
        if text:
            self.builder.add_block(text, "table_cell", ref, label)
        for para in paras:
            self._extras(para, label, key)

    def _extras(self, para: Para, label: str, key: str) -> None:
        for cid in para.comments:
            self.anchors.setdefault(cid, label)
        for piece in para.pieces:
            if not piece.text.strip():
                continue
            prefix = _PREFIX[piece.kind]
            self._counts[(prefix, key)] += 1
            part_id = f"{prefix}/{key}/{self._counts[(prefix, key)]}"
            if piece.kind is HiddenKind.HIDDEN_TEXT:
                location = f"{label}中的隐藏文字（{_WHY[piece.attrs['why']]}）"
            else:
                location = f"{label}中{'插入' if piece.kind is HiddenKind.INSERTION else '删除'}的文字"
            self.parts.append(hidden_part(part_id, piece.kind, location, piece.text, self.parent,
                                          attrs=piece.attrs))
        for k, box in enumerate(para.text_boxes, 1):
            box_label = f"{label}的文本框{k}" if len(para.text_boxes) > 1 else f"{label}的文本框"
            for j, inner in enumerate(box, 1):
                where = f"{box_label}第{j}段" if len(box) > 1 else box_label
                if inner.text:
                    ref = f"{self.ref}/p/{self._p_index.get(inner.element, -1)}"
                    self.builder.add_block(inner.text, "text_box", ref, where, indent_chars=inner.indent_chars,
                                           alignment=inner.alignment, style=inner.style)
                self._extras(inner, where, f"{key}x{k}")


def story_document(reader: ParagraphReader, parent: Document, root: etree._Element, container: etree._Element,
                   *, label: str, key: str, ref: str) -> tuple[Document, list[HiddenPart], dict[str, str]]:
    """A header, footnote or comment as its own small Document, plus the revision parts inside it."""
    builder = TextBuilder()
    writer = FlowWriter(reader, parent, builder, label=label, key=key, ref=ref)
    writer.write(root, container)
    text, blocks = _trim(builder)
    doc = Document(source=parent.source, sha256=parent.sha256, format=parent.format, text=text, blocks=blocks)
    return doc, writer.parts, writer.anchors


def _trim(builder: TextBuilder) -> tuple[str, list]:
    """Drop trailing blank lines of a story (its offsets stay valid: only the end is cut)."""
    text = builder.text()
    end = len(text.rstrip("\n"))
    return text[:end], builder.blocks


def _children(el: etree._Element, tag: str) -> list[etree._Element]:
    """Direct rows/cells, looking through content controls and custom XML wrappers."""
    out: list[etree._Element] = []
    for child in el:
        if child.tag == w(tag):
            out.append(child)
        elif child.tag in (w("sdt"), w("sdtContent"), w("customXml")):
            out.extend(_children(child, tag))
    return out


def _span(tc: etree._Element) -> int:
    span = tc.find(f"{w('tcPr')}/{w('gridSpan')}")
    try:
        return max(1, int(span.get(w("val")))) if span is not None else 1
    except (TypeError, ValueError):
        return 1


def _in_text_box(p: etree._Element, top: etree._Element) -> bool:
    parent = p.getparent()
    while parent is not None and parent is not top:
        if parent.tag == w("txbxContent"):
            return True
        parent = parent.getparent()
    return False

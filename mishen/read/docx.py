"""Word (.docx) from its XML, read with lxml (python-docx drops tracked insertions and shows hidden runs).

Visible text: body paragraphs, tables (one block per cell, kind table_cell, 表T第R行第C列) and text boxes
in document order. Tracked insertions are part of the text *and* each is a hidden part (insertion);
deletions are not in the text but each is a hidden part (deletion). Runs a reader does not see — w:vanish,
white text on no shading, text of 1 pt or less — are left out of the text and each is a hidden part
(hidden_text, attrs why = vanish|white|tiny). Text boxes are visible in print, so their paragraphs are
blocks (kind text_box) right after the paragraph that anchors them. Headers/footers, foot/endnotes and
comments sit outside the body flow: each is a hidden part. Empty paragraphs are kept as blank lines
without a block; 第N段 counts paragraphs with any content. A block's ref 'body/p/K' is the K-th w:p of
word/document.xml in document order (0-based), 'body/tbl/T/tr/R/tc/C' the T-th w:tbl's cell.
"""
from __future__ import annotations

from mishen.read._common import TextBuilder
from mishen.read._docx_flow import FlowWriter
from mishen.read._docx_package import Package, w
from mishen.read._docx_parts import comments, headers_footers, notes, properties
from mishen.read._docx_styles import Styles
from mishen.read._docx_walk import ParagraphReader
from mishen.read.errors import ReadError
from mishen.settings import Settings
from models import Document, SourceFormat


def read_docx(data: bytes, name: str, sha256: str, settings: Settings) -> Document:
    pkg = Package(data, settings)
    main = pkg.main_part()
    root = pkg.xml(main)
    body = root.find(w("body")) if root is not None else None
    if body is None:
        raise ReadError("UNREADABLE", "Word 文档缺少正文部分（w:body），文件已损坏")
    rels = pkg.rels(main)
    by_type: dict[str, list[str]] = {}
    for rtype, target in rels.values():
        if pkg.has(target):
            by_type.setdefault(rtype, []).append(target)
    reader = ParagraphReader(Styles(pkg.xml(_first(by_type, "styles"))))
    doc = Document(source=name, sha256=sha256, format=SourceFormat.DOCX, text="")

    builder = TextBuilder()
    writer = FlowWriter(reader, doc, builder, ref="body")
    writer.write(root, body)
    doc.text, doc.blocks = builder.text(), builder.blocks

    doc.metadata, meta_parts = properties(pkg, doc)
    targets = [(t, part) for t in ("header", "footer") for part in by_type.get(t, [])]
    doc.hidden_parts = [
        *comments(pkg, _first(by_type, "comments"), reader, doc, writer.anchors),
        *writer.parts,
        *headers_footers(pkg, targets, reader, doc),
        *notes(pkg, _first(by_type, "footnotes"), reader, doc, endnotes=False),
        *notes(pkg, _first(by_type, "endnotes"), reader, doc, endnotes=True),
        *meta_parts,
    ]
    doc.warnings = _warnings(pkg, root)
    return doc


def _warnings(pkg: Package, root) -> list[str]:
    """What the reader saw but did not read: embedded objects and alternative-format chunks."""
    out = []
    embedded = [n for n in pkg.names() if n.startswith("word/embeddings/")]
    if embedded:
        out.append(f"文档含有 {len(embedded)} 个嵌入对象（如嵌入的表格或文档），其内容未读取，需人工检查")
    if next(root.iter(w("altChunk")), None) is not None:
        out.append("文档含有外部格式内容块（altChunk），其内容未读取，需人工检查")
    return out


def _first(by_type: dict[str, list[str]], rtype: str) -> str | None:
    found = by_type.get(rtype)
    return found[0] if found else None

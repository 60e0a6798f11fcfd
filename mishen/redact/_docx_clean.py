"""Strip a Word story (body, header, footnotes …) of what a public version must not carry: comment
marks, tracked changes (insertions accepted, deletions and moved-away text dropped, old formatting
records dropped) and runs a reader does not see (w:vanish, white on no shading, 1 pt or smaller)."""
from __future__ import annotations

from collections import Counter

from lxml import etree

from mishen.read._docx_package import w
from mishen.read._docx_styles import RunProps, Styles, is_dark_fill, run_props
from mishen.read._docx_walk import _hidden_reason  # the reader's own test of "hidden", kept in step

_DROP = {w(t) for t in (
    "del", "moveFrom", "rPrChange", "pPrChange", "sectPrChange", "tblPrChange", "tblGridChange", "trPrChange",
    "tcPrChange", "numberingChange", "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart",
    "moveToRangeEnd", "commentRangeStart", "commentRangeEnd", "customXmlDelRangeStart", "customXmlDelRangeEnd",
    "customXmlMoveFromRangeStart", "customXmlMoveFromRangeEnd", "cellDel", "delText", "delInstrText")}
_UNWRAP = {w("ins"), w("moveTo")}
_MARKERS = {w("ins"), w("del"), w("moveTo"), w("moveFrom"), w("cellIns"), w("cellMerge")}
_PROPS = {w("rPr"), w("pPr"), w("trPr"), w("tcPr"), w("tblPr")}


def clean_story(root: etree._Element, styles: Styles) -> Counter[str]:
    """Edit ``root`` in place; returns counts of what was removed (for redactions.json)."""
    counts: Counter[str] = Counter()
    for tr in [tr for tr in root.iter(w("tr")) if tr.find(f"{w('trPr')}/{w('del')}") is not None]:
        _remove(tr)
        counts["deleted_rows"] += 1
    for el in list(root.iter(*_MARKERS)):
        if el.getparent() is not None and el.getparent().tag in _PROPS:
            _remove(el)  # a revision mark on a paragraph mark, row or cell: the change is accepted as is
    for el in list(root.iter(*_DROP)):
        if _attached(el, root):
            counts["revisions" if el.tag not in (w("commentRangeStart"), w("commentRangeEnd")) else "comments"] += 1
            _remove(el)
    for el in list(root.iter(*_UNWRAP)):
        if _attached(el, root):
            _unwrap(el)
            counts["revisions"] += 1
    for ref in list(root.iter(w("commentReference"))):
        run = ref.getparent()
        _remove(run if run.tag == w("r") and len([c for c in run if c.tag != w("rPr")]) == 1 else ref)
        counts["comments"] += 1
    for run in list(root.iter(w("r"))):
        if _attached(run, root) and _hidden(run, styles):
            _remove(run)
            counts["hidden_runs"] += 1
    return counts


def _hidden(run: etree._Element, styles: Styles) -> bool:
    p = _ancestor(run, w("p"))
    para_run, shaded = RunProps(), False
    if p is not None:
        ppr = p.find(w("pPr"))
        sid = ppr.find(w("pStyle")) if ppr is not None else None
        para_run = styles.paragraph(sid.get(w("val")) if sid is not None else None).run
        shd = ppr.find(w("shd")) if ppr is not None else None
        shaded = bool(shd is not None and is_dark_fill(shd.get(w("fill"))))
    tc = _ancestor(run, w("tc"))
    if tc is not None:
        shd = tc.find(f"{w('tcPr')}/{w('shd')}")
        shaded = shaded or bool(shd is not None and is_dark_fill(shd.get(w("fill"))))
    rpr = run.find(w("rPr"))
    style_el = rpr.find(w("rStyle")) if rpr is not None else None
    props = run_props(rpr).over(styles.character(style_el.get(w("val")) if style_el is not None else None))
    return _hidden_reason(props.over(para_run), shaded) is not None and _has_text(run)


def _has_text(run: etree._Element) -> bool:
    return any((t.text or "") for t in run.iter(w("t"), w("instrText"))) or run.find(w("tab")) is not None


def _ancestor(el: etree._Element, tag: str) -> etree._Element | None:
    parent = el.getparent()
    while parent is not None and parent.tag != tag:
        parent = parent.getparent()
    return parent


def _attached(el: etree._Element, root: etree._Element) -> bool:
    """Still in the tree (an ancestor may have been removed already)."""
    node = el
    while node is not None and node is not root:
        node = node.getparent()
    return node is root


def _remove(el: etree._Element) -> None:
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def _unwrap(el: etree._Element) -> None:
    parent = el.getparent()
    index = parent.index(el)
    for offset, child in enumerate(list(el)):
        parent.insert(index + offset, child)
    _remove(el)

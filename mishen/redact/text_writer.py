"""Public versions of plain text and HTML.

Text: same encoding, byte-order mark and line endings as the input; lines removed by ``line/N`` refs.
HTML: the markup is kept; hidden elements (the reader's own visibility rules), comments, <noscript>,
<template>, hidden inputs and <meta name=author> are removed; values are masked in text (across inline
elements of one block) and attribute values; the serialiser escapes what it writes.
"""
from __future__ import annotations

import codecs
import re

import lxml.html
from lxml import etree

from mishen.read._decode import decode_text
from mishen.read._html_visibility import hidden_reason, parse_rules
from mishen.redact.docx_writer import WriteResult
from mishen.redact.match import Matcher
from mishen.redact.plan import EntryKind, Plan
from mishen.redact.segments import Segment, replace_in_segments, replace_in_string

_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_BLOCKS = frozenset(
    "address article aside blockquote body caption center dd details dialog div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead "
    "tr ul legend option script style title".split())


def _encode(text: str, data: bytes, encoding: str, result: WriteResult) -> bytes:
    bom = next((b for b in _BOMS if data.startswith(b)), b"")
    name = "utf-8" if bom == codecs.BOM_UTF8 else encoding
    try:
        return bom + text.encode(name)
    except UnicodeEncodeError:
        result.warnings.append(f"遮盖后的文字无法用原编码 {encoding} 保存，公开版改用 UTF-8")
        return codecs.BOM_UTF8 + text.encode("utf-8")


def write_txt(data: bytes, plan: Plan, matcher: Matcher) -> WriteResult:
    result = WriteResult(data=b"")
    text, encoding = decode_text(data)
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    doomed = {int(e.ref.rsplit("/", 1)[1]) for e in plan.of_kind(EntryKind.REMOVE_BLOCK)
              if e.ref and re.fullmatch(r"line/\d+", e.ref)}
    kept = [line for number, line in enumerate(lines, 1) if number not in doomed]
    result.removed["blocks"] = len(lines) - len(kept)
    out, counts = replace_in_string("\n".join(kept), matcher, plan.masks())
    result.replaced.update(counts)
    result.data = _encode(out.replace("\n", newline), data, encoding, result)
    return result


def write_html(data: bytes, plan: Plan, matcher: Matcher) -> WriteResult:
    result = WriteResult(data=b"")
    declared = _CHARSET.search(data[:8192])
    text, encoding = decode_text(data, declared.group(1).decode("ascii") if declared else None)
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    parser = lxml.html.HTMLParser(remove_comments=False, no_network=True, recover=True, huge_tree=False)
    root = lxml.html.document_fromstring(text, parser=parser)
    tree = root.getroottree()
    doomed = []
    for entry in plan.of_kind(EntryKind.REMOVE_BLOCK):
        found = tree.xpath(entry.ref) if entry.ref and entry.ref.startswith("/") else []
        doomed.extend(el for el in found if isinstance(el, etree._Element))
    rules = parse_rules("\n".join(s.text or "" for s in root.iter("style")))
    for el in list(root.iter()):
        if _is_hidden(el, rules):
            _remove(el)
            result.removed["hidden_elements"] += 1
    for el in doomed:
        _remove(el)
        result.removed["blocks"] += 1
    masks = plan.masks()
    if masks:
        for segments in _segments(root).values():
            result.replaced.update(replace_in_segments(segments, matcher, masks))
        for el in root.iter():
            for attr, value in el.attrib.items():
                new, counts = replace_in_string(value, matcher, masks)
                if counts:
                    el.set(attr, new)
                    result.replaced.update(counts)
    doctype = tree.docinfo.doctype
    body = lxml.html.tostring(root, encoding="unicode", method="html")
    out = (doctype + "\n" if doctype else "") + body
    result.data = _encode_html(out, data, encoding, result)
    return result


def _encode_html(text: str, data: bytes, encoding: str, result: WriteResult) -> bytes:
    bom = next((b for b in _BOMS if data.startswith(b)), b"")
    return bom + text.encode("utf-8" if bom == codecs.BOM_UTF8 else encoding, errors="xmlcharrefreplace")


def _is_hidden(el: etree._Element, rules) -> bool:
    if el.tag is etree.Comment:
        return True
    if not isinstance(el.tag, str):
        return False
    tag = el.tag.lower()
    if tag in ("noscript", "template"):
        return True
    if tag == "input" and (el.get("type") or "").lower() == "hidden":
        return True
    if tag == "meta" and (el.get("name") or "").lower() == "author":
        return True
    return tag not in ("html", "head", "script", "style", "meta", "title", "link") and bool(hidden_reason(el, rules))


def _remove(el: etree._Element) -> None:
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _segments(root: etree._Element) -> dict[etree._Element, list[Segment]]:
    """Text and tail nodes grouped by the block element they are read in (document order)."""
    groups: dict[etree._Element, list[Segment]] = {}

    def owner(el: etree._Element) -> etree._Element:
        node = el
        while node is not None and not (isinstance(node.tag, str) and node.tag.lower() in _BLOCKS):
            node = node.getparent()
        return node if node is not None else root

    def visit(el: etree._Element) -> None:
        if isinstance(el.tag, str) and el.text:
            groups.setdefault(owner(el), []).append(Segment(el.text, lambda s, e=el: setattr(e, "text", s)))
        for child in el:
            visit(child)
            if child.tail:
                groups.setdefault(owner(el), []).append(
                    Segment(child.tail, lambda s, c=child: setattr(c, "tail", s)))

    visit(root)
    return groups

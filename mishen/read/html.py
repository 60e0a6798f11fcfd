"""HTML (CMS pages) with lxml.html, no network: the visible text of <body> in order, one block per block
element (kind paragraph, or table_cell for text directly in a cell; ref an XPath). <br> is "\\n";
whitespace collapses as a browser does ("&nbsp;" is a space), <pre> keeps it. style is dropped; inline script
text is an html_script part (page source: scanned by the text detectors, not flagged as hidden text).
Elements hidden by the hidden attribute or by CSS (inline or simple <style> rules: display:none,
visibility:hidden, opacity:0, font-size:0, zero size with overflow hidden, off-screen positions,
text-indent) are left out of the text; each is a hidden part (html_hidden, attrs why and href — the
links inside it, 暗链). HTML comments, <noscript>/<template> and <input type=hidden> values are hidden
parts too. <title> and <meta> name/description/keywords/author go to metadata and metadata parts."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

import lxml.html
from lxml import etree

from mishen.read._common import TextBuilder, clean_control, hidden_part, metadata_parts
from mishen.read._decode import decode_text
from mishen.read._html_visibility import Rule, hidden_reason, parse_rules
from mishen.read.errors import ReadError
from mishen.settings import Settings
from models import Document, HiddenKind, HiddenPart, SourceFormat

_BLOCKS = frozenset(
    "address article aside blockquote body caption center dd details dialog div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead "
    "tr ul legend option".split())
_DROP = frozenset(("script", "style", "head", "title", "meta", "link", "base", "object", "embed"))
_ASIDE = {"noscript": "noscript", "template": "template"}
_BR, _SP, _NL = "\ue000", "\ue001", "\ue002"   # markers that survive whitespace collapsing
_WS = re.compile(r"[ \t\n\r\f\u00a0]+")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_LINK_ATTRS = {"a": "href", "area": "href", "iframe": "src", "frame": "src", "embed": "src", "object": "data",
               "form": "action", "img": "src", "script": "src"}
_MAX_LINKS = 2000
_META_LABELS = {"description": "网页描述", "keywords": "网页关键词", "author": "网页作者"}


def read_html(data: bytes, name: str, sha256: str, settings: Settings) -> Document:
    declared = _CHARSET.search(data[:8192])
    text, encoding = decode_text(data, declared.group(1).decode("ascii") if declared else None)
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", clean_control(text))
    parser = lxml.html.HTMLParser(remove_comments=False, no_network=True, recover=True, huge_tree=False)
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise ReadError("UNREADABLE", "无法解析 HTML 内容") from exc
    doc = Document(source=name, sha256=sha256, format=SourceFormat.HTML, text="", encoding=encoding)
    rules = parse_rules("\n".join(s.text or "" for s in root.iter("style")))
    body = root.find("body")
    walker = _Walker(root.getroottree(), rules, doc, _site_host(root))
    for script in root.iterchildren("head"):
        for el in script.iter("script"):
            walker.script(el, "网页头部")
    if body is not None:
        walker.block(body)
    doc.text, doc.blocks = walker.builder.text(), walker.builder.blocks
    doc.metadata, meta_parts = _metadata(root, doc)
    doc.hidden_parts = [*walker.parts, *_link_parts(root, rules, doc), *meta_parts]
    return doc


def _link_parts(root: etree._Element, rules: list[Rule], parent: Document) -> list[HiddenPart]:
    """Targets of visible links, frames, embeds, forms, images and scripts: published with the page but not
    in its text (an intranet address in an href or an iframe src). One html_link part, one URL a line, for
    the text detectors; no ``why``, so it is not a 暗链. Links inside hidden elements are in html_hidden parts."""
    urls: list[str] = []
    for el in root.iter(*_LINK_ATTRS):
        url = _WS.sub(" ", el.get(_LINK_ATTRS[el.tag]) or "").strip()
        if not url or url.startswith("#") or url in urls:
            continue
        if hidden_reason(el, rules) or any(hidden_reason(a, rules) for a in el.iterancestors()):
            continue
        urls.append(clean_control(url))
        if len(urls) >= _MAX_LINKS:
            break
    if not urls:
        return []
    return [hidden_part("html_link/1", HiddenKind.HTML_LINK, "网页中的链接地址", "\n".join(urls), parent,
                        attrs={"count": str(len(urls))})]


class _Walker:
    """Writes visible text into a TextBuilder; hidden elements become hidden parts."""

    def __init__(self, tree: etree._ElementTree, rules: list[Rule], parent: Document, host: str | None,
                 collect: bool = True) -> None:
        self.tree, self.rules, self.parent, self.host = tree, rules, parent, host
        self.collect = collect
        self.builder = TextBuilder()
        self.parts: list[HiddenPart] = []
        self._buffer: list[str] = []
        self._owner: etree._Element | None = None
        self._tables: list[list[int]] = []   # [table number, row, column]
        self._table_count = 0

    def block(self, el: etree._Element) -> None:
        """Write the content of ``el`` as (a run of) blocks."""
        self._flush()
        outer, self._owner = self._owner, el
        self._table_enter(el)
        self._content(el)
        self._flush()
        self._table_leave(el)
        self._owner = outer

    def _content(self, el: etree._Element) -> None:
        self._text(el.text)
        for child in el:
            self._child(child)
            self._text(child.tail)

    def _child(self, child: etree._Element) -> None:
        if child.tag is etree.Comment:
            self._aside(child.text or "", "comment", child)
            return
        if not isinstance(child.tag, str):
            return
        tag = child.tag.lower()
        if tag == "script":
            self.script(child)
            return
        if tag in _DROP:
            return
        if tag in _ASIDE:
            self._aside(" ".join(child.itertext()), _ASIDE[tag], child)
            return
        if tag == "input" and (child.get("type") or "").lower() == "hidden":
            self._aside(child.get("value") or "", "hidden input", child)
            return
        why = hidden_reason(child, self.rules)
        if why:
            self._hidden(child, why)
        elif tag == "br":
            self._buffer.append(_BR)
        elif tag in _BLOCKS:
            self.block(child)
        else:
            self._content(child)

    def _text(self, text: str | None) -> None:
        if text:
            if self._owner is not None and self._owner.tag == "pre":
                text = text.replace(" ", _SP).replace("\n", _NL)
            self._buffer.append(text)

    def _flush(self) -> None:
        raw = "".join(self._buffer)
        self._buffer = []
        text = _WS.sub(" ", raw)
        text = re.sub(f" ?{_BR} ?", _BR, text).strip(" ")
        text = text.replace(_SP, " ").replace(_NL, "\n").replace(_BR, "\n").strip("\n")
        if not text.strip() or self._owner is None:
            return
        kind, location = "paragraph", f"第{len(self.builder.blocks) + 1}段"
        tag = self._owner.tag
        if tag in ("td", "th") and self._tables:
            number, row, column = self._tables[-1]
            kind, location = "table_cell", f"表{number}第{row}行第{column}列"
        self.builder.add_block(text, kind, self.tree.getpath(self._owner), location)

    def _table_enter(self, el: etree._Element) -> None:
        if el.tag == "table":
            self._table_count += 1
            self._tables.append([self._table_count, 0, 0])
        elif el.tag == "tr" and self._tables:
            self._tables[-1][1] += 1
            self._tables[-1][2] = 0
        elif el.tag in ("td", "th") and self._tables:
            self._tables[-1][2] += 1

    def _table_leave(self, el: etree._Element) -> None:
        if el.tag == "table" and self._tables:
            self._tables.pop()
        elif el.tag in ("td", "th") and self._tables:
            span = el.get("colspan") or "1"
            self._tables[-1][2] += max(0, int(span) - 1) if span.isdigit() else 0

    def _hidden(self, el: etree._Element, why: str) -> None:
        inner = _Walker(self.tree, self.rules, self.parent, self.host, collect=False)
        inner.block(el)
        links = [u for u in (a.get("href") or a.get("src") for a in el.iter("a", "area", "iframe")) if u]
        text = inner.builder.text() or "\n".join(links)
        if not text.strip() or not self.collect:
            return
        external = [u for u in links if _is_external(u, self.host)]
        attrs = {"why": why, "href": " ".join(links[:20]), "external": "true" if external else "false",
                 "xpath": self.tree.getpath(el)}
        doc = Document(source=self.parent.source, sha256=self.parent.sha256, format=self.parent.format,
                       text=text, blocks=inner.builder.blocks) if inner.builder.text() else None
        self.parts.append(hidden_part(f"html_hidden/{len(self.parts) + 1}", HiddenKind.HTML_HIDDEN,
                                      f"{self._where()}的隐藏内容（{why}）", text, self.parent, document=doc,
                                      attrs=attrs))

    def script(self, el: etree._Element, where: str | None = None) -> None:
        """Inline script text is published in the page source: a part the text detectors scan (an ID number or
        a key in a script leaks as surely as one on screen); not hidden text in itself."""
        text = (el.text or "").strip()   # whole: a cut would let what lies past it pass unseen
        if text and self.collect:
            number = sum(p.kind is HiddenKind.HTML_SCRIPT for p in self.parts) + 1
            self.parts.append(hidden_part(f"html_script/{number}", HiddenKind.HTML_SCRIPT,
                                          f"{where or self._where()}的网页脚本", text, self.parent,
                                          attrs={"type": (el.get("type") or "")[:60]}))

    def _aside(self, text: str, why: str, el: etree._Element) -> None:
        text = _WS.sub(" ", text).strip()
        if text and self.collect:
            self.parts.append(hidden_part(f"html_hidden/{len(self.parts) + 1}", HiddenKind.HTML_HIDDEN,
                                          f"{self._where()}的隐藏内容（{why}）", text, self.parent,
                                          attrs={"why": why}))

    def _where(self) -> str:
        count = len(self.builder.blocks)
        if "".join(self._buffer).strip():
            return f"第{count + 1}段中"
        return f"第{count}段后" if count else "正文开头"


def _site_host(root: etree._Element) -> str | None:
    for xpath in ("//base/@href", "//link[@rel='canonical']/@href", "//meta[@property='og:url']/@content"):
        found = root.xpath(xpath)
        if found:
            host = urlsplit(str(found[0])).hostname
            if host:
                return host
    return None


def _is_external(url: str, host: str | None) -> bool:
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https", "") or not parts.hostname:
        return False
    return host is None or parts.hostname.lower() != host.lower()


def _metadata(root: etree._Element, parent: Document) -> tuple[dict[str, str], list[HiddenPart]]:
    metadata: dict[str, str] = {}
    fields: list[tuple[str, str, str]] = []
    title = root.find(".//title")
    if title is not None and (title.text or "").strip():
        metadata["title"] = _WS.sub(" ", title.text).strip()
        fields.append(("html/title", "网页标题", metadata["title"]))
    for meta in root.iter("meta"):
        key = (meta.get("name") or "").lower()
        value = _WS.sub(" ", meta.get("content") or "").strip()
        if key and value:
            metadata[key] = value
            if key in _META_LABELS:
                fields.append((f"html/{key}", _META_LABELS[key], value))
    return metadata, metadata_parts(fields, parent.source, parent.sha256, parent.format)

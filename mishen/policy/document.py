"""What the policy needs to know about a document: title, 文种, 主送, issuer, own body — from the parsed
structure when the structure parser filled it, else from a light reading of the normalised text."""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

import regex

from models import Category, DeclaredAttribute, Document, Element, Finding, NormalizedText, Structure

DOC_TYPES = ("命令", "令", "决定", "公告", "通告", "通知", "通报", "报告", "请示", "批复", "意见", "复函", "函",
             "纪要", "议案", "决议", "公报", "公示", "汇报", "办法", "规定", "细则", "方案", "指南")
_TYPE_RE = "|".join(sorted(DOC_TYPES, key=len, reverse=True))
TITLE = regex.compile(rf"^\s*(?P<title>[^\n。；]{{0,90}}?(?P<type>{_TYPE_RE})(?:[（(][^\n）)]{{0,12}}[）)])?)\s*$",
                      regex.M)
_RECIPIENTS = regex.compile(r"^\s*(?P<r>[^\n。！？：:]{2,80})[:：]\s*$", regex.M)
_HEADER_JUNK = regex.compile(r"索引号|发布机构|发布日期|发布时间|浏览|无障碍|主题词|来源|字号|打印|关闭|当前位置|\|")
_DATE = regex.compile(
    r"(?:(?:19|20)[0-9]{2}|[一二][〇○零O0一二三四五六七八九]{3})\s*年\s*[0-9一二三四五六七八九十]{1,3}\s*月"
    r"\s*[0-9一二三四五六七八九十]{1,3}\s*[日号]\s*(?:[（(][^\n]{0,60}[)）])?\s*$", regex.M)
_HEAD_LINES = 15


@dataclass
class DocFacts:
    """A document as the rules see it. Offsets of ``text`` are view offsets (map back with ``view``)."""

    doc: Document
    view: NormalizedText
    structure: Structure
    declared: DeclaredAttribute | None
    findings: list[Finding]
    title: str = ""
    doc_type: str | None = None
    recipients: str = ""
    issuer_lines: str = ""
    body: str = ""
    head: str = ""
    main_findings: list[Finding] = field(default_factory=list)
    head_end: int = 0

    @property
    def text(self) -> str:
        return self.view.text

    def to_view(self, offset: int) -> int:
        """The view offset of an original offset."""
        return bisect_left(self.view.to_original, offset)

    def of(self, *categories: Category) -> list[Finding]:
        """Main-text findings of these categories (hidden parts do not decide the attribute)."""
        return [f for f in self.main_findings if f.category in categories]

    def marked(self, rule: str, *categories: Category) -> list[Finding]:
        """Main-text findings that carry ``rule``, or that belong to ``categories`` and carry no A/D rule
        (markers file D12/D13 findings under the closest category, so the rule id decides)."""
        return [f for f in self.main_findings if rule in f.rules or (
            f.category in categories and not any(r[:1] in "AD" for r in f.rules))]

    def in_head(self, finding: Finding) -> bool:
        """Whether a finding stands in the title area (title, 主送, issuer lines) rather than the body."""
        return self.to_view(finding.start) < self.head_end


def _head(text: str) -> list[tuple[int, str]]:
    """The first non-empty lines that are not web-page chrome, with their offsets."""
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip() and not _HEADER_JUNK.search(line):
            out.append((pos, line))
        pos += len(line) + 1
        if len(out) >= _HEAD_LINES:
            break
    return out


def _view_slice(view: NormalizedText, el: Element) -> str:
    """The normalised text of a structure element (its value is as written, maybe Traditional)."""
    a, b = bisect_left(view.to_original, el.start), bisect_left(view.to_original, el.end)
    return view.text[a:b] if b > a else el.value


def _element(view: NormalizedText, s: Structure, name: str) -> str:
    el = getattr(s, name)
    return _view_slice(view, el) if el is not None else ""


def read_facts(doc: Document, view: NormalizedText, declared: DeclaredAttribute | None,
               findings: list[Finding]) -> DocFacts:
    s = doc.structure or Structure()
    text = view.text
    head = _head(text)
    facts = DocFacts(doc=doc, view=view, structure=s, declared=declared, findings=findings,
                     main_findings=[f for f in findings if f.part is None])
    facts.head = "\n".join(line for _, line in head)
    title_at = 0
    titled = [(pos, line, m) for pos, line in head if (m := TITLE.match(line)) and len(line.strip()) >= 4]
    about = [t for t in titled if "关于" in t[1]]
    if titled:  # the first title with 关于, else the longest (web menus are short)
        pos, line, m = about[0] if about else max(titled, key=lambda t: len(t[1].strip()))
        facts.title, facts.doc_type, title_at = m["title"].strip(), m["type"], pos + len(line)
    if not facts.title and head and len(head[0][1].strip()) <= 60 and not regex.search(r"[。；，,]", head[0][1]):
        facts.title = head[0][1].strip()
        title_at = head[0][0] + len(head[0][1])
    if s.title is not None:
        facts.title = _view_slice(view, s.title)
    facts.doc_type = s.doc_type or facts.doc_type
    m = _RECIPIENTS.search(text, title_at, min(len(text), title_at + 400))
    facts.recipients = (_element(view, s, "recipients") or (m["r"] if m else "")).strip().rstrip(":：")
    body_start = m.end() if m else title_at
    facts.head_end = max(body_start, title_at)
    date = _DATE.search(text, body_start)
    body_end = date.start() if date else len(text)
    facts.body = text[body_start:body_end]
    sig_start = text.rfind("\n", 0, max(body_start, body_end - 1))
    signature = text[max(sig_start, 0):body_end] if date else ""
    first_line = facts.head.split("\n", 1)[0] if facts.head else ""
    elements = [_element(view, s, name) for name in ("issuer_mark", "signature", "doc_number")]
    facts.issuer_lines = "\n".join(x for x in (*elements, s.issuer or "", first_line, signature) if x)
    return facts

"""The few 公文 elements the marker detectors need, from doc.structure when the parser filled it, else from
the text itself (title = the first 关于…的X line, 主送 = the line ending in a colon after it, the date line…).
All spans are offsets into the normalised view."""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

import regex

from models import Document, Element, NormalizedText

DOC_TYPES = ("请示", "报告", "复函", "函", "通知", "意见", "决定", "通报", "批复", "纪要", "公告", "通告", "命令",
             "议案", "决议", "公报", "方案", "办法", "规定", "公示")
TITLE = regex.compile(r"^\s*(?:关于|转发|印发).{2,120}?(?:" + "|".join(DOC_TYPES) + r")\s*(?:[（(][^）)]{2,12}[)）])?\s*$")
TYPE_AT_END = regex.compile(r"(" + "|".join(DOC_TYPES) + r")\s*(?:[（(][^）)]{2,12}[)）])?\s*$")
RECIPIENTS = regex.compile(r"^\s*[^。！？\n]{2,80}[:：]\s*$")
ORG = regex.compile(r"政府|委员会|党委|党组|局|厅|部|办|委|院|所|中心|单位|公司|各")
DATE_LINE = regex.compile(r"^\s*(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*[\d〇○一二三四五六七八九十]{1,3}\s*月"
                          r"\s*[\d〇○一二三四五六七八九十]{1,3}\s*日\s*$")
# A public consultation (公开征求意见) is public participation (D2), not an internal consultation.
PUBLIC_CONSULTATION = regex.compile(r"公开征求|向社会(?:公众)?(?:公开)?征求|征求(?:社会)?公众|社会各界")


@dataclass
class Line:
    start: int
    end: int
    text: str


@dataclass
class Outline:
    lines: list[Line]
    title: Line | None = None
    doc_type: str | None = None
    recipients: Line | None = None
    date: Line | None = None
    signature: Line | None = None
    head: list[Line] = field(default_factory=list)


def view_element(view: NormalizedText, el: Element) -> Line:
    a, b = bisect_left(view.to_original, el.start), bisect_left(view.to_original, el.end)
    return Line(a, b, view.text[a:b])


def split_lines(text: str) -> list[Line]:
    """Non-empty lines, with their text stripped and the span of what is left."""
    out, start = [], 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            a = start + raw.index(stripped[0])
            out.append(Line(a, a + len(stripped), stripped))
        start += len(raw) + 1
    return out


def outline(doc: Document, view: NormalizedText) -> Outline:
    """The outline of the main text; structure elements win over what the text suggests."""
    lines = split_lines(view.text)
    out = Outline(lines=lines, head=lines[:6])
    s = doc.structure
    out.title = view_element(view, s.title) if s and s.title else _find_title(lines)
    out.doc_type = (s.doc_type if s and s.doc_type else None) or _type_of(out.title)
    out.recipients = view_element(view, s.recipients) if s and s.recipients else _find_recipients(lines, out.title)
    out.date = view_element(view, s.date) if s and s.date else _find_date(lines, out.title)
    out.signature = view_element(view, s.signature) if s and s.signature else _find_signature(lines, out.date)
    return out


def _find_title(lines: list[Line]) -> Line | None:
    for line in lines[:12]:
        if len(line.text) <= 130 and TITLE.match(line.text) and not line.text.endswith(("。", "；")):
            return line
    return None


def _type_of(title: Line | None) -> str | None:
    if title is None:
        return None
    m = TYPE_AT_END.search(title.text)
    return m.group(1) if m else None


def _index(lines: list[Line], line: Line | None) -> int:
    return next((i for i, x in enumerate(lines) if line is not None and x.start == line.start), -1)


def _find_recipients(lines: list[Line], title: Line | None) -> Line | None:
    i = _index(lines, title)
    if i < 0:
        return None
    for line in lines[i + 1:i + 3]:
        if RECIPIENTS.match(line.text) and ORG.search(line.text):
            return line
    return None


def _find_date(lines: list[Line], title: Line | None) -> Line | None:
    for line in lines[max(_index(lines, title), 0):]:
        if DATE_LINE.match(line.text):
            return line
    return None


def _find_signature(lines: list[Line], date: Line | None) -> Line | None:
    i = _index(lines, date)
    if i <= 0:
        return None
    before = lines[i - 1]
    return before if len(before.text) <= 40 and ORG.search(before.text) and "。" not in before.text else None


def in_book_title(text: str, pos: int) -> bool:
    """True when ``pos`` lies inside 《…》 (the name of another document)."""
    opened = text.rfind("《", 0, pos)
    return opened >= 0 and text.rfind("》", opened, pos) < 0


def is_public_consultation(view: NormalizedText) -> bool:
    return PUBLIC_CONSULTATION.search(view.text) is not None

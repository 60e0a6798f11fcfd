"""Assemble a Structure from the logical lines: front, closing, 文种, issuer and the 公文 decision."""
from __future__ import annotations

from dataclasses import dataclass, field

from models import Element, NormalizedText, Structure
from mishen.structure import closing, front, header
from mishen.structure.dates import parse_date
from mishen.structure.doc_type import doc_type_of_closing, doc_type_of_title
from mishen.structure.flatten import Segment, is_agency
from mishen.structure.patterns import AGENCY_RE, ISSUE_RE, NEWS_RE, PERIODICAL_TITLE_RE

NEWS_WINDOW = 3000


@dataclass
class Layout:
    view: NormalizedText
    items: list[Segment]
    fields: dict[str, tuple[str, int, int]]
    no_body_page: bool = False
    title_lead: str | None = None  # an agency line heading a title without 关于 (北岭市人民政府 / 专题会议纪要)
    out: Structure = field(default_factory=Structure)

    def span(self, start: int, end: int, value: str) -> Element:
        a, b = self.view.span_to_original(start, end)
        return Element(value=value, start=a, end=b)

    def found(self, found: front.Found | None) -> Element | None:
        if found is None:
            return None
        return self.span(self.items[found.first].start, self.items[found.last].end, found.value)

    def at(self, span: header.Span | None) -> Element | None:
        return None if span is None else self.span(span.start, span.end, span.value)


def _number(lay: Layout, para: int) -> int | None:
    """发文字号 on its own line before the body, else from the CMS 文号 field; returns its line index."""
    for i in range(min(para, len(lay.items))):
        span = header.doc_number_in(lay.items[i])
        if span:
            lay.out.doc_number = lay.at(span)
            return i
    for key in ("发文字号", "文号"):
        if key in lay.fields:
            _, start, end = lay.fields[key]
            lay.out.doc_number = lay.at(header.doc_number_from_field(lay.view.text[start:end], start))
            if lay.out.doc_number:
                break
    return None


def _title(lay: Layout, para: int, number_index: int | None) -> tuple[front.Found | None, bool]:
    """The title (and whether it ends with a 文种); the CMS 标题 field when the page lost its title line."""
    items = lay.items
    title = front.find_title(items, para, number_index)
    typed = title is not None
    title = title or front.find_plain_title(items, para)
    lay.out.title = lay.found(title)
    if not typed and "标题" in lay.fields and doc_type_of_title(lay.fields["标题"][0]):
        value, start, end = lay.fields["标题"]
        lay.out.title = lay.span(start, end, front.squeeze(value))
        return None, True
    if title and title.first < title.last and "关于" not in title.value and is_agency(items[title.first].text):
        lay.title_lead = items[title.first].text
    return title, typed


def _front(lay: Layout) -> tuple[int, front.Found | None, bool, int]:
    """版头, title, recipients. Returns (first body item, title, title has 文种, first paragraph)."""
    lay.items = front.split_glued_recipients(lay.items)
    items, out = lay.items, lay.out
    para = front.body_start(items)
    number_index = _number(lay, para)
    title, typed = _title(lay, para, number_index)
    stop = title.first if title else para
    for name, span in header.marks(items, stop).items():
        setattr(out, name, lay.at(span))
    for seg in items[:para]:
        out.signer = out.signer or lay.at(header.signer_in(seg))
    mark = header.issuer_mark(items, stop, number_index if number_index is not None and number_index < stop else None)
    if mark:
        value = "".join(s.text for s in items[mark[0]:mark[1] + 1])
        out.issuer_mark = lay.span(items[mark[0]].start, items[mark[1]].end, front.squeeze(value))
    after = title.last + 1 if title else (number_index + 1 if number_index is not None else 0)
    recipients = front.find_recipients(items, after, para)
    out.recipients = lay.found(recipients)
    if recipients:
        return recipients.last + 1, title, typed, para
    if para >= len(items):
        return after, title, typed, para
    first = next((i for i in range(after, para) if front.is_heading(items[i].text)), max(para, after))
    return first, title, typed, para


def _periodical(lay: Layout, title: front.Found, date_i: int) -> bool:
    """A 简报 / 动态 / 专报 (title ending or a 第3期 line between the title and the date): its office and date
    under the title are the 版头, not a 署名."""
    lines = lay.items[title.last + 1:date_i]
    return PERIODICAL_TITLE_RE.search(title.value) is not None or any(ISSUE_RE.fullmatch(s.text) for s in lines)


def _closing(lay: Layout, body_first: int, title: front.Found | None, para: int, doc_type: str | None,
             ) -> closing.Closing:
    items, out = lay.items, lay.out
    found = closing.Closing()
    date_i = closing.find_date(items, body_first)
    floor = body_first
    if date_i is None and title is not None:  # 公报/纪要: signature and date under the title
        floor = title.last + 1
        date_i = closing.find_date(items, floor)
        date_i = date_i if date_i is not None and date_i < max(para, floor + 1) else None
        found.in_front = date_i is not None
    if date_i is not None:
        iso = closing.value_of_date(items[date_i])
        found.date, found.block_end = (front.Found(date_i, date_i, iso) if iso else None), date_i
        found.signature = closing.signature_before(items, date_i, floor)
        note_i = closing.note_after(items, date_i)
    else:
        note_i = None
        found.date, found.speech = closing.caption_date(items, title.last + 1) if title else (None, False)
        found.in_front = found.date is not None
    periodical = doc_type == "纪要" or (title is not None and date_i is not None and _periodical(lay, title, date_i))
    if periodical and found.in_front and found.signature:
        found.office, found.signature = found.signature.value.split()[0], None  # GB/T 9704 §10.2: no 署名
    if note_i is None:
        note_i = closing.any_attribute_note(items, body_first)
    if note_i is not None:
        found.note = front.Found(note_i, note_i, front.squeeze(items[note_i].text))
    out.date, out.signature, out.note = lay.found(found.date), lay.found(found.signature), lay.found(found.note)
    if out.date is None:
        for key in ("成文日期", "发文日期"):
            iso = parse_date(lay.fields[key][0]) if key in lay.fields else None
            if iso:
                out.date = lay.span(lay.fields[key][1], lay.fields[key][2], iso)
                break
    return found


def _tail(lay: Layout, body_first: int, found: closing.Closing) -> None:
    """正文, 附件说明, 附件, 抄送, 印发 from the position of the signature block."""
    items, out = lay.items, lay.out
    block = found.signature or found.date
    block_first = block.first if block and not found.in_front and block.first >= body_first else None
    after = body_first
    if block_first is not None:
        end_of_block = found.block_end if found.block_end is not None else block.last
        after = (found.note.last if found.note and found.note.last > block_first else end_of_block) + 1
    cc = closing.find_cc(items, after)
    printer = closing.find_printer(items, after)
    out.cc, out.printer = lay.found(cc), lay.found(printer)
    end = min([f.first for f in (cc, printer) if f] + [len(items)])
    note = closing.attachment_note(items, body_first, block_first if block_first is not None else end)
    out.attachment_note = lay.found(note)
    body_last = (note.first if note else block_first if block_first is not None else end) - 1
    if body_first <= body_last:
        out.body = lay.span(items[body_first].start, items[body_last].end, "")
        found.body_text = lay.view.text[items[body_first].start:items[body_last].end]
    if block_first is not None and after < end:
        out.attachments = lay.span(items[after].start, items[end - 1].end, front.squeeze(items[after].text)[:100])


def _issuer(out: Structure, fields: dict[str, tuple[str, int, int]], office: str | None) -> str | None:
    if out.signature:
        first = out.signature.value.split()[0]
        if AGENCY_RE.fullmatch(first):
            return first
    if out.issuer_mark:
        return out.issuer_mark.value.split()[0].removesuffix("文件") or None
    if office:
        return office
    if out.title:
        prefix, sep, _ = out.title.value.partition("关于")
        if sep and 2 <= len(prefix) <= 40:
            return prefix
        if out.doc_type == "令" and out.title.value.endswith("令"):
            return out.title.value[:-1]
    value = fields.get("发布机构", fields.get("发文机关", (None,)))[0]
    return value or None


def build_structure(lay: Layout) -> Structure:
    body_first, title, typed, para = _front(lay)
    title_type = doc_type_of_title(lay.out.title.value) if typed and lay.out.title else None
    found = _closing(lay, body_first, title, para, title_type)
    _tail(lay, body_first, found)
    out = lay.out
    out.no_body_page = lay.no_body_page
    if typed and out.title:
        out.doc_type = doc_type_of_title(out.title.value)
    elif out.title is None and out.signature and out.date:
        out.doc_type = doc_type_of_closing(found.body_text)
    text = lay.view.text
    strong = out.doc_number is not None or (out.signature is not None and out.date is not None)
    news = NEWS_RE.search(text[:NEWS_WINDOW]) or NEWS_RE.search(text[-NEWS_WINDOW:])
    if found.speech:  # ——2024年1月10日在…人民代表大会上: a 政府工作报告 delivered at a meeting is not the 文种 报告
        out.doc_type = None
    if news and not strong:
        out.doc_type = None
    structured = strong or out.recipients or out.issuer_mark or (found.in_front and out.date is not None)
    out.is_official_document = bool(out.doc_type and structured)
    out.issuer = None if news and not strong else _issuer(out, lay.fields, found.office or lay.title_lead)
    return out

"""The end of a 公文: 附件说明, 发文机关署名, 成文日期, 附注, 附件, 抄送 and 印发机关和印发日期.

The main document's signature block is the first one after the body: an 附件 (an attached 方案) may carry
its own signature and date further down.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from mishen.structure.dates import parse_date
from mishen.structure.flatten import Segment, is_agency
from mishen.structure.front import Found, squeeze
from mishen.structure.patterns import (
    ATTACHMENT_NOTE_RE, BARE_NOTE_RE, CAPTION_DATE_RE, CC_RE, CN_DIGIT, DATE_ONLY_RE, ISO_ONLY_RE, NOTE_RE, PRINTER_RE,
    SPEECH_CAPTION_RE,
)

PLACEHOLDER_DATE_RE = regex.compile(rf"(?:(?:19|20)\d{{2}}|[{CN_DIGIT}]{{4}})?\s{{0,4}}年\s{{0,6}}月\s{{0,6}}日")

MAX_SIGNATURE_LINES = 4


@dataclass(slots=True)
class Closing:
    date: Found | None = None
    signature: Found | None = None
    note: Found | None = None
    attachment_note: Found | None = None
    block_end: int | None = None  # index of the date line (also a draft's blank date)
    in_front: bool = False  # the date stands under the title (公报, 纪要, 决议's 题注), not after the body
    office: str | None = None  # a 纪要's issuing office, shown with its date under the mark
    speech: bool = False  # the caption under the title names the meeting it was delivered at
    body_text: str = ""


def date_only(seg: Segment) -> str | None:
    """The ISO date when the line is a written date and nothing else."""
    match = DATE_ONLY_RE.fullmatch(seg.text)
    return parse_date(match.group("date")) if match else None


def iso_only(seg: Segment) -> str | None:
    match = ISO_ONLY_RE.fullmatch(seg.text)
    return parse_date(match.group("date")) if match else None


def is_note(seg: Segment) -> bool:
    return NOTE_RE.fullmatch(seg.text) is not None


def is_bare_note(seg: Segment) -> bool:
    """An attribute 附注 written without brackets: ``此件主动公开`` alone on its line."""
    return BARE_NOTE_RE.fullmatch(seg.text) is not None


def signature_before(items: list[Segment], date_index: int, floor: int) -> Found | None:
    """The agency lines (or 市长 张三) right above the date."""
    first = date_index
    while first > floor and date_index - first < MAX_SIGNATURE_LINES and is_agency(items[first - 1].text):
        first -= 1
    if first == date_index:
        return None
    value = " ".join(" ".join(s.text.split()) for s in items[first:date_index])
    return Found(first, date_index - 1, value)


def find_date(items: list[Segment], start: int) -> int | None:
    """Index of the first 成文日期 line at or after ``start``: a written date alone on its line, or an ISO date
    that a signature stands above or a 附注 below."""
    for i in range(start, len(items)):
        if date_only(items[i]):
            return i
        if PLACEHOLDER_DATE_RE.fullmatch(items[i].text) and i > start and is_agency(items[i - 1].text):
            return i  # a draft's blank date (2024年　月　日): the signature block is still here
        if iso_only(items[i]):
            above = i > start and is_agency(items[i - 1].text)
            below = i + 1 < len(items) and is_note(items[i + 1])
            if above or below:
                return i
    return None


def value_of_date(seg: Segment) -> str:
    return date_only(seg) or iso_only(seg) or ""


def note_after(items: list[Segment], date_index: int) -> int | None:
    """The 附注 line(s) after the date; prefers the one that carries the attribute (此件…)."""
    found = []
    for i in range(date_index + 1, min(date_index + 3, len(items))):
        if not (is_note(items[i]) or is_bare_note(items[i])):
            break
        found.append(i)
    for i in found:
        if "此件" in items[i].text or "公开" in items[i].text:
            return i
    return found[0] if found else None


def any_attribute_note(items: list[Segment], start: int) -> int | None:
    """A bracketed 此件… line anywhere after ``start`` (a 纪要 has no date block to hang it on)."""
    for i in range(start, len(items)):
        if is_note(items[i]) and "此件" in items[i].text:
            return i
    return None


def attachment_note(items: list[Segment], body_first: int, end: int) -> Found | None:
    """附件：1．…  2．… between the body and the signature."""
    for i in range(body_first, end):
        if ATTACHMENT_NOTE_RE.match(items[i].text):
            last = i
            while last + 1 < end and regex.match(r"\d{1,2}\s{0,2}[.．、]", items[last + 1].text):
                last += 1
            return Found(i, last, squeeze(" ".join(s.text for s in items[i:last + 1])))
    return None


def caption_date(items: list[Segment], after: int) -> tuple[Found | None, bool]:
    """（2023年1月15日…通过） under the title of a 决议, or the date under a speech's title
    (（2022年1月10日）, ——2024年1月10日在…会议上); also whether the caption names the meeting it was delivered at."""
    for i in range(after, min(after + 3, len(items))):
        match = CAPTION_DATE_RE.fullmatch(items[i].text)
        if match:
            iso = parse_date(match.group("date"))
            if iso:
                return Found(i, i, iso), SPEECH_CAPTION_RE.search(items[i].text) is not None
    return None, False


def find_cc(items: list[Segment], start: int) -> Found | None:
    for i in range(start, len(items)):
        match = CC_RE.match(items[i].text)
        if match:
            value = squeeze(items[i].text[match.end():]).rstrip("。.")
            return Found(i, i, value)
    return None


def find_printer(items: list[Segment], start: int) -> Found | None:
    for i in range(start, len(items)):
        match = PRINTER_RE.fullmatch(items[i].text)
        if match:
            return Found(i, i, f"{squeeze(match.group('org'))} {squeeze(match.group('date'))}印发")
    return None

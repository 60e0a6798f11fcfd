"""Cut the normalised text into logical lines (segments), undoing the gluing of flattened web copies.

A web copy may put a whole signature block on one line (``…人民政府2023年9月5日（此件公开发布）``), glue the
附注 to a page number (``— 3 —（此件主动公开）``) or flatten a document into one long line separated by
spaces. Each segment keeps its span in the view, so elements map back to the original text.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from mishen.structure.patterns import (
    AGENCY_RE, ANY_DATE, NO_BODY_RE, NOTE_RE, PAGE_NUMBER_RE, PERSON_SIGNATURE_RE, SENTENCE_PUNCT,
)

LINE_RE = regex.compile(r"[^\n\r\f\v\u2028\u2029\x1c-\x1e\x85]+")
GAP_RE = regex.compile(r"\s{1,40}")
TAIL_DATE_RE = regex.compile(rf"(?P<date>{ANY_DATE})\s{{0,6}}(?P<note>[（(][^（）()\n]{{1,120}}[）)])?\s{{0,6}}$")
MID_BLOCK_RE = regex.compile(rf"(?P<date>{ANY_DATE})\s{{0,6}}(?P<note>[（(]\s{{0,2}}此\s{{0,2}}件[^（）()\n]{{1,118}}[）)])")
LONG_LINE = 150
_TITLE_TYPES = "通知|请示|报告|复函|函|批复|意见|决定|公告|通告|通报|议案|命令|决议|纪要|公示|方案|规定|办法|细则"
TITLE_RECIPIENTS_RE = regex.compile(
    rf"(?P<title>[^\s，,。；：:]{{0,40}}关于[^。；：:，,\n]{{2,100}}?的(?:{_TITLE_TYPES}))"
    r"(?P<rest>[^\s的。；;：:][^。；;：:\n]{1,100}[：:])"
)


@dataclass(frozen=True, slots=True)
class Segment:
    """A logical line: ``text`` is ``view[start:end]``, stripped of surrounding whitespace."""

    start: int
    end: int
    text: str
    kind: str = "text"  # text | page_number | no_body


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _make(text: str, start: int, end: int, kind: str = "text") -> Segment | None:
    start, end = _trim(text, start, end)
    return Segment(start, end, text[start:end], kind) if start < end else None


def is_agency(text: str) -> bool:
    """A bare agency name (or several, separated by spaces), or a person's post and name (市长 张三)."""
    tokens = text.split()
    if not tokens or len(text) > 90:
        return False
    if all(AGENCY_RE.fullmatch(t) for t in tokens):
        return True
    return PERSON_SIGNATURE_RE.fullmatch(text) is not None


def _split_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a long flattened line on the spaces that stand between CJK text (not inside ASCII words)."""
    if end - start <= LONG_LINE:
        return [(start, end)]
    pieces: list[tuple[int, int]] = []
    cursor = start
    for gap in GAP_RE.finditer(text, start, end):
        a, b = gap.span()
        if a == start or b == end:
            continue
        if text[a - 1].isascii() and text[a - 1].isalnum() and text[b].isascii() and text[b].isalnum():
            continue
        pieces.append((cursor, a))
        cursor = b
    pieces.append((cursor, end))
    return pieces if len(pieces) >= 3 else [(start, end)]


def _split_marks(text: str, start: int, end: int) -> list[Segment]:
    """Split out (此页无正文) and page numbers (— 3 —) wherever they stand."""
    out: list[Segment] = []
    cursor = start
    marks = [(m.start(), m.end(), "no_body") for m in NO_BODY_RE.finditer(text, start, end)]
    marks += [(m.start(), m.end(), "page_number") for m in PAGE_NUMBER_RE.finditer(text, start, end)]
    for a, b, kind in sorted(marks):
        if a < cursor:
            continue
        for seg in (_make(text, cursor, a), _make(text, a, b, kind)):
            if seg:
                out.append(seg)
        cursor = b
    tail = _make(text, cursor, end)
    if tail:
        out.append(tail)
    return out


def _split_tail_date(text: str, seg: Segment) -> list[Segment]:
    """``…特此函告。某某局2020年5月6日（此件…）`` -> body, signature, date, note; mid-line (a whole notice on one
    line, its 附件 after the note) when the 附注 says 此件…."""
    match = TAIL_DATE_RE.search(text, seg.start, seg.end)
    if not match:
        match = MID_BLOCK_RE.search(text, seg.start, seg.end)
        if not match or match.end() == seg.end:
            return [seg]
        pieces = _split_tail_date(text, Segment(seg.start, match.end(), text[seg.start:match.end()]))
        return pieces + [p for p in (_make(text, match.end(), seg.end),) if p] if len(pieces) > 1 else [seg]
    if match.start() == seg.start and not match.group("note"):
        return [seg]
    prefix = text[seg.start:match.start()]
    cut = max(prefix.rfind(p) for p in SENTENCE_PUNCT) + 1
    signature = prefix[cut:].strip()
    if not (match.group("note") or is_agency(signature)):
        return [seg]
    pieces = [
        _make(text, seg.start, seg.start + cut),
        _make(text, seg.start + cut, match.start()),
        _make(text, *match.span("date")),
    ]
    if match.group("note"):
        pieces.append(_make(text, *match.span("note")))
    return [p for p in pieces if p]


def _split_title_recipients(text: str, seg: Segment) -> list[Segment]:
    """``关于……的通知各乡镇人民政府：`` (a web copy that lost the line break) -> title, recipients."""
    match = TITLE_RECIPIENTS_RE.fullmatch(text, seg.start, seg.end)
    if not match:
        return [seg]
    return [p for p in (_make(text, *match.span("title")), _make(text, *match.span("rest"))) if p]


def _split_lead_note(text: str, seg: Segment) -> list[Segment]:
    """``（此件公开发布）附件1…`` -> note, rest."""
    match = NOTE_RE.match(text, seg.start, seg.end)
    if not match or match.end() == seg.end or "此件" not in match.group():
        return [seg]
    return [p for p in (_make(text, *match.span()), _make(text, match.end(), seg.end)) if p]


def segments(text: str) -> list[Segment]:
    """All logical lines of the view text, in order."""
    out: list[Segment] = []
    for line in LINE_RE.finditer(text):
        for a, b in _split_long(text, *_trim(text, *line.span())):
            for seg in _split_marks(text, a, b):
                if seg.kind != "text":
                    out.append(seg)
                    continue
                for part in _split_tail_date(text, seg):
                    for piece in _split_lead_note(text, part):
                        out.extend(_split_title_recipients(text, piece))
    return out

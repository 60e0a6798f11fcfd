"""Read the declared attribute (附注) of a document and check it: wording, brackets, position, indent, reason."""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from detectors.attribute.dates import DateMatch
from detectors.attribute.locate import Candidate, date_lines, find_candidates, follows
from detectors.attribute.official import is_official
from detectors.attribute.wording import STANDARD, reason_after
from models import Attribute, DeclaredAttribute, Document, NormalizedText, Problem, SourceFormat

NEEDS_REASON = (Attribute.ON_REQUEST, Attribute.NOT_DISCLOSED)
_TOP_SHARE = 0.2


@dataclass
class NoteAnalysis:
    """The 附注 as found, in original offsets, plus what the detector reports about it."""

    declared: DeclaredAttribute | None
    official: bool
    missing_at: int = 0                      # where a missing 附注 should stand (original offset)
    others: list[DeclaredAttribute] = field(default_factory=list)  # further statements (e.g. in 附件)


def _to_view(view: NormalizedText, offset: int) -> int:
    return bisect_left(view.to_original, offset)


def _structure_date(doc: Document, view: NormalizedText) -> DateMatch | None:
    s = doc.structure
    if s is None or s.date is None:
        return None
    return DateMatch(_to_view(view, s.date.start), _to_view(view, s.date.end), s.date.value)


def _attachment_start(doc: Document, view: NormalizedText) -> int | None:
    s = doc.structure
    return _to_view(view, s.attachments.start) if s and s.attachments else None


def _pick(cands: list[Candidate], dates: list[DateMatch], text: str, cut: int | None) -> Candidate | None:
    """The main 附注: the first one right after a 成文日期 (outside the 附件), else the first one."""
    pool = [c for c in cands if cut is None or c.start < cut] or cands
    for c in pool:
        if any(follows(text, d.end, c.start) for d in dates):
            return c
    return pool[0] if pool else None


def _position_problem(c: Candidate, dates: list[DateMatch], text: str) -> str | None:
    if any(follows(text, d.end, c.start) for d in dates):
        return None
    if any(follows(text, c.end, d.start) for d in dates):
        return "附注位于成文日期之前，应在成文日期下一行"
    if c.start < len(text) * _TOP_SHARE and (not dates or c.start < dates[-1].start):
        return "附注位于文件开头，应在成文日期下一行居左空二字"
    if dates:
        return "附注未紧接在成文日期下一行"
    return None


def _indent_problem(doc: Document, start: int) -> str | None:
    """Docx only: the 附注 paragraph must be left-aligned with a two-character first-line indent."""
    if doc.format is not SourceFormat.DOCX:
        return None
    block = doc.block_at(start)
    if block is None:
        return None
    if block.alignment in ("center", "right"):
        return "附注段落未居左（当前为居中或右对齐）"
    indent = block.indent_chars
    if indent is None:
        if not any(b.indent_chars is not None for b in doc.blocks):
            return None  # the reader gave no indents at all: cannot judge
        lead = len(doc.text[block.start:start]) - len(doc.text[block.start:start].lstrip(" \u3000"))
        indent = float(lead)
    if not 1.5 <= indent <= 2.5:
        return f"附注未按规定首行空二字（当前缩进 {indent:g} 字）"
    return None


def _as_written(view: NormalizedText, after: int, reason: str | None) -> str | None:
    """The reason as the document writes it (the view may have simplified or folded it)."""
    if not reason:
        return None
    at = view.text.find(reason, after)
    return view.original_text(at, at + len(reason)) if at >= 0 else reason


def _declared(doc: Document, view: NormalizedText, c: Candidate, dates: list[DateMatch]) -> DeclaredAttribute:
    text = view.text
    a, b = view.span_to_original(c.start, c.end)
    w = c.wording
    reason = _as_written(view, c.start, w.reason or reason_after(text[c.end:c.end + 200].lstrip(" \t\u3000\n")))
    problems: list[Problem] = []
    if w.value is None:
        problems.append(Problem(code="ATTR_INVALID", rule="A2",
                                message=f"公开属性表述不规范，应为{STANDARD}之一"))
    elif c.bracket != "round" or not c.closed:
        problems.append(Problem(code="ATTR_INVALID", rule="A2", message="附注应以圆括号括起，如“（此件主动公开）”"))
    elif not w.rest_is_reason:
        problems.append(Problem(code="ATTR_INVALID", rule="A2", message=f"公开属性表述不规范，应为{STANDARD}之一"))
    where = _position_problem(c, dates, text) or _indent_problem(doc, a)
    if where:
        problems.append(Problem(code="ATTR_POSITION", rule="A2", message=where))
    if w.value in NEEDS_REASON and not reason:
        problems.append(Problem(code="ATTR_REASON_MISSING", rule="A3",
                                message=f"标注为“{w.value.value}”的公文须写明理由并随文送审"))
    return DeclaredAttribute(value=w.value, raw=doc.text[a:b], start=a, end=b, reason=reason, problems=problems)


def analyse(doc: Document, view: NormalizedText) -> NoteAnalysis:
    """Find, read and check the 附注; say whether the document is a 公文 that needs one."""
    text = view.text
    cands = find_candidates(text)
    dates = date_lines(text, cands)
    sdate = _structure_date(doc, view)
    if sdate is not None and sdate not in dates:
        dates = sorted([*dates, sdate], key=lambda d: d.start)
    official = is_official(doc.structure, text)
    main = _pick(cands, dates, text, _attachment_start(doc, view))
    if main is None:
        at = sdate or (dates[0] if dates else None)
        missing_at = view.span_to_original(at.end, at.end)[0] if at else 0
        return NoteAnalysis(declared=None, official=official, missing_at=missing_at)
    declared = _declared(doc, view, main, dates)
    others = [_declared(doc, view, c, dates) for c in cands if c is not main]
    values = {o.value for o in others if o.value is not None and o.start < declared.start}
    if values - {declared.value}:
        declared.problems.append(Problem(code="ATTR_INVALID", rule="A2", message="文中多处标注公开属性且不一致"))
    return NoteAnalysis(declared=declared, official=official, others=others)

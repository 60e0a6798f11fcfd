"""Find the 附注 line wherever it really stands, and the 成文日期 lines it should follow.

Everything here works on the normalised view (Simplified, ASCII digits). A statement such as 此件主动公开
counts as a declaration only where a 附注 can stand: at the start of a line, or glued after a date, a page
number, a signature (flattened web text), or a sentence end with nothing after it. Mentions in prose
(``加括号“此件主动公开”``, ``标注（此件主动公开）字样``) are not declarations.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from detectors.attribute.dates import DateMatch, find_dates
from detectors.attribute.wording import STATEMENT, Wording, read_wording

OPEN = "（(〔【[［"
ROUND_OPEN = "（("
CLOSE_FOR = {"（": "）)", "(": ")）", "〔": "〕", "【": "】", "[": "]", "［": "］"}
_LABEL = regex.compile(r"附\s*注\s*[:：]?\s*$")
PAGE_NUMBER = r"(?:[-—–－~]+\s*[0-9]+\s*[-—–－~]+|第\s*[0-9]+\s*页(?:\s*[/，,]?\s*共\s*[0-9]+\s*页)?|[0-9]+\s*/\s*[0-9]+)"
NO_BODY = r"[（(]\s*此页无正文\s*[)）]"
GAP = regex.compile(rf"^(?:\s|{PAGE_NUMBER}|{NO_BODY})*(?:附\s*注\s*[:：])?\s*$")
_ENDS_WITH_PAGE = regex.compile(rf"(?:{PAGE_NUMBER}|{NO_BODY})\s*$")
_STARTS_WITH_PAGE = regex.compile(rf"^\s*(?:{PAGE_NUMBER}|{NO_BODY})")
_ORG_SUFFIX = regex.compile(
    r"(?:局|政府|委员会|委|办公室|办|厅|部|院|会|中心|处|所|站|队|室|公司|学校|中学|小学|大学|医院|街道|"
    r"镇|乡|村|社区|党组|党委|支部|分局|办事处|管委会|小组|组)\s*$")
_REASON_START = regex.compile(r"^\s*(?:(?:不予公开|依申请公开|不公开)\s*)?(?:理\s*由|原\s*因)\s*[:：]")
_SENTENCE_END = "。！!"


@dataclass(frozen=True, slots=True)
class Candidate:
    """One attribute statement that stands where a 附注 can stand (view offsets)."""

    start: int
    end: int
    inner: str
    wording: Wording
    bracket: str          # "round", "other" (【】〔〕[]), "none"
    closed: bool


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def _ends_with_date(text: str) -> bool:
    dates = find_dates(text)
    return bool(dates) and not text[dates[-1].end:].strip()


def _before_ok(before: str) -> bool:
    before = _LABEL.sub("", before).rstrip()
    return (not before or _ends_with_date(before) or bool(_ENDS_WITH_PAGE.search(before))
            or bool(_ORG_SUFFIX.search(before)))


def _after_ok(after: str) -> bool:
    after = after.strip()
    if not after or _REASON_START.match(after) or _STARTS_WITH_PAGE.match(after) or after.startswith("附件"):
        return True
    dates = find_dates(after)
    return bool(dates) and dates[0].start == 0


def _bracketed(text: str, s: int, ls: int, le: int) -> tuple[int, int, str, bool, str] | None:
    """Open bracket just before the statement: (start, end, inner, closed, kind), else None."""
    i = s - 1
    while i >= ls and text[i] in " \t\u3000":
        i -= 1
    if i < ls or text[i] not in OPEN:
        return None
    opener = text[i]
    kind = "round" if opener in ROUND_OPEN else "other"
    breaks = 0
    for j in range(s, min(len(text), s + 120)):  # a PDF may wrap a long 附注 onto a second line
        ch = text[j]
        if ch in CLOSE_FOR[opener] or (kind == "round" and ch in "）)"):
            return i, j + 1, text[s:j], True, kind
        if ch in OPEN or (ch == "\n" and (breaks := breaks + 1) > 1):
            break
    inner_end = _cut_at_date(text, s, le)
    return i, inner_end, text[s:inner_end], False, kind


def _cut_at_date(text: str, s: int, le: int) -> int:
    """The end of an unbracketed statement: the line end, or before a date glued after it."""
    dates = find_dates(text[s:le])
    end = s + dates[0].start if dates else le
    while end > s and text[end - 1] in " \t\u3000。":
        end -= 1
    return end


def find_candidates(text: str) -> list[Candidate]:
    """Every attribute statement standing where a 附注 can stand, in text order."""
    out: list[Candidate] = []
    for m in STATEMENT.finditer(text):
        s = m.start()
        if out and s < out[-1].end:
            continue
        ls, le = _line_bounds(text, s)
        got = _bracketed(text, s, ls, le)
        if got is None:
            start, end, closed, kind = s, _cut_at_date(text, s, le), True, "none"
            inner = text[s:end]
        else:
            start, end, inner, closed, kind = got
        before, after = text[ls:start], text[end:le]
        if kind == "none":
            accepted = _before_ok(before) and _after_ok(after)
        else:
            accepted = _before_ok(before) or (_after_ok(after) and before.rstrip()[-1:] in _SENTENCE_END)
        if accepted:
            out.append(Candidate(start, end, inner, read_wording(inner.replace("\n", "")), kind, closed))
    return out


def date_lines(text: str, candidates: list[Candidate]) -> list[DateMatch]:
    """Dates that end their line (or are followed only by a 附注): the 成文日期 candidates."""
    starts = {c.start for c in candidates}
    out = []
    for d in find_dates(text):
        ls, le = _line_bounds(text, d.start)
        after = text[d.end:le]
        before = text[ls:d.start]
        stripped = after.strip(" \t\u3000")
        glued_note = any(d.end <= s <= le for s in starts)
        alone = not stripped and not any(c in before for c in "。，,；;") and len(before) <= 60
        if alone or glued_note:
            out.append(d)
    return out


def follows(text: str, first_end: int, second_start: int) -> bool:
    """True when only blanks, page numbers or (此页无正文) stand between the two positions."""
    return first_end <= second_start and bool(GAP.match(text[first_end:second_start]))

"""The 版头: 份号, 密级和保密期限, 紧急程度, 发文机关标志, 发文字号 and 签发人 (lines before the body)."""
from __future__ import annotations

from dataclasses import dataclass

import regex

from mishen.structure.flatten import Segment, is_agency
from mishen.structure.patterns import (
    CLASSIFICATION_RE, COPY_NUMBER_RE, DOC_NUMBER_LABEL_RE, DOC_NUMBER_RE, SIGNER_RE, URGENCY_RE,
)

HEADER_LINES = 8  # 份号/密级/紧急程度 stand in the first lines


@dataclass(frozen=True, slots=True)
class Span:
    """A located element in view coordinates."""

    start: int
    end: int
    value: str


def _squash(text: str) -> str:
    return regex.sub(r"\s+", "", text)


def doc_number_value(match: regex.Match) -> str:
    return f"{match.group('code')}〔{match.group('year')}〕{match.group('num')}号"


def doc_number_in(seg: Segment) -> Span | None:
    """A 发文字号 standing on its own line (optionally with 签发人 or a 文号： label), never inside a sentence."""
    match = DOC_NUMBER_RE.search(seg.text)
    if not match:
        return None
    rest = seg.text[:match.start()] + " " + seg.text[match.end():]
    rest = SIGNER_RE.sub("", rest)
    rest = DOC_NUMBER_LABEL_RE.sub("", rest).strip()
    if rest:
        return None
    return Span(seg.start + match.start(), seg.start + match.end(), doc_number_value(match))


def doc_number_from_field(value: str, start: int) -> Span | None:
    """A 发文字号 from a CMS 文号 field."""
    match = DOC_NUMBER_RE.search(value)
    if not match:
        return None
    return Span(start + match.start(), start + match.end(), doc_number_value(match))


def signer_in(seg: Segment) -> Span | None:
    match = SIGNER_RE.search(seg.text)
    if not match:
        return None
    names: list[str] = []
    for token in regex.split(r"[\s、，,]+", match.group("names")):
        if len(token) == 1 and names and len(names[-1]) == 1:  # 王  强: one name spaced out for layout
            names[-1] += token
        elif token:
            names.append(token)
    if not names:
        return None
    start, end = match.span("names")
    raw = match.group("names")
    end -= len(raw) - len(raw.rstrip(" \t、，,"))
    return Span(seg.start + start, seg.start + end, " ".join(names))


def _fullmatch_tokens(seg: Segment) -> dict[str, Span]:
    """份号 / 密级 / 紧急程度 tokens when the line holds nothing else."""
    found: dict[str, Span] = {}
    rest = seg.text
    for name, pattern in (("classification", CLASSIFICATION_RE), ("urgency", URGENCY_RE),
                          ("copy_number", COPY_NUMBER_RE)):
        match = pattern.search(rest)
        if not match:
            continue
        if name == "copy_number" and (match.start() and rest[match.start() - 1].isdigit()
                                      or rest[match.end():match.end() + 1].isdigit()):
            continue
        if name == "classification":
            value = _squash(match.group("level"))
            if match.group("period"):
                value += "★" + _squash(match.group("period"))
        elif name == "urgency":
            value = _squash(match.group("level"))
        else:
            value = match.group("num")
        found[name] = Span(seg.start + match.start(), seg.start + match.end(), value)
        rest = rest[:match.start()] + " " * (match.end() - match.start()) + rest[match.end():]
    return found if found and not rest.strip() else {}


def marks(items: list[Segment], stop: int) -> dict[str, Span]:
    """份号, 密级和保密期限 and 紧急程度 in the first lines before ``stop`` (the title or the body)."""
    found: dict[str, Span] = {}
    for seg in items[:min(stop, HEADER_LINES)]:
        for name, span in _fullmatch_tokens(seg).items():
            found.setdefault(name, span)
    return found


def issuer_mark(items: list[Segment], stop: int, number_index: int | None) -> tuple[int, int] | None:
    """Items [first, last] of the 发文机关标志: ``…文件`` (with joint bodies above), or the agency lines of a
    letter-format 版头 that stand above the 发文字号."""
    for i in range(min(stop, len(items))):
        text = _squash(items[i].text)
        if text.endswith("文件") and 2 <= len(text) <= 60 and not text.startswith("关于"):
            first = i
            while first > 0 and is_agency(items[first - 1].text):
                first -= 1
            return first, i
    if number_index is None:
        return None
    last = number_index - 1
    first = last
    while first >= 0 and is_agency(items[first].text):
        first -= 1
    return (first + 1, last) if first < last else None

"""Bounded chunks of a view, cut at line ends: Presidio and spaCy are superlinear on long texts.

Cuts are content-defined: after ``low`` characters a chunk ends at the first line whose checksum is divisible
by ``every``, so where a chunk ends depends on the lines around it, not on its offset in the document.  An
edit to one paragraph of a page changes the chunk holding it (and at most the next one), and every other
chunk keeps its exact text — which is what makes the detector's per-chunk result cache hit on re-checked
pages.  A chunk that reaches ``limit`` without such a line is cut as before: at the last line end, else at a
sentence end.

Two grains (``Grain``): ``COARSE`` (a cut after 1,200 characters at one line in 6, ≈ 1,500–3,000 characters a
chunk: fewest chunks, fastest on new documents — every chunk pays fixed costs in Presidio, spaCy and the rule
layer: a 5k gate page in 3 chunks instead of 6 took 9.5–9.8 ms instead of 10.3–10.8, and a re-checked one no
longer, the changed windows coming from the name model's window cache) and ``PARAGRAPH`` (a cut at the first line end after 100
characters: nearly every paragraph its own chunk, so an edit re-runs one paragraph; 17% slower on the bench
corpus, 40% on the gate's new 5k pages, whose ~20 paragraphs each pay a chunk's fixed costs; opt-in,
``Settings.paragraph_chunks``). Rows of a table, lines with the same number (≥ 3) of space-separated fields, are
never cut apart at either grain: a row at a chunk's start would lose the rows above it as context."""
from __future__ import annotations

import zlib
from typing import NamedTuple

import regex

_SENTENCE_END = regex.compile(r"[。！？；!?;]")


class Grain(NamedTuple):
    low: int      # a chunk is at least this long, unless the text ends
    every: int    # past ``low``, a line whose checksum is divisible by ``every`` ends the chunk


COARSE = Grain(1200, 6)
PARAGRAPH = Grain(100, 1)


def split(text: str, limit: int = 3000, low: int = COARSE.low, every: int = COARSE.every) -> list[tuple[int, str]]:
    """(offset, chunk) pairs covering ``text``; never cuts at a line break between two digits (a number
    broken across PDF lines) and only cuts inside a line, at a sentence end, when the line is too long."""
    out: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = _content_cut(text, start, limit, low, every) or _cut(text, start, limit)
        out.append((start, text[start:end]))
        start = end
    return out


def _content_cut(text: str, start: int, limit: int, low: int, every: int) -> int | None:
    """The end of the first line past ``start + low`` (and within ``limit``) whose checksum marks a cut."""
    if len(text) - start <= low:
        return len(text)
    line_start = text.rfind("\n", start, start + low) + 1 or start
    end = min(len(text), start + limit)
    while (pos := text.find("\n", line_start, end)) >= 0:
        line = text[line_start:pos]
        if pos - start >= low and line.strip() and not _inside_number(text, pos) and \
                zlib.crc32(line.encode("utf-8")) % every == 0 and not _inside_table(text, line, pos):
            return pos + 1
        line_start = pos + 1
    return None


def _cut(text: str, start: int, limit: int) -> int:
    if len(text) - start <= limit:
        return len(text)
    hard = start + limit
    pos = text.rfind("\n", start + limit // 4, hard)
    while pos > start and _inside_number(text, pos):
        pos = text.rfind("\n", start + limit // 4, pos)
    if pos > start:
        return pos + 1
    ends = [m.end() for m in _SENTENCE_END.finditer(text, start + limit // 4, hard)]
    return ends[-1] if ends else hard


def _inside_table(text: str, line: str, pos: int) -> bool:
    """``line`` (ending at ``pos``) and the next line are rows of one table: the same number, ≥ 3, of fields."""
    fields = len(line.split())
    if fields < 3:
        return False
    end = text.find("\n", pos + 1)
    return len(text[pos + 1:end if end >= 0 else len(text)].split()) == fields


def _inside_number(text: str, pos: int) -> bool:
    return pos > 0 and pos + 1 < len(text) and text[pos - 1].isdigit() and text[pos + 1].isdigit()

"""The small markup of ``sample_docs/src/*.txt``: a header of ``@key: value`` lines, ``---``, then one
paragraph per line.

Line tags (at the start of a line):
  ``[red]`` 发文机关标志 (red, large, centred)   ``[title]`` 标题 (large, centred)   ``[c]`` centred
  ``[r]`` right-aligned (署名, 成文日期)          ``[0]`` no first-line indent (主送机关, 版记)
  ``[note]`` the 附注 line (indented two characters like the body)
  ``[rule]`` a separator line                    ``[page]`` a page break
  ``|a|b|c|`` a table row (consecutive rows form one table)
  no tag: a body paragraph, first line indented two characters.

Inline (docx only; other formats show what a reader of the final text sees):
  A backslash in a ``[title]`` line is where the PDF breaks the title (GB/T 9704: 词意完整、排列对称).
  ``{ins:text}`` tracked insertion, ``{del:text}`` tracked deletion, ``{comment:anchor|comment}``.

Header keys: format (docx|pdf|txt), encoding, newline (crlf), indent (docx: twips|chars|spaces),
txt_indent (fullwidth|none), author, last_modified_by, company, created, header (docx page header),
custom.NAME (docx custom property), pdf_author, pdf_title.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

INLINE = re.compile(r"\{(ins|del|comment):([^{}]*)\}")
TAGS = ("red", "title", "c", "r", "0", "note", "rule", "page")
INDENTED = ("body", "note")
FULLWIDTH_INDENT = "\u3000\u3000"
TITLE_BREAK = "\\"


@dataclass
class Para:
    tag: str
    segments: list[tuple[str, ...]] = field(default_factory=list)
    cells: list[str] | None = None

    def final_text(self) -> str:
        """The text after accepting every revision, without comments."""
        out = []
        for seg in self.segments:
            if seg[0] in ("text", "ins", "comment"):
                out.append(seg[1])
        return "".join(out).replace(TITLE_BREAK, "")

    def title_lines(self) -> list[str]:
        """A title's lines where the source breaks it with a backslash (PDF only)."""
        return "".join(seg[1] for seg in self.segments).split(TITLE_BREAK)


@dataclass
class SourceDoc:
    meta: dict[str, str]
    paras: list[Para]

    def plain_lines(self) -> list[str]:
        """Lines of a plain-text copy: indents as two ideographic spaces, tables tab-separated."""
        indent = "" if self.meta.get("txt_indent") == "none" else FULLWIDTH_INDENT
        lines = []
        for p in self.paras:
            if p.tag in ("rule", "page"):
                continue
            if p.cells is not None:
                lines.append("\t".join(p.cells))
            elif p.tag in INDENTED:
                lines.append(indent + p.final_text())
            else:
                lines.append(p.final_text())
        return lines

    def tables(self) -> list[tuple[int, list[list[str]]]]:
        """Runs of consecutive table rows: (index of the first row, rows)."""
        out: list[tuple[int, list[list[str]]]] = []
        for i, p in enumerate(self.paras):
            if p.cells is None:
                continue
            if out and out[-1][0] + len(out[-1][1]) == i:
                out[-1][1].append(p.cells)
            else:
                out.append((i, [p.cells]))
        return out


def parse_inline(text: str) -> list[tuple[str, ...]]:
    segments: list[tuple[str, ...]] = []
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            segments.append(("text", text[pos:m.start()]))
        kind, body = m.group(1), m.group(2)
        if kind == "comment":
            anchor, _, comment = body.partition("|")
            segments.append(("comment", anchor, comment))
        else:
            segments.append((kind, body))
        pos = m.end()
    if pos < len(text):
        segments.append(("text", text[pos:]))
    return segments


def parse_line(line: str) -> Para:
    if line.startswith("|") and line.endswith("|"):
        return Para(tag="row", cells=[c.strip() for c in line[1:-1].split("|")])
    m = re.match(r"\[(\w+)\]", line)
    if m and m.group(1) in TAGS:
        return Para(tag=m.group(1), segments=parse_inline(line[m.end():]))
    return Para(tag="body", segments=parse_inline(line))


def parse_source(text: str) -> SourceDoc:
    head, sep, body = text.partition("\n---\n")
    if not sep:
        raise ValueError("source needs a header ending with a line '---'")
    meta: dict[str, str] = {}
    for line in head.splitlines():
        if line.strip():
            key, _, value = line.lstrip("@").partition(":")
            meta[key.strip()] = value.strip()
    paras = [parse_line(line.rstrip()) for line in body.splitlines() if line.strip()]
    return SourceDoc(meta=meta, paras=paras)

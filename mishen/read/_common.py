"""Pieces every reader shares: a text builder that records blocks as it goes, and hidden-part factories."""
from __future__ import annotations

from typing import Any

from models import Block, Document, HiddenKind, HiddenPart, SourceFormat


class TextBuilder:
    """Appends blocks of text separated by "\\n" and records each block's span in the joined text."""

    def __init__(self) -> None:
        self._pieces: list[str] = []
        self._length = 0
        self.blocks: list[Block] = []
        self._started = False

    @property
    def length(self) -> int:
        return self._length

    def separate(self) -> None:
        """Start a new line: add "\\n" unless nothing has been written yet."""
        if self._started:
            self._append("\n")
        self._started = True

    def add_block(self, text: str, kind: str, ref: str, location: str, **extra: Any) -> Block | None:
        """Write ``text`` on a new line; record a Block for it unless it is empty. Returns the block."""
        self.separate()
        start = self._length
        self._append(text)
        if not text:
            return None
        block = Block(start=start, end=self._length, kind=kind, ref=ref, location=location, **extra)
        self.blocks.append(block)
        return block

    def add_blank(self) -> None:
        """An empty line (an empty paragraph): kept in the text, no block."""
        self.add_block("", "paragraph", "", "")

    def _append(self, text: str) -> None:
        if text:
            self._pieces.append(text)
            self._length += len(text)

    def text(self) -> str:
        return "".join(self._pieces)


def small_document(text: str, source: str, sha256: str, fmt: SourceFormat | None,
                   kind: str = "paragraph", ref: str = "", location: str = "") -> Document:
    """A Document holding one hidden part's text, each line one block, so text detectors can scan it."""
    builder = TextBuilder()
    for i, line in enumerate(text.split("\n"), 1):
        builder.add_block(line, kind, f"{ref}/line/{i}" if ref else f"line/{i}",
                          f"{location}第{i}行" if location else f"第{i}行")
    return Document(source=source, sha256=sha256, format=fmt, text=builder.text(), blocks=builder.blocks)


def hidden_part(part_id: str, kind: HiddenKind, location: str, text: str, parent: Document | None = None, *,
                source: str = "", sha256: str = "", fmt: SourceFormat | None = None,
                attrs: dict[str, str] | None = None, document: Document | None = None) -> HiddenPart:
    """A HiddenPart whose own Document holds ``text`` (or the given ``document``)."""
    if parent is not None:
        source, sha256, fmt = parent.source, parent.sha256, parent.format
    doc = document or small_document(text, source, sha256, fmt, ref=part_id, location=location)
    clean = {k: str(v) for k, v in (attrs or {}).items() if v not in (None, "")}
    return HiddenPart(id=part_id, kind=kind, location=location, document=doc, attrs=clean)


def metadata_parts(fields: list[tuple[str, str, str]], source: str, sha256: str,
                   fmt: SourceFormat) -> list[HiddenPart]:
    """One metadata hidden part per non-empty value. ``fields`` = (id suffix, Chinese label, value)."""
    parts = []
    for suffix, label, value in fields:
        value = value.strip()
        if value:
            parts.append(hidden_part(f"meta/{suffix}", HiddenKind.METADATA, f"文档属性：{label}", value,
                                     source=source, sha256=sha256, fmt=fmt,
                                     attrs={"field": suffix.rsplit("/", 1)[-1]}))
    return parts


def clean_control(text: str) -> str:
    """Drop C0 control characters other than tab and newline (they break XML/JSON output downstream)."""
    return "".join(c for c in text if c >= " " or c in "\t\n")

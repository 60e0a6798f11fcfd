"""The extracted document every stage works on: text, blocks, offsets back to the source, hidden parts."""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from models.enums import HiddenKind, Script, SourceFormat
from models.structure import Structure


class Block(BaseModel):
    """A paragraph, table cell, line or page of the text, with a pointer back into the source file."""

    model_config = ConfigDict(frozen=True)

    start: int = Field(description="code-point offset into Document.text, inclusive")
    end: int = Field(description="code-point offset into Document.text, exclusive")
    kind: str = Field(description="paragraph | table_cell | line | page | heading")
    ref: str = Field(description="machine pointer into the source, e.g. 'body/p/12', 'page/2/line/5'")
    location: str = Field(description="where a reader finds it, in Chinese: '第12段', '第2页第5行'")
    page: int | None = None
    indent_chars: float | None = Field(
        default=None, description="first-line indent in characters (docx w:firstLineChars/100 or twips/size)")
    alignment: str | None = None
    style: str | None = None


class CharBox(BaseModel):
    """Where one character of a PDF's text stands on its page (PDF points, top-left origin)."""

    model_config = ConfigDict(frozen=True)

    page: int
    x0: float
    top: float
    x1: float
    bottom: float


class HiddenPart(BaseModel):
    """Something a reader of the file can recover beyond the visible text; scanned like visible text."""

    id: str = Field(description="stable within the document: 'comment/3', 'deletion/p12/1', 'meta/core/author'")
    kind: HiddenKind
    location: str = Field(description="where it sits, in Chinese: '批注3', '第12段中删除的文字'")
    document: Document
    attrs: dict[str, str] = Field(default_factory=dict, description="author, date, href, why hidden …")


class Document(BaseModel):
    """Text extracted from one source, with enough kept to point every offset back into the file."""

    source: str
    sha256: str
    format: SourceFormat | None
    text: str
    blocks: list[Block] = Field(default_factory=list)
    hidden_parts: list[HiddenPart] = Field(default_factory=list)
    metadata: dict[str, str] = Field(default_factory=dict)
    encoding: str | None = None
    script: Script = Script.SIMPLIFIED
    pages: int | None = None
    pages_without_text: list[int] = Field(default_factory=list)
    char_boxes: list[CharBox | None] | None = Field(
        default=None, exclude=True, description="PDF only: one box per character of text (None for inserted breaks)")
    warnings: list[str] = Field(default_factory=list)
    structure: Structure | None = None

    def block_at(self, offset: int) -> Block | None:
        """The block containing a text offset (binary search; blocks are sorted and disjoint)."""
        lo, hi = 0, len(self.blocks)
        while lo < hi:
            mid = (lo + hi) // 2
            block = self.blocks[mid]
            if offset < block.start:
                hi = mid
            elif offset >= block.end:
                lo = mid + 1
            else:
                return block
        return None


HiddenPart.model_rebuild()

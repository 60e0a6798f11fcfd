"""Invariants every Document a reader returns must satisfy (reusable by other suites)."""
from __future__ import annotations

from models import Document


def assert_document_ok(doc: Document) -> None:
    """Blocks sorted, disjoint, non-empty, inside the text, never spanning a block separator at their
    edges; char boxes one per character; hidden parts' own documents just as sound; ids unique."""
    _assert_blocks(doc)
    if doc.char_boxes is not None:
        assert len(doc.char_boxes) == len(doc.text)
        for ch, box in zip(doc.text, doc.char_boxes):
            if box is None:
                assert ch in " \n", "only inserted breaks and spaces may lack a box"
    ids = [part.id for part in doc.hidden_parts]
    assert len(ids) == len(set(ids)), f"duplicate hidden part ids: {ids}"
    for part in doc.hidden_parts:
        assert part.location
        assert part.document.text.strip(), part.id
        _assert_blocks(part.document)
    assert doc.script.value == "simplified" and doc.structure is None  # left to the pipeline


def _assert_blocks(doc: Document) -> None:
    previous_end = 0
    for block in doc.blocks:
        assert 0 <= previous_end <= block.start < block.end <= len(doc.text), block
        piece = doc.text[block.start:block.end]
        assert piece == piece.strip("\n"), f"block {block.ref} starts or ends with a line break"
        assert block.location and block.ref
        assert doc.block_at(block.start) == block
        previous_end = block.end
    covered = {i for b in doc.blocks for i in range(b.start, b.end)}
    outside = {doc.text[i] for i in range(len(doc.text)) if i not in covered}
    assert outside <= {"\n"}, f"text outside blocks must be line breaks only, got {outside!r}"

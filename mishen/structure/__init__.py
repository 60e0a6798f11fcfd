"""公文 structure (GB/T 9704-2012): which element stands where in a Document's text."""
from __future__ import annotations

from models import Document, NormalizedText, Structure


def parse_structure(doc: Document, view: NormalizedText) -> Structure:
    return Structure()

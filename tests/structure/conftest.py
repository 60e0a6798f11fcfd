"""Helpers for the structure tests: parse a text the way the pipeline does (normalised view)."""
from __future__ import annotations

from collections.abc import Callable

import pytest

from mishen.structure import parse_structure
from models import Document, Normalizer, SourceFormat, Structure


@pytest.fixture(scope="session")
def normalizer() -> Normalizer:
    return Normalizer()


@pytest.fixture(scope="session")
def parse(normalizer: Normalizer) -> Callable[[str], Structure]:
    def run(text: str) -> Structure:
        doc = Document(source="t.txt", sha256="", format=SourceFormat.TXT, text=text)
        structure = parse_structure(doc, normalizer(text))
        for name, el in structure:
            if hasattr(el, "start"):
                assert 0 <= el.start <= el.end <= len(text), name
        return structure
    return run


def value(structure: Structure, name: str) -> str | None:
    el = getattr(structure, name)
    return None if el is None else el.value

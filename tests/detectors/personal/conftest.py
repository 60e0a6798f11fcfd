"""One personal-data engine per test session (loading LAC, jieba and Presidio takes ~2 s)."""
from __future__ import annotations

import pytest

from detectors.personal import build
from detectors.personal.detector import PersonalDataDetector
from mishen.settings import Settings
from models import Document, Finding, Normalizer


@pytest.fixture(scope="session")
def detector() -> PersonalDataDetector:
    (found,) = build(Settings())
    assert isinstance(found, PersonalDataDetector)
    return found


@pytest.fixture(scope="session")
def normalizer() -> Normalizer:
    return Normalizer()


@pytest.fixture(scope="session")
def scan(detector, normalizer):
    """scan(text, category) -> findings of that category, with the contract invariant checked."""
    def run(text: str, category: str | None = None) -> list[Finding]:
        doc = Document(source="t.txt", sha256="", format=None, text=text)
        findings = detector.detect(doc, normalizer(text))
        for f in findings:
            assert doc.text[f.start:f.end] == f.text
        return [f for f in findings if category is None or f.category.value == category]
    return run

"""The labelled evaluation set (eval/structure) stays above its recorded accuracy."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from mishen.structure import parse_structure
from models import Document, SourceFormat

ROOT = Path(__file__).resolve().parents[2]
LABELS = ROOT / "eval" / "structure" / "labels.jsonl"
FIELDS = ("title", "doc_type", "doc_number", "issuer", "date", "note", "recipients", "signature",
          "is_official_document", "classification", "copy_number", "signer")


def _rows() -> list[dict]:
    rows = [json.loads(line) for line in LABELS.read_text("utf-8").splitlines() if line.strip()]
    return [r for r in rows if (ROOT / r["file"]).exists()]


def test_labelled_set_accuracy(normalizer) -> None:
    rows = _rows()
    if not rows:
        pytest.skip("labelled set not present")
    right = total = 0
    for row in rows:
        text = (ROOT / row["file"]).read_text("utf-8-sig")
        s = parse_structure(Document(source=row["file"], sha256="", format=SourceFormat.TXT, text=text),
                            normalizer(text))
        for name in FIELDS:
            got = getattr(s, name)
            got = got.value if hasattr(got, "value") else got
            right += got == row[name]
            total += 1
    assert right / total >= 0.95

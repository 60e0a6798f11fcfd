"""Bounded fuzzing of the docx and pdf readers on mutated sample files: ReadError or a Document, nothing else;
a file that cannot be read never passes the pipeline."""
from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from mishen.read import ReadError, read_bytes
from mishen.settings import Settings
from models import Decision

SAMPLES = Path(__file__).resolve().parents[2] / "sample_docs"
DOCX = sorted(SAMPLES.glob("*.docx"))
PDF = sorted(SAMPLES.glob("*.pdf"))
SETTINGS = Settings()
# CI: 200 fixed cases per reader. A longer, random run: MISHEN_FUZZ_EXAMPLES=5000.
EXAMPLES = int(os.environ.get("MISHEN_FUZZ_EXAMPLES", "200"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize="MISHEN_FUZZ_EXAMPLES" not in os.environ,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@st.composite
def mutations(draw: st.DrawFn, data: bytes) -> bytes:
    """Byte flips, a truncation, a repeated chunk or a spliced-in chunk of ``data``."""
    kind = draw(st.sampled_from(["flip", "truncate", "repeat", "splice"]))
    out = bytearray(data)
    if kind == "flip":
        for _ in range(draw(st.integers(1, 16))):
            i = draw(st.integers(0, len(out) - 1))
            out[i] = draw(st.integers(0, 255))
    elif kind == "truncate":
        out = out[:draw(st.integers(0, len(out) - 1))]
    else:
        a = draw(st.integers(0, len(out) - 1))
        b = draw(st.integers(a, min(len(out), a + 512)))
        at = draw(st.integers(0, len(out)))
        chunk = out[a:b] * (draw(st.integers(2, 50)) if kind == "repeat" else 1)
        out[at:at] = chunk
    return bytes(out)


def _xml_mutated_docx(data: bytes, member: str, mutate: st.DrawFn) -> bytes:
    """Mutate one XML member *inside* the zip, so the damage reaches the XML walker, not only the CRC check."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            dst.writestr(info.filename, mutate(mutations(content)) if info.filename == member else content)
    return out.getvalue()


def _check(reviewer, data: bytes, name: str) -> None:
    try:
        doc = read_bytes(data, name, SETTINGS)
    except ReadError as exc:
        assert exc.code and exc.message
        event(f"ReadError {exc.code}")   # shown by --hypothesis-show-statistics
        report = reviewer.review_bytes(data, name)
        assert report.decision is Decision.BLOCK and report.error is not None
        return
    event("read as a Document")
    for block in doc.blocks:
        assert 0 <= block.start <= block.end <= len(doc.text)


@FUZZ
@given(st.data())
def test_mutated_docx(reviewer, data: st.DataObject) -> None:
    original = data.draw(st.sampled_from(DOCX)).read_bytes()
    if data.draw(st.booleans()):
        with zipfile.ZipFile(io.BytesIO(original)) as z:
            members = [n for n in z.namelist() if n.endswith(".xml") or n.endswith(".rels")]
        member = data.draw(st.sampled_from(members))
        mutated = _xml_mutated_docx(original, member, data.draw)
    else:
        mutated = data.draw(mutations(original))
    _check(reviewer, mutated, "a.docx")


@FUZZ
@given(st.data())
def test_mutated_pdf(reviewer, data: st.DataObject) -> None:
    original = data.draw(st.sampled_from(PDF)).read_bytes()
    _check(reviewer, data.draw(mutations(original)), "a.pdf")

"""Reports with explicit findings (the point is the writer), and an independent leak check."""
from __future__ import annotations

import io
import re
import unicodedata
import zipfile

import opencc
import pdfplumber

from mishen.read import read_bytes
from mishen.settings import Settings
from models import Action, Category, Decision, Finding, Report, ReportDocument, Severity
from models.report import HiddenPartInfo

_T2S = opencc.OpenCC("t2s")


def report_for(data: bytes, name: str, values: list[tuple[str, Category]]) -> Report:
    """A report whose findings mark each value where it first occurs (main text, else a hidden part)."""
    doc = read_bytes(data, name, Settings())
    findings = []
    for n, (value, category) in enumerate(values, 1):
        part, start = None, doc.text.find(value)
        if start < 0:
            for hidden in doc.hidden_parts:
                if value in hidden.document.text:
                    part, start = hidden.id, hidden.document.text.find(value)
                    break
        assert start >= 0, f"test value not in the document: {value}"
        findings.append(Finding(id=f"f{n}", category=category, start=start, end=start + len(value), text=value,
                                score=1.0, severity=Severity.HIGH, rules=["P2"], detector="test",
                                explanation="测试", action=Action.REDACT, part=part))
    return Report(document=ReportDocument.of(doc), findings=findings, decision=Decision.REVIEW,
                  hidden_parts=[HiddenPartInfo(id=h.id, kind=h.kind, location=h.location, text=h.document.text,
                                               attrs=h.attrs) for h in doc.hidden_parts])


def squash(text: str) -> str:
    """Test-side normalisation, written apart from mishen.redact: NFKC, Simplified, no spaces/dashes."""
    text = _T2S.convert(unicodedata.normalize("NFKC", text)).lower()
    return re.sub(r"[\s\-·_.]", "", text)


def docx_texts(data: bytes) -> str:
    """All text of every XML part with the tags taken out (runs joined), plus the raw XML."""
    out = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            raw = z.read(name).decode("utf-8", "replace")
            out.append(raw)
            out.append(re.sub(r"<[^>]+>", "", raw))
    return "\n".join(out)


def pdf_texts(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join("".join(c["text"] for c in page.chars) for page in pdf.pages)


def leaked(value: str, haystack: str) -> bool:
    return squash(value) in squash(haystack)

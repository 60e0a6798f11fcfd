"""Golden tests: every document of ``sample_docs/`` through the real pipeline, against its expected file.

The expected files were written from RULES.md by a reviewer, not from what the code outputs. String fields
are compared after Traditional→Simplified conversion and with whitespace removed (a PDF title broken over
two lines is still one title; the script of a Traditional draft is not what these fields are about).

Every detector package must register detectors (``test_every_detector_package_is_registered``), so a package
that silently builds nothing fails here instead of letting the detector-dependent checks pass vacuously.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import opencc
import pytest

from mishen.pipeline import Reviewer
from models import CATEGORY_GROUP, Category, Finding, Group, Report

SAMPLES = Path(__file__).resolve().parents[1] / "sample_docs"
DOC_SUFFIXES = (".docx", ".pdf", ".txt", ".html")
FIELDS = ("title", "doc_type", "doc_number", "issuer", "date", "is_official_document", "declared_attribute")
EXACT = {"CN_ID_CARD", "CN_PHONE", "EMAIL", "BANK_CARD", "CN_PASSPORT", "LICENSE_PLATE", "PERSON_NAME"}
PACKAGE = {Group.PERSONAL_DATA: "personal", Group.SECRET: "secrets", Group.INTERNAL_MARKER: "markers",
           Group.ATTRIBUTE: "attribute", Group.HIDDEN_CONTENT: "hidden"}


def _cases(folder: Path) -> list[tuple[Path, dict]]:
    """(document, expected) for every ``<stem>.expected.json`` in a folder."""
    out = []
    for expected in sorted(folder.glob("*.expected.json")):
        stem = expected.name[: -len(".expected.json")]
        docs = [p for p in folder.glob(stem + ".*") if p.suffix in DOC_SUFFIXES]
        assert len(docs) == 1, f"{expected.name}: expected one document named {stem}.*, found {docs}"
        out.append((docs[0], json.loads(expected.read_text(encoding="utf-8"))))
    return out


CASES = _cases(SAMPLES)
BAD = _cases(SAMPLES / "bad")


@pytest.fixture(scope="module")
def t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@pytest.fixture(scope="module")
def reports(reviewer: Reviewer) -> dict[str, Report]:
    """Reports, each sample reviewed once per module (lazily, so one test can be run alone)."""
    class Cache(dict):
        def __missing__(self, name: str) -> Report:
            report = reviewer.review_path(SAMPLES / name)
            self[name] = report
            return report
    return Cache()


def test_every_detector_package_is_registered(reviewer: Reviewer) -> None:
    present = {type(d).__module__.split(".")[1] for d in reviewer.detectors
               if type(d).__module__.startswith("detectors.")}
    assert set(PACKAGE.values()) <= present, f"no detectors registered by: {set(PACKAGE.values()) - present}"


def _norm(value, t2s: opencc.OpenCC):
    if isinstance(value, str):
        return re.sub(r"\s+", "", t2s.convert(value))
    return value


def _actual(report: Report, field: str):
    if field == "declared_attribute":
        declared = report.declared_attribute
        return declared.value.value if declared and declared.value else None
    return getattr(report.document, field)


def _matches(finding: Finding, item: dict, t2s: opencc.OpenCC) -> bool:
    if finding.category.value != item["category"]:
        return False
    want = item["text"]
    if want is None:
        return True
    got, want = _norm(finding.text, t2s), _norm(want, t2s)
    if item["category"] in EXACT:
        return got == want
    return bool(got) and (want in got or got in want)


# --- the pipeline on every sample -------------------------------------------------------------------

@pytest.mark.parametrize("doc", [d for d, _ in CASES], ids=lambda d: d.name)
def test_report_is_valid_and_offsets_hold(doc: Path, reports: dict[str, Report]) -> None:
    report = reports[doc.name]
    again = Report.model_validate_json(report.to_json())
    assert again.to_json() == report.to_json()
    assert report.error is None, report.error
    for f in report.findings:
        assert report.span_text(f.part, f.start, f.end) == f.text, (f.id, f.category, f.part)


@pytest.mark.parametrize(("doc", "field", "expected"),
                         [(d, f, e[f]) for d, e in CASES for f in FIELDS],
                         ids=[f"{d.name}-{f}" for d, e in CASES for f in FIELDS])
def test_structure_field(doc: Path, field: str, expected, reports: dict[str, Report], t2s) -> None:
    actual = _actual(reports[doc.name], field)
    assert _norm(actual, t2s) == _norm(expected, t2s), f"{field}: got {actual!r}, expected {expected!r}"


MUST_FIND = [(d, i, item) for d, e in CASES for i, item in enumerate(e["must_find"])]


@pytest.mark.parametrize(("doc", "index", "item"), MUST_FIND,
                         ids=[f"{d.name}-{i}-{it['category']}" for d, i, it in MUST_FIND])
def test_must_find(doc: Path, index: int, item: dict, reports, t2s) -> None:
    report = reports[doc.name]
    found = [f for f in report.findings if _matches(f, item, t2s)]
    assert found, f"not found: {item['category']} {item['text']!r}"


MUST_NOT = [(d, c) for d, e in CASES for c in e.get("must_not_find", [])]


@pytest.mark.parametrize(("doc", "category"), MUST_NOT, ids=[f"{d.name}-{c}" for d, c in MUST_NOT])
def test_must_not_find(doc: Path, category: str, reports) -> None:
    wrong = [f.text for f in reports[doc.name].findings if f.category.value == category]
    assert not wrong, f"{category} should not fire here: {wrong!r}"


DECISION_NOT = [(d, e["decision_not"]) for d, e in CASES if e["decision_not"]]


@pytest.mark.parametrize(("doc", "decision_not"), DECISION_NOT, ids=[d.name for d, _ in DECISION_NOT])
def test_decision_is_not(doc: Path, decision_not: str, reports) -> None:
    assert reports[doc.name].decision.value != decision_not


@pytest.mark.parametrize(("doc", "expected"), [(d, e) for d, e in CASES], ids=[d.name for d, _ in CASES])
def test_suggested_attribute(doc: Path, expected: dict, reports) -> None:
    suggestion = reports[doc.name].suggestion
    assert suggestion is not None
    assert suggestion.attribute.value == expected["expected_attribute"], expected["why"]


@pytest.mark.parametrize(("doc", "expected"), BAD, ids=[d.name for d, _ in BAD])
def test_bad_file_is_blocked_with_error(doc: Path, expected: dict, reviewer: Reviewer) -> None:
    report = reviewer.review_path(doc)
    assert report.decision.value == "block"
    assert report.error is not None and report.error.code == expected["error"]
    Report.model_validate_json(report.to_json())


# --- the sample set itself (no pipeline: these hold whatever the code does) --------------------------

PROVINCES = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
             50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82}
ATTRIBUTES = {"主动公开", "依申请公开", "不予公开", "脱密后公开"}


def _id_valid(number: str) -> bool:
    from datetime import date
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    if not re.fullmatch(r"\d{17}[\dX]", number) or int(number[:2]) not in PROVINCES:
        return False
    try:
        date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    return "10X98765432"[sum(int(d) * w for d, w in zip(number, weights)) % 11] == number[17]


def _luhn_valid(number: str) -> bool:
    digits = [int(d) for d in reversed(number)]
    return sum(d if i % 2 == 0 else (d * 2 - 9 if d > 4 else d * 2) for i, d in enumerate(digits)) % 10 == 0


@pytest.mark.parametrize(("number", "valid"), [
    ("11010519491231002X", True), ("110105194912310021", False), ("990105194912310029", False),
    ("110105194902300026", False),
])
def test_id_checker_of_these_tests(number: str, valid: bool) -> None:
    assert _id_valid(number) is valid


def test_sample_set_covers_the_brief() -> None:
    suffixes = [d.suffix for d, _ in CASES]
    assert len(CASES) >= 24
    assert suffixes.count(".docx") >= 3 and suffixes.count(".pdf") >= 3
    assert ".txt" in suffixes and ".html" in suffixes
    declared = {e["declared_attribute"] for _, e in CASES}
    assert ATTRIBUTES | {None} <= declared
    assert {"通知", "请示", "报告", "函", "公示", "通报", "纪要", "批复"} <= {e["doc_type"] for _, e in CASES}


@pytest.mark.parametrize(("doc", "expected"), CASES, ids=[d.name for d, _ in CASES])
def test_expected_file_is_well_formed(doc: Path, expected: dict) -> None:
    assert set(FIELDS) | {"expected_attribute", "why", "must_find", "decision_not"} <= set(expected)
    assert expected["declared_attribute"] in ATTRIBUTES | {None}
    assert expected["expected_attribute"] in ATTRIBUTES and expected["why"]
    assert expected["date"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", expected["date"])
    assert expected["decision_not"] in (None, "pass", "review", "block")
    for item in expected["must_find"]:
        Category(item["category"])
        if item["category"] == "CN_ID_CARD" and "*" not in item["text"]:
            assert _id_valid(item["text"]), item
        if item["category"] == "BANK_CARD":
            assert _luhn_valid(item["text"]), item
    for category in expected.get("must_not_find", []):
        Category(category)


def _file_text(doc: Path) -> str:
    """Everything a reader could recover from the file, crudely: for checking the samples, not the readers."""
    data = doc.read_bytes()
    if doc.suffix == ".docx":
        import zipfile
        with zipfile.ZipFile(doc) as z:
            return "".join(re.sub(r"<[^>]+>", "", z.read(n).decode("utf-8")) for n in z.namelist()
                           if n.endswith(".xml"))
    if doc.suffix == ".pdf":
        import pdfplumber
        with pdfplumber.open(doc) as pdf:
            return re.sub(r"\s+", "", "".join(p.extract_text() or "" for p in pdf.pages))
    source = (SAMPLES / "src" / f"{doc.stem}.txt")
    header = source.read_text(encoding="utf-8") if source.exists() else ""
    declared = re.search(r"^@encoding:\s*(\S+)", header, re.M)
    return data.decode(declared.group(1) if declared else "utf-8-sig")


@pytest.mark.parametrize(("doc", "expected"), CASES, ids=[d.name for d, _ in CASES])
def test_must_find_texts_are_in_the_file(doc: Path, expected: dict) -> None:
    text = _file_text(doc)
    for item in expected["must_find"]:
        assert item["text"] is None or item["text"] in text, item


def test_generated_files_are_up_to_date(tmp_path: Path) -> None:
    """``python sample_docs/build.py`` regenerates exactly the committed files (the build is deterministic)."""
    subprocess.run([sys.executable, str(SAMPLES / "build.py"), "--out", str(tmp_path)], check=True,
                   capture_output=True, timeout=120)
    built = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    assert len(built) >= 2 * 24
    stale = [str(rel) for rel in built if (tmp_path / rel).read_bytes() != (SAMPLES / rel).read_bytes()]
    assert not stale, f"run python sample_docs/build.py: stale {stale}"

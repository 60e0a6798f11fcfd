"""The pipeline fails closed: unreadable input and crashing detectors never pass."""
from __future__ import annotations

from pathlib import Path

import pytest

from mishen.pipeline import Reviewer
from models import Decision, Document, Report, SourceFormat


class _Crashing:
    name = "crashing"
    scope = "text"

    def detect(self, doc, view):
        raise RuntimeError("boom")


def _doc(text: str) -> Document:
    return Document(source="t.txt", sha256="0" * 64, format=SourceFormat.TXT, text=text)


@pytest.mark.parametrize(("name", "data", "code"), [
    ("empty.txt", b"", "EMPTY"),
    ("blank.txt", b"  \n\n ", "EMPTY"),
    ("junk.docx", b"this is not a zip file at all", "UNREADABLE"),
    ("junk.pdf", b"\x00\x01\x02 no pdf header", "UNREADABLE"),
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "UNSUPPORTED"),
])
def test_unreadable_input_is_blocked_with_error(reviewer: Reviewer, name: str, data: bytes, code: str) -> None:
    report = reviewer.review_bytes(data, name)
    assert report.decision is Decision.BLOCK
    assert report.error is not None and report.error.code == code
    assert report.error.message  # a message a clerk can read
    Report.model_validate_json(report.to_json())


def test_missing_file_is_an_error_report(reviewer: Reviewer, tmp_path: Path) -> None:
    report = reviewer.review_path(tmp_path / "nowhere.docx")
    assert report.decision is Decision.BLOCK and report.error.code == "UNREADABLE"


def test_too_large_file_is_refused_before_reading(tmp_path: Path) -> None:
    from mishen.settings import Settings
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 2048)
    report = Reviewer(Settings(max_file_bytes=1024)).review_path(big)
    assert report.decision is Decision.BLOCK and report.error.code == "TOO_LARGE"


def test_crashing_detector_blocks_and_names_itself(reviewer: Reviewer) -> None:
    crashing = Reviewer.__new__(Reviewer)
    crashing.__dict__.update(reviewer.__dict__)
    crashing.detectors = [*reviewer.detectors, _Crashing()]
    report = crashing.review_document(_doc("关于开展检查的通知\n各单位：\n现将有关事项通知如下。"))
    assert report.decision is Decision.BLOCK
    assert report.error.code == "DETECTOR_FAILED" and "crashing" in report.error.message


def test_report_round_trips_and_offsets_hold(reviewer: Reviewer) -> None:
    report = reviewer.review_document(_doc("關於調整的通知\n身份證號：１１０１０１１９９００３０７１２３Ｘ\n"))
    again = Report.model_validate_json(report.to_json())
    assert again.schema_ == "mishen.report/1"
    for f in again.findings:
        assert again.span_text(f.part, f.start, f.end) == f.text
    assert report.document.script.value in ("traditional", "mixed")


def test_a_crash_after_reading_blocks_with_the_document_kept(reviewer: Reviewer, monkeypatch) -> None:
    def broken_policy(*args, **kwargs):
        raise ValueError("policy bug")

    monkeypatch.setattr("mishen.pipeline.evaluate", broken_policy)
    report = reviewer.review_document(_doc("关于开展检查的通知\n各单位：\n请自查。"))
    assert report.decision is Decision.BLOCK and report.error.code == "DETECTOR_FAILED"
    assert report.document.text.startswith("关于开展检查的通知")
    Report.model_validate_json(report.to_json())

"""`mishen scan` prints or writes reports and exits with the codes of the contract."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mishen.cli import app, exit_code, expand
from models import Decision, Report, ReportDocument, ReportError, Script

runner = CliRunner()

NOTICE = "关于开展安全检查的通知\n各科室：\n请于本周内完成自查。\n临江市青石县档案局\n2024年3月5日\n（此件主动公开）\n"


def _report(decision: Decision, error: str | None = None) -> Report:
    doc = ReportDocument(source="x.txt", sha256="", format="txt", text="", is_official_document=False,
                         script=Script.SIMPLIFIED)
    return Report(document=doc, decision=decision,
                  error=ReportError(code=error, message="…") if error else None)


@pytest.mark.parametrize(("decisions", "errors", "code"), [
    ([Decision.PASS], [None], 0),
    ([Decision.PASS, Decision.REVIEW], [None, None], 1),
    ([Decision.PASS, Decision.BLOCK], [None, None], 1),
    ([Decision.BLOCK], ["DETECTOR_FAILED"], 1),
    ([Decision.PASS, Decision.BLOCK], [None, "UNREADABLE"], 2),
])
def test_exit_code(decisions, errors, code) -> None:
    assert exit_code([_report(d, e) for d, e in zip(decisions, errors)]) == code


def test_expand_folders_recursively_by_extension(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    for name in ("a/1.docx", "2.pdf", "3.txt", "4.html", "skip.png", "5.expected.json"):
        (tmp_path / name).write_bytes(b"x")
    assert [p.name for p in expand([tmp_path])] == ["2.pdf", "3.txt", "4.html", "1.docx"]


def test_scan_json_lines_one_per_file_and_unreadable_exit_2(tmp_path: Path) -> None:
    good = tmp_path / "notice.txt"
    good.write_text(NOTICE, encoding="utf-8")
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"not a zip")
    result = runner.invoke(app, ["scan", str(good), str(bad), "--format", "json"])
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [r["document"]["source"] for r in lines] == ["notice.txt", "broken.docx"]
    assert lines[1]["decision"] == "block" and lines[1]["error"]["code"] == "UNREADABLE"
    assert lines[0]["document"]["text"] == NOTICE
    assert result.exit_code == 2


def test_scan_writes_html_reports_and_index(tmp_path: Path) -> None:
    src = tmp_path / "notice.txt"
    src.write_text(NOTICE, encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["scan", str(src), "--format", "html", "--out", str(out)])
    assert result.exit_code in (0, 1), result.output
    page = (out / "notice.txt.report.html").read_text(encoding="utf-8")
    assert "保密审查报告" in page and "关于开展安全检查的通知" in page
    assert "notice.txt.report.html" in (out / "index.html").read_text(encoding="utf-8")


def test_scan_text_is_a_chinese_summary(tmp_path: Path) -> None:
    src = tmp_path / "notice.txt"
    src.write_text(NOTICE, encoding="utf-8")
    result = runner.invoke(app, ["scan", str(src), "--format", "text"])
    assert "结论" in result.stdout and "notice.txt" in result.stdout


def test_scan_without_files_is_a_usage_error(tmp_path: Path) -> None:
    assert runner.invoke(app, ["scan", str(tmp_path)]).exit_code == 2

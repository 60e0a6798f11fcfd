"""summary.html / .csv / .xlsx: written together, self-contained, escaped, spreadsheet-safe."""
from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from mishen.batch.output import SUMMARY_FILES, write_summary
from mishen.batch.sheets import COLUMNS, safe_cell
from models import Decision
from tests.batch.conftest import row

ROWS = [
    row("ok.txt", Decision.PASS, declared="主动公开", suggested="主动公开"),
    row("<script>alert(1)</script>.txt", Decision.REVIEW, suggested="脱密后公开", findings=2,
        categories={"PERSON_NAME": 2}),
    row("=HYPERLINK(\"http://x\").txt", Decision.BLOCK, error_code="UNREADABLE", error_message="无法读取", report=None),
]


@pytest.fixture()
def written(tmp_path: Path) -> Path:
    write_summary(ROWS, tmp_path)
    return tmp_path


def test_all_three_files_are_written(written: Path) -> None:
    assert all((written / name).stat().st_size > 0 for name in SUMMARY_FILES)
    assert not list(written.glob(".*.tmp"))


def test_html_is_self_contained_escaped_and_chinese(written: Path) -> None:
    page = (written / "summary.html").read_text(encoding="utf-8")
    assert "<script" not in page and "&lt;script&gt;" in page
    assert not re.search(r"""(src|href)=["']?(https?:|//)""", page)      # nothing loaded from outside
    assert page.count("<svg") == 2 and "批量审查汇总" in page and "个人姓名" in page
    assert 'href="ok.txt.report.html"' in page
    first_row = page.index("=HYPERLINK"), page.index("&lt;script&gt;alert"), page.index("ok.txt.report.html\"")
    assert list(first_row) == sorted(first_row)                             # needing attention first


def test_csv_has_bom_header_and_defused_formulas(written: Path) -> None:
    raw = (written / "summary.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0] == COLUMNS and len(rows) == 4
    assert rows[1][0].startswith("'=HYPERLINK") and rows[1][1] == "禁止发布" and rows[1][9] == "无法读取"


def test_xlsx_sheets_and_values(written: Path) -> None:
    book = load_workbook(written / "summary.xlsx")
    assert book.sheetnames == ["逐份文件", "汇总", "问题类别"]
    docs = list(book["逐份文件"].iter_rows(values_only=True))
    assert list(docs[0]) == COLUMNS and docs[1][0].startswith("'=") and docs[1][1] == "禁止发布"
    assert book["逐份文件"]["A2"].data_type == "s"                             # text, not a formula
    totals = dict(book["汇总"].iter_rows(min_row=2, values_only=True))
    assert totals["文件总数"] == 3 and totals["需人工审查"] == 1 and totals["建议属性：脱密后公开"] == 1
    assert list(book["问题类别"].iter_rows(min_row=2, values_only=True)) == [("个人姓名", "个人信息", "PERSON_NAME", 1, 2)]


@pytest.mark.parametrize(("value", "expected"), [
    ("=1+1", "'=1+1"), ("+86", "'+86"), ("-x", "'-x"), ("@SUM(A1)", "'@SUM(A1)"), ("a=b", "a=b"), ("通知", "通知"),
    (3, 3), ("", ""),
])
def test_safe_cell(value: object, expected: object) -> None:
    assert safe_cell(value) == expected

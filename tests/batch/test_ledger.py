"""The ledger: append-only JSON lines, read back per detector version, robust to a line cut by a crash."""
from __future__ import annotations

from pathlib import Path

from mishen.batch.ledger import Ledger
from mishen.batch.results import Status, failed_result
from tests.batch.conftest import row


def test_reviewed_keeps_latest_row_of_the_version(tmp_path: Path) -> None:
    ledger = Ledger(tmp_path)
    ledger.append(row("a.txt", sha256="s1", findings=1, report=None))
    ledger.append(row("a.txt", sha256="s1", findings=2, report=None))
    ledger.append(row("b.txt", sha256="s2", detector_version="v2", report=None))
    ledger.append(failed_result("c.txt", OSError(), sha256="s3"))
    found = Ledger(tmp_path).reviewed("v1")
    assert set(found) == {"s1"} and found["s1"].findings == 2


def test_a_cut_line_is_ignored(tmp_path: Path) -> None:
    ledger = Ledger(tmp_path)
    ledger.append(row("a.txt", sha256="s1", report=None))
    with ledger.path.open("a", encoding="utf-8") as fh:
        fh.write('{"source": "b.txt", "sha256": "s2", "stat')
    assert set(ledger.reviewed("v1")) == {"s1"}


def test_no_ledger_no_results(tmp_path: Path) -> None:
    assert Ledger(tmp_path / "new").reviewed("v1") == {}


def test_skipped_rows_are_never_reviewed_results(tmp_path: Path) -> None:
    ledger = Ledger(tmp_path)
    ledger.append(row("a.txt", sha256="s1", status=Status.SKIPPED, report=None))
    assert ledger.reviewed("v1") == {}

"""`mishen batch`: arguments refused before Prefect starts, and the final summary it prints."""
from __future__ import annotations

from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from mishen.batch.console import print_summary
from mishen.cli import app
from models import Decision
from tests.batch.conftest import row


@pytest.mark.parametrize(("args", "message"), [
    (["--runner", "fork"], "--runner"),
    (["--workers", "0"], "--workers"),
])
def test_bad_options_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(app, ["batch", str(tmp_path), *args])
    assert result.exit_code == 2 and message in result.output


def test_missing_input_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["batch", str(tmp_path / "nowhere")])
    assert result.exit_code == 2 and "找不到" in result.output


def test_summary_lists_documents_needing_attention(tmp_path: Path) -> None:
    rows = [row("ok.txt"), row("names.txt", Decision.REVIEW, findings=3, suggested="脱密后公开"),
            row("broken.docx", Decision.BLOCK, error_code="UNREADABLE")]
    counts = {"total": 3, "pass": 1, "review": 1, "block": 1, "conflicts": 0, "errors": 1, "reviewed": 3, "skipped": 0}
    console = Console(record=True, width=150)
    print_summary(counts, rows, tmp_path, console)
    text = console.export_text()
    assert text.index("broken.docx") < text.index("names.txt") and "ok.txt" not in text
    assert "无法读取" in text and "summary.html" in text

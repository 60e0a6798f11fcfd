"""Folder walking, report names and the resumability check."""
from __future__ import annotations

from pathlib import Path

import pytest

from mishen.batch.ledger import Ledger
from mishen.batch.plan import collect, file_sha256, largest_first, make_plan, report_names
from mishen.batch.results import Status
from tests.batch.conftest import row


@pytest.mark.parametrize(("files", "expected"), [
    (["a.txt", "b.docx", "c.pdf", "d.html"], ["a.txt", "b.docx", "c.pdf", "d.html"]),
    (["x/y/z.TXT", "top.md"], ["top.md", "x/y/z.TXT"]),                   # recursive, extension case-insensitive
    (["a.py", "b.json", "c.doc", "d.txt.bak"], []),                        # not formats mishen reads
    (["a.txt.report.html", "summary.csv", "real.htm"], ["real.htm"]),      # our own reports are not inputs
])
def test_collect_walks_folders_by_extension(tmp_path: Path, files: list[str], expected: list[str]) -> None:
    for name in files:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x")
    assert [source for _, source in collect([tmp_path])] == expected


def test_collect_keeps_named_files_as_given(tmp_path: Path) -> None:
    named = tmp_path / "draft.bin"     # a file named explicitly is reviewed whatever its extension
    named.write_bytes(b"x")
    assert collect([named]) == [(named, "draft.bin")]


@pytest.mark.parametrize(("sources", "expected"), [
    (["a.txt"], ["a.txt.report.html"]),
    (["d/a.txt", "a.txt"], ["d__a.txt.report.html", "a.txt.report.html"]),
    (["a.txt", "a.txt"], ["a.txt.report.html", "a.txt-2.report.html"]),   # the same name twice (a list input)
    (["d__a.txt", "d/a.txt"], ["d__a.txt.report.html", "d__a.txt-2.report.html"]),
])
def test_report_names_are_flat_and_unique(sources: list[str], expected: list[str]) -> None:
    assert report_names(sources) == expected


def test_plan_skips_only_same_content_same_version_with_report(drafts: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    sha_a = file_sha256(drafts / "a.txt")
    sha_b = file_sha256(drafts / "sub" / "b.txt")
    ledger = Ledger(out)
    ledger.append(row("old-name.txt", sha256=sha_a, report="old.report.html"))
    (out / "old.report.html").write_text("report", encoding="utf-8")
    ledger.append(row("b.txt", sha256=sha_b, detector_version="v0", report="b.report.html"))   # older version
    (out / "b.report.html").write_text("report", encoding="utf-8")

    plan = make_plan([drafts], ledger.reviewed("v1"))

    assert [j.source for j in plan.jobs] == ["sub/b.txt"]
    assert plan.jobs[0].sha256 == sha_b and Path(plan.jobs[0].path).is_absolute()
    (skipped,) = plan.done
    assert (skipped.source, skipped.status, skipped.report) == ("a.txt", Status.SKIPPED, "old.report.html")
    assert plan.total == 2


def test_plan_reviews_again_when_the_report_file_is_gone(drafts: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    Ledger(out).append(row("a.txt", sha256=file_sha256(drafts / "a.txt"), report="gone.report.html"))
    plan = make_plan([drafts], Ledger(out).reviewed("v1"))
    assert sorted(j.source for j in plan.jobs) == ["a.txt", "sub/b.txt"]


def test_plan_turns_a_missing_file_into_an_error_item(tmp_path: Path) -> None:
    plan = make_plan([tmp_path / "nowhere.docx"], {})
    (failed,) = plan.done
    assert failed.status is Status.FAILED and failed.error_code == "BATCH_FAILED"
    assert "FileNotFoundError" in failed.error_message and not plan.jobs


def test_jobs_go_largest_first_with_name_order_for_ties(tmp_path: Path) -> None:
    sizes = {"a.txt": 10, "b.txt": 3000, "c.txt": 10, "d.txt": 200}
    for name, size in sizes.items():
        (tmp_path / name).write_text("x" * size, encoding="utf-8")
    plan = make_plan([tmp_path], {})
    assert [j.size for j in plan.jobs] == [10, 3000, 10, 200]            # the plan itself stays in name order
    assert [j.source for j in largest_first(plan.jobs)] == ["b.txt", "d.txt", "a.txt", "c.txt"]

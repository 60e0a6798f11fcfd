"""The review_batch flow on a real Prefect test server: every document accounted for, a failing file isolated,
results in the queue and the summary, nothing of the text in Prefect, a second run resumes."""
from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from mishen.batch.pool import prepared_pool, start_pool
from mishen.batch.progress import progress_hook
from mishen.batch.results import DocResult, Status
from mishen.review.store import Store
from tests.batch.conftest import DRAFT, MARKER, PLAIN
from tests.read.builders import make_docx


class Recorder:
    def __init__(self) -> None:
        self.plans: list[tuple[int, int]] = []
        self.rows: list[DocResult] = []

    def planned(self, total: int, to_review: int) -> None:
        self.plans.append((total, to_review))

    def finished(self, row: DocResult) -> None:
        self.rows.append(row)


def run(inputs: list[Path], out: Path, **options) -> tuple[dict[str, int], Recorder]:
    from flows.batch import run_batch

    recorder = Recorder()
    token = progress_hook.set(recorder)
    try:
        return run_batch(inputs, out, **options), recorder
    finally:
        progress_hook.reset(token)


def queue_size(url: str) -> int:
    store = Store(url)
    try:
        return store.counts()["all"]
    finally:
        store.close()


def prefect_files_with(marker: str) -> list[Path]:
    """Files of Prefect's test database and result storage that contain the marker (there must be none)."""
    from prefect.logging.handlers import APILogHandler
    from prefect.settings import PREFECT_API_DATABASE_CONNECTION_URL, PREFECT_HOME

    APILogHandler().flush()   # send the queued run logs, so the database holds them too
    database = Path(make_url(PREFECT_API_DATABASE_CONNECTION_URL.value()).database)
    files = [p for p in database.parent.glob(database.name + "*")] + list(Path(PREFECT_HOME.value()).rglob("*"))
    return [p for p in files if p.is_file() and marker.encode("utf-8") in p.read_bytes()]


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    drafts = tmp_path / "drafts"
    (drafts / "sub").mkdir(parents=True)
    (drafts / "a.txt").write_text(DRAFT, encoding="utf-8")
    (drafts / "sub" / "b.txt").write_text(PLAIN, encoding="utf-8")
    make_docx(drafts / "c.docx", DRAFT.splitlines())
    (drafts / "broken.docx").write_bytes(b"PK\x03\x04 truncated")
    (drafts / "d.txt").write_text(PLAIN.replace("植树", "义务植树"), encoding="utf-8")
    return drafts


def test_batch_threads_isolates_failures_fills_queue_and_resumes(prefect_server, folder: Path, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'queue.db'}"
    monkeypatch.setenv("MISHEN_DATABASE_URL", url)
    out = tmp_path / "out"
    (out / "d.txt.report.html").mkdir(parents=True)    # its report cannot be written: an I/O failure, retried

    counts, seen = run([folder], out, workers=2, runner="threads")

    assert seen.plans == [(5, 5)] and len(seen.rows) == 5
    assert counts == {"total": 5, "reviewed": 4, "skipped": 0, "errors": 2, "conflicts": counts["conflicts"],
                      "pass": counts["pass"], "review": counts["review"], "block": counts["block"]}
    assert counts["pass"] + counts["review"] + counts["block"] == 5
    failed = {r.source: r for r in seen.rows if r.is_error}
    assert failed["d.txt"].status is Status.FAILED and "IsADirectoryError" in failed["d.txt"].error_message
    assert failed["broken.docx"].error_code == "UNREADABLE"
    assert queue_size(url) == 4
    assert all((out / name).exists() for name in ("summary.html", "summary.csv", "summary.xlsx"))
    assert len((out / "review_ledger.jsonl").read_text(encoding="utf-8").splitlines()) == 4
    assert MARKER in (out / "a.txt.report.html").read_text(encoding="utf-8")
    assert prefect_files_with(MARKER) == []

    counts, seen = run([folder], out, workers=1, runner="threads")      # resumed: only the failed one again
    assert seen.plans == [(5, 1)] and counts["skipped"] == 4 and counts["reviewed"] == 0 and counts["errors"] == 2
    assert queue_size(url) == 4


@pytest.mark.slow
@pytest.mark.parametrize("runner", ["processes", "prefect-processes"])
def test_batch_on_worker_processes(prefect_server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                   runner: str) -> None:
    url = f"sqlite:///{tmp_path / 'queue.db'}"
    monkeypatch.setenv("MISHEN_DATABASE_URL", url)
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    for i in range(3):
        (drafts / f"n{i}.txt").write_text(PLAIN.replace("3月12日", f"3月{12 + i}日"), encoding="utf-8")
    counts, seen = run([drafts], tmp_path / "out", workers=2, runner=runner)
    assert counts["total"] == 3 and counts["errors"] == 0 and queue_size(url) == 3
    assert sorted(r.source for r in seen.rows) == ["n0.txt", "n1.txt", "n2.txt"]


@pytest.mark.slow
def test_batch_uses_the_pool_started_before_prefect(prefect_server, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'queue.db'}"
    monkeypatch.setenv("MISHEN_DATABASE_URL", url)
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "a.txt").write_text(DRAFT, encoding="utf-8")
    (drafts / "b.txt").write_text(PLAIN * 3, encoding="utf-8")
    out = tmp_path / "out"
    pool = start_pool("processes", 1, None, out)       # what `mishen batch` does before importing Prefect
    assert pool is not None
    token = prepared_pool.set(pool)
    try:
        counts, seen = run([drafts], out, workers=1, runner="processes")
        taken = pool.closed     # the flow took it (and closed it) instead of starting a pool of its own
    finally:
        prepared_pool.reset(token)
        pool.close()
    assert taken
    assert counts["total"] == 2 and counts["errors"] == 0 and queue_size(url) == 2
    assert sorted(r.source for r in seen.rows) == ["a.txt", "b.txt"]
    assert all((out / name).exists() for name in ("summary.html", "summary.csv", "summary.xlsx"))


@pytest.mark.slow
def test_batch_on_a_local_dask_cluster_of_two(prefect_server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("prefect_dask", reason="the optional extra mishen[dask] is not installed")
    url = f"sqlite:///{tmp_path / 'queue.db'}"
    monkeypatch.setenv("MISHEN_DATABASE_URL", url)
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "a.txt").write_text(DRAFT, encoding="utf-8")
    (drafts / "b.txt").write_text(PLAIN, encoding="utf-8")
    counts, seen = run([drafts], tmp_path / "out", workers=2, runner="dask")
    assert counts["total"] == 2 and counts["errors"] == 0 and queue_size(url) == 2
    assert MARKER not in "".join(r.model_dump_json() for r in seen.rows)

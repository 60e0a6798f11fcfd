"""One job end to end with the real Reviewer: report file, queue item, and a result that carries no text."""
from __future__ import annotations

from pathlib import Path

import pytest

from mishen.batch.plan import make_plan
from mishen.batch.results import Status, failed_result, result_of
from mishen.batch.worker import BatchConfig, prepare_queue, read_source, review_job, reviewer_for
from mishen.review.store import Store
from mishen.settings import Settings
from tests.batch.conftest import DRAFT, MARKER


@pytest.fixture()
def config(tmp_path: Path) -> BatchConfig:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'queue.db'}")
    prepare_queue(settings.database_url)
    return BatchConfig.build(settings, tmp_path / "out", "v-test")


def test_review_job_writes_report_enqueues_and_returns_counts(drafts: Path, config: BatchConfig) -> None:
    job = next(j for j in make_plan([drafts], {}).jobs if j.source == "a.txt")
    result = review_job(job, config)

    assert result.status is Status.REVIEWED and result.sha256 == job.sha256
    assert result.detector_version == "v-test" and result.chars == len(DRAFT)
    assert result.findings == sum(result.categories.values()) > 0
    assert "CN_ID_CARD" in result.categories
    assert MARKER not in result.model_dump_json() and "110101199003071234" not in result.model_dump_json()
    report = Path(config.out_dir) / job.report_name
    assert MARKER in report.read_text(encoding="utf-8")        # the HTML report is where the text belongs
    store = Store(config.settings().database_url)
    try:
        item = store.get_item(result.item_id)
    finally:
        store.close()
    assert item.sha256 == job.sha256 and item.summary.submitted_by == "batch"
    assert review_job(job, config).item_id == result.item_id    # the same content again: the same queue item


def test_an_unreadable_document_is_a_reviewed_error_item(tmp_path: Path, config: BatchConfig) -> None:
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    (job,) = make_plan([bad], {}).jobs
    result = review_job(job, config)
    assert result.error_code == "UNREADABLE" and result.is_error and result.decision.value == "block"
    assert result.item_id is not None and (Path(config.out_dir) / job.report_name).exists()


def test_worker_cache_builds_one_reviewer_per_settings(config: BatchConfig) -> None:
    first, lock = reviewer_for(config)
    assert reviewer_for(config)[0] is first
    other = BatchConfig(config.settings_json.replace('"max_pages":2000', '"max_pages":10'), config.out_dir, "v")
    assert reviewer_for(other)[0] is not first and reviewer_for(other)[0].settings.max_pages == 10


@pytest.mark.parametrize(("size", "limit", "loaded"), [(10, 100, True), (100, 100, True), (101, 100, False)])
def test_read_source_does_not_load_files_past_the_limit(tmp_path: Path, size: int, limit: int, loaded: bool) -> None:
    path = tmp_path / "f.txt"
    path.write_bytes(b"a" * size)
    assert (read_source(path, limit) is not None) is loaded


def test_read_source_lets_io_errors_through_for_retry(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        read_source(tmp_path / "gone.txt", 100)


def test_result_of_takes_labels_and_counts_only(reviewer, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(DRAFT, encoding="utf-8")
    report = reviewer.review_path(path)
    result = result_of(report, "a.txt", report.document.sha256, "v", 7, "a.txt.report.html")
    assert result.declared == "主动公开" and result.suggested == report.suggestion.attribute.value
    assert result.serious <= result.findings == len(report.findings)
    for finding in report.findings:
        assert finding.text not in result.model_dump_json()


def test_failed_result_names_the_exception_kind_only() -> None:
    result = failed_result("x.txt", PermissionError(13, "denied", "/secret/张伟明.txt"))
    assert "PermissionError" in result.error_message and "张伟明" not in result.model_dump_json()

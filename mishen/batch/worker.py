"""Review one batch job inside a worker (thread, process or Dask worker): read, review, report, enqueue.

Worker cache: building a Reviewer loads models and dictionaries (seconds), so each worker *process* keeps the
Reviewers it built (or found in the template it was forked from, mishen.forking) in ``_REVIEWERS``, keyed by the
settings they were built from, and its queue connections in
``_STORES`` (a new engine and connection per document cost more than the insert). These and the Reviewer of the
gate's review processes (mishen.review.processes) are the only module-level caches in mishen; they exist only in
worker processes (a process-pool or Dask worker has no other place to keep state between tasks); the CLI and the
tests build their own Reviewer. Threads of one process share a
Reviewer and take turns through its lock: detectors are not promised to be thread-safe, and Python threads give
no CPU parallelism anyway — use processes (or Dask) for that.
"""
from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path

from mishen.batch.plan import Job
from mishen.batch.results import DocResult, result_of
from mishen.forking import template_reviewer
from mishen.pipeline import Reviewer
from mishen.render.html import render_html
from mishen.review.store import Store
from mishen.settings import Settings
from models import Report

SUBMITTED_BY = "batch"

_REVIEWERS: dict[str, tuple[Reviewer, threading.Lock]] = {}
_STORES: dict[str, Store] = {}
_CACHE_LOCK = threading.Lock()


@dataclass(frozen=True)
class BatchConfig:
    """Everything a worker needs, picklable: the settings (as JSON), the output folder, the detector version."""
    settings_json: str
    out_dir: str
    detector_version: str

    @classmethod
    def build(cls, settings: Settings, out_dir: Path, detector_version: str) -> BatchConfig:
        return cls(settings.model_dump_json(exclude={"api_token"}), str(out_dir.resolve()), detector_version)

    def settings(self) -> Settings:
        return Settings.model_validate_json(self.settings_json)


def reviewer_for(config: BatchConfig) -> tuple[Reviewer, threading.Lock]:
    """This process's Reviewer for these settings, built on first use (see the module docstring)."""
    with _CACHE_LOCK:
        entry = _REVIEWERS.get(config.settings_json)
        if entry is None:
            reviewer = template_reviewer(config.settings_json) or Reviewer(config.settings())
            entry = (reviewer, threading.Lock())
            _REVIEWERS[config.settings_json] = entry
        return entry


def read_source(path: Path, max_bytes: int) -> bytes | None:
    """The file's bytes, or None when it is too large to load (the reviewer then reports it). OSError propagates:
    it is the I/O failure the task retries."""
    if path.stat().st_size > max_bytes:
        return None
    return path.read_bytes()


def review_job(job: Job, config: BatchConfig) -> DocResult:
    """Review one file, write its HTML report, put it in the queue; hand back ids and counts only."""
    reviewer, lock = reviewer_for(config)
    path = Path(job.path)
    data = read_source(path, reviewer.settings.max_file_bytes)
    with lock:
        report = reviewer.review_path(path) if data is None else reviewer.review_bytes(data, path.name)
    sha = report.document.sha256 or job.sha256
    write_report(report, Path(config.out_dir) / job.report_name)
    item_id = enqueue(report, reviewer.settings.database_url, sha)
    return result_of(report, job.source, sha, config.detector_version, item_id, job.report_name)


def write_report(report: Report, target: Path) -> None:
    """Write the HTML report atomically (a reader never sees half a file)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        tmp.write_text(render_html(report), encoding="utf-8")
        tmp.replace(target)
    finally:
        tmp.unlink(missing_ok=True)


def store_for(database_url: str) -> Store:
    """This process's queue store for ``database_url`` (see the module docstring); sessions are per call."""
    with _CACHE_LOCK:
        store = _STORES.get(database_url)
        if store is None:
            store = _STORES[database_url] = Store(database_url)
        return store


def enqueue(report: Report, database_url: str, sha256: str) -> int:
    """Submit into the reviewers' queue; the same content submitted again answers the existing item."""
    return store_for(database_url).submit(report, SUBMITTED_BY, content_sha256=sha256).item_id


def prepare_queue(database_url: str) -> None:
    """Bring the queue schema up to date once, before workers start submitting."""
    store = Store(database_url)
    try:
        store.migrate()
    finally:
        store.close()

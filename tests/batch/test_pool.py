"""The review pool: jobs reviewed in worker processes; a worker that dies fails its job alone, the pool recovers."""
from __future__ import annotations

import os
import signal
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

from mishen.batch.plan import make_plan
from mishen.batch.pool import ReviewPool, pool_for, prepared_pool, review_processes
from mishen.batch.results import Status
from mishen.batch.worker import BatchConfig, prepare_queue
from mishen.settings import Settings


def test_pool_reviews_and_survives_a_dead_worker(drafts: Path, tmp_path: Path) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'queue.db'}")
    prepare_queue(settings.database_url)
    config = BatchConfig.build(settings, tmp_path / "out", "v-test")
    first, second = make_plan([drafts], {}).jobs
    with ReviewPool(1, config) as pool:
        result = pool.review(first)
        assert result.status is Status.REVIEWED and result.item_id is not None
        for pid in list(pool._executor._processes):          # a reader crash takes the worker down
            os.kill(pid, signal.SIGKILL)
        with pytest.raises(BrokenProcessPool):
            pool.review(second)
        assert pool.review(second).source == second.source   # retried on a fresh worker


@pytest.mark.parametrize(("runner", "workers", "dask", "expected"), [
    ("auto", 1, None, 0), ("auto", 2, None, 2), ("auto", 2, "tcp://h:8786", 0), ("processes", 1, None, 1),
    ("threads", 4, None, 0), ("prefect-processes", 2, None, 0), ("dask", 2, None, 0),
])
def test_review_processes_follow_the_runner(runner: str, workers: int, dask: str | None, expected: int) -> None:
    assert review_processes(runner, workers, dask) == expected


def test_review_processes_reject_an_unknown_runner() -> None:
    with pytest.raises(ValueError, match="unknown task runner"):
        review_processes("celery", 2)


def test_a_prepared_pool_is_used_only_when_it_fits(tmp_path: Path) -> None:
    config = BatchConfig.build(Settings(), tmp_path / "out", "v-test")
    other = BatchConfig.build(Settings(), tmp_path / "elsewhere", "v-test")
    prepared = ReviewPool(1, config)             # no job submitted: no process is spawned
    token = prepared_pool.set(prepared)
    try:
        with pool_for(0, config) as pool:
            assert pool is None
        with pool_for(1, other) as pool:         # another output folder: a pool of its own
            assert pool is not prepared and not prepared.closed
        assert pool.closed
        with pool_for(2, config) as pool:        # another size
            assert pool is not prepared
        with pool_for(1, config) as pool:
            assert pool is prepared
        assert prepared.closed
        with pool_for(1, config) as pool:        # a closed pool is never handed out again
            assert pool is not prepared
    finally:
        prepared_pool.reset(token)


def test_a_warm_pool_spawns_its_workers_at_once_and_closes_cleanly(drafts: Path, tmp_path: Path) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'queue.db'}")
    prepare_queue(settings.database_url)
    config = BatchConfig.build(settings, tmp_path / "out", "v-test")
    pool = ReviewPool(2, config).warm()
    try:
        assert len(pool._executor._processes) == 2                    # both spawned before the first job
        jobs = make_plan([drafts], {}).jobs
        assert {pool.review(job).source for job in jobs} == {"a.txt", "sub/b.txt"}
    finally:
        pool.close_later()
        pool.close()
    assert pool.closed and not pool._executor._processes


def _queue_config(tmp_path: Path) -> BatchConfig:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'queue.db'}")
    prepare_queue(settings.database_url)
    return BatchConfig.build(settings, tmp_path / "out", "v-test")


def test_prefetched_jobs_answer_the_flow_from_their_first_review(drafts: Path, tmp_path: Path) -> None:
    jobs = make_plan([drafts], {}).jobs
    with ReviewPool(1, _queue_config(tmp_path)) as pool:
        pool.prefetch(jobs)
        ahead = dict(pool._ahead)
        assert set(ahead) == set(jobs)
        results = [pool.review(job) for job in jobs]
        assert not pool._ahead                                            # each handed out once
        assert results == [ahead[job][0].result() for job in jobs]        # not reviewed a second time
        assert all(r.status is Status.REVIEWED for r in results)


def test_only_the_first_jobs_are_prefetched(drafts: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr("mishen.batch.pool.PREFETCH", 1)
    jobs = make_plan([drafts], {}).jobs
    with ReviewPool(1, _queue_config(tmp_path)) as pool:
        pool.prefetch(jobs)
        assert list(pool._ahead) == jobs[:1]
        assert {pool.review(job).source for job in jobs} == {"a.txt", "sub/b.txt"}


@pytest.mark.parametrize("kill_before", [True, False])
def test_prefetched_jobs_survive_a_dead_worker(drafts: Path, tmp_path: Path, kill_before: bool) -> None:
    jobs = make_plan([drafts], {}).jobs
    with ReviewPool(1, _queue_config(tmp_path)) as pool:
        pool.warm()
        assert pool.review(jobs[0]).status is Status.REVIEWED             # the worker is up
        if not kill_before:
            pool.prefetch(jobs)
        for pid in list(pool._executor._processes):
            os.kill(pid, signal.SIGKILL)
        if kill_before:
            pool.prefetch(jobs)                                            # never raises
        assert [pool.review(job).status for job in jobs] == [Status.REVIEWED] * len(jobs)
        replaced = pool._executor
        assert pool.review(jobs[1]).status is Status.REVIEWED and pool._executor is replaced   # replaced once


def test_a_prefetched_job_cancelled_with_its_executor_is_reviewed_again(drafts: Path, tmp_path: Path) -> None:
    """Another job that broke the pool shut its executor down, cancelling what had not started: not an error."""
    jobs = make_plan([drafts], {}).jobs
    with ReviewPool(1, _queue_config(tmp_path)) as pool:
        cancelled: Future = Future()
        cancelled.cancel()
        pool._ahead[jobs[0]] = (cancelled, pool._executor)
        assert pool.review(jobs[0]).status is Status.REVIEWED

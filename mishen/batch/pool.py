"""A pool of review processes for the batch flow: each worker process builds one Reviewer (the worker cache of
mishen.batch.worker) and reviews the jobs Prefect's thread tasks hand it.

Why not Prefect's ProcessPoolTaskRunner alone: measured here (Prefect 3.8.8, 2 workers) it costs ~100 ms of wall
time per task even for a task that does nothing (context hydration and an events flush in the subprocess for every
task), i.e. 100 s per 1,000 documents, and every worker imports Prefect (~250 MB more per worker). Thread tasks
cost ~4 ms each; the CPU work goes to these processes, which import no Prefect.
"""
from __future__ import annotations

import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from mishen.batch.plan import Job
from mishen.batch.results import DocResult
from mishen.batch.worker import BatchConfig, review_job, reviewer_for


def _warm(config: BatchConfig) -> None:
    reviewer_for(config)   # build this worker's Reviewer once, before its first job


class ReviewPool:
    """``workers`` spawned processes; a worker that dies (a reader crash) is replaced and its job fails alone."""

    def __init__(self, workers: int, config: BatchConfig) -> None:
        self.workers = workers
        self.config = config
        self._lock = threading.Lock()
        self._executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_warm, initargs=(self.config,))

    def review(self, job: Job) -> DocResult:
        with self._lock:
            executor = self._executor
        try:
            return executor.submit(review_job, job, self.config).result()
        except BrokenProcessPool:
            with self._lock:
                if self._executor is executor:       # the first to notice replaces the pool
                    executor.shutdown(wait=False, cancel_futures=True)
                    self._executor = self._start()
            raise

    def close(self) -> None:
        with self._lock:
            self._executor.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> ReviewPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

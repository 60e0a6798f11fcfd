"""A pool of review processes for the batch flow: the workers are forked from a template that built the Reviewer
once (mishen.forking; the worker cache of mishen.batch.worker keeps it) and review the jobs Prefect's thread tasks
hand them.

Why not Prefect's ProcessPoolTaskRunner alone: measured here (Prefect 3.8.8, 2 workers) it costs ~100 ms of wall
time per task even for a task that does nothing (context hydration and an events flush in the subprocess for every
task), i.e. 100 s per 1,000 documents, and every worker imports Prefect (~250 MB more per worker). Thread tasks
cost ~4 ms each; the CPU work goes to these processes, which import no Prefect.

Start-up: building the template's Reviewer takes a few seconds, and so do importing Prefect and starting its
temporary server. `mishen batch` therefore starts the pool first (``ReviewPool.warm``) and hands it
to the flow through ``prepared_pool`` (a context variable, like the progress hook: flow parameters go to the
Prefect API), so that both happen at the same time. A flow run without a prepared pool starts its own. The
prepared pool also starts on the first ``PREFETCH`` jobs of the plan the flow will make (``prefetch``), whose
results wait for the flow's tasks: measured on 1,000 drafts, both workers were otherwise idle for ≈ 6 s while
Prefect's server started.
"""
from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from contextvars import ContextVar

from pathlib import Path

from mishen.batch.ledger import Ledger
from mishen.batch.plan import Job, largest_first, make_plan
from mishen.batch.results import DocResult
from mishen.batch.version import detector_version
from mishen.batch.worker import BatchConfig, prepare_queue, review_job, reviewer_for
from mishen.forking import start_worker, template_context
from mishen.settings import Settings

RUNNERS = ("auto", "threads", "processes", "prefect-processes", "dask")
PREFETCH = 48   # jobs started before the flow asks (largest first: ~15 s of review, the flow's start-up twice over)


def resolve_runner(kind: str, workers: int, dask_address: str | None = None) -> str:
    """The task runner ``auto`` stands for: dask with an address, threads for one worker, else processes."""
    if kind == "auto":
        return "dask" if dask_address else ("threads" if max(1, workers) == 1 else "processes")
    if kind not in RUNNERS:
        raise ValueError(f"unknown task runner {kind!r}; one of {', '.join(RUNNERS)}")
    return kind


def review_processes(kind: str, workers: int, dask_address: str | None = None) -> int:
    """How many review processes run behind the thread tasks (0: the tasks review in their own process)."""
    return max(1, workers) if resolve_runner(kind, workers, dask_address) == "processes" else 0


def per_process(settings: Settings, processes: int) -> Settings:
    """With several review processes, each gets its share of the cores for the name model (threads beyond that
    only wait for each other), unless MISHEN_MODEL_THREADS was set."""
    if processes < 2 or "MISHEN_MODEL_THREADS" in os.environ:
        return settings
    return settings.model_copy(update={"model_threads": max(1, (os.cpu_count() or 1) // processes)})


def batch_config(settings: Settings, processes: int, out_dir: Path) -> BatchConfig:
    """What the review processes of a batch get (the flow and ``start_pool`` build the same one)."""
    return BatchConfig.build(per_process(settings, processes), out_dir, detector_version(settings))


def start_pool(kind: str, workers: int, dask_address: str | None, out_dir: Path, inputs: list[Path] | None = None,
               force: bool = False) -> ReviewPool | None:
    """The review pool a `mishen batch` run will use, already starting (None when the runner has none); given the
    run's ``inputs``, already reviewing the first jobs of the plan the flow will make of them (the same call)."""
    processes = review_processes(kind, workers, dask_address)
    if processes == 0:
        return None
    settings = Settings()
    pool = ReviewPool(processes, batch_config(settings, processes, out_dir)).warm()
    if inputs:
        version = detector_version(settings)
        plan = make_plan(inputs, {} if force else Ledger(out_dir).reviewed(version))
        if plan.jobs:
            prepare_queue(settings.database_url)
            pool.prefetch(largest_first(plan.jobs))
    return pool


def _warm(config: BatchConfig) -> None:
    start_worker()
    reviewer_for(config)   # this worker's Reviewer (the template's), before its first job


def _ready() -> int:
    return os.getpid()


class ReviewPool:
    """``workers`` forked processes; a worker that dies (a reader crash) is replaced and its job fails alone."""

    def __init__(self, workers: int, config: BatchConfig) -> None:
        self.workers = workers
        self.config = config
        self._lock = threading.Lock()
        self._closing: threading.Thread | None = None
        self._executor = self._start()
        self._ahead: dict[Job, tuple[Future, ProcessPoolExecutor]] = {}   # jobs started before the flow asked

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=template_context(self.config.settings_json),
                                   initializer=_warm, initargs=(self.config,))

    def warm(self) -> ReviewPool:
        """Start every worker now (the executor starts one per submitted job) so that the template loads its
        Reviewer while the caller does something else; answers the pool."""
        with self._lock:
            for _ in range(self.workers):
                self._executor.submit(_ready)
        return self

    @property
    def closed(self) -> bool:
        return self._closing is not None

    def prefetch(self, jobs: list[Job]) -> None:
        """Start reviewing the first ``PREFETCH`` of ``jobs`` now; ``review`` of one of them answers its result."""
        with self._lock:
            for job in jobs[:PREFETCH]:
                try:
                    self._ahead[job] = (self._executor.submit(review_job, job, self.config), self._executor)
                except BrokenProcessPool:   # a worker died already: the flow's tasks review these as usual
                    return

    def review(self, job: Job) -> DocResult:
        with self._lock:
            ahead = self._ahead.pop(job, None)
        if ahead is not None:
            future, started_on = ahead
            try:
                return future.result()
            except BrokenProcessPool:   # a worker died under it: this job is reviewed again below
                self._replace(started_on)
            except CancelledError:      # its executor was shut down after another job broke it: the same
                pass
        with self._lock:
            executor = self._executor
        try:
            return executor.submit(review_job, job, self.config).result()
        except BrokenProcessPool:
            self._replace(executor)
            raise

    def _replace(self, executor: ProcessPoolExecutor) -> None:
        with self._lock:
            if self._executor is executor and self._closing is None:   # the first to notice replaces it
                executor.shutdown(wait=False, cancel_futures=True)
                self._executor = self._start()

    def close_later(self) -> None:
        """Start stopping the workers without waiting (they take a second or so to exit): the caller goes on,
        e.g. writes the summary, and ``close`` waits for them."""
        with self._lock:
            if self._closing is None:
                executor = self._executor
                self._closing = threading.Thread(target=executor.shutdown, kwargs={"cancel_futures": True},
                                                 name="review-pool-close", daemon=True)
                self._closing.start()

    def close(self) -> None:
        """Stop the workers and wait for them to exit; closing again does nothing more."""
        self.close_later()
        assert self._closing is not None
        self._closing.join()

    def __enter__(self) -> ReviewPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


prepared_pool: ContextVar[ReviewPool | None] = ContextVar("mishen_batch_pool", default=None)


@contextmanager
def pool_for(processes: int, config: BatchConfig) -> Iterator[ReviewPool | None]:
    """The review pool of one flow run: the prepared one when it fits (same size, same configuration, still
    open), else a new one; None for no review processes. The pool is closed when the block ends."""
    if processes <= 0:
        yield None
        return
    ready = prepared_pool.get()
    pool = ready if (ready is not None and not ready.closed and ready.workers == processes
                     and ready.config == config) else ReviewPool(processes, config)
    try:
        yield pool
    finally:
        pool.close()

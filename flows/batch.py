"""review_batch: a Prefect flow over a folder (recursive, by extension) or a list of files.

Thin by design: planning, reviewing, the ledger and the summary are library calls in mishen.batch. One task per
document, fanned out with ``.map()`` on a configurable task runner. Tasks return a DocResult (ids and counts,
never text or findings), persist nothing (``persist_result=False``, ``cache_policy=NONE``) and log no text.
Retries are for I/O only; a document whose task still fails becomes an error item and the batch goes on.

Call ``mishen.batch.prefect_env.configure_prefect`` before importing this module (the CLI does).
"""
from __future__ import annotations

import os
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from prefect import flow, get_run_logger, task, unmapped
from prefect.cache_policies import NONE
from prefect.futures import PrefectFuture, as_completed
from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner
from sqlalchemy.exc import OperationalError

from mishen.batch.ledger import Ledger
from mishen.batch.output import write_summary
from mishen.batch.plan import Job, largest_first, make_plan
from mishen.batch.pool import ReviewPool, per_process, pool_for, resolve_runner, review_processes
from mishen.batch.progress import ProgressHook, current_hook
from mishen.batch.results import DocResult, failed_result
from mishen.batch.version import detector_version
from mishen.batch.worker import BatchConfig, prepare_queue, review_job
from mishen.settings import Settings

# File system and database hiccups, and a review process that died (its job is retried on a fresh worker);
# never an exception of the review itself.
RETRYABLE = (OSError, OperationalError, BrokenProcessPool)


def io_only(task, task_run, state) -> bool:
    """Retry condition: the task failed on I/O (reading the file, writing the report, the queue database)."""
    try:
        state.result()
    except RETRYABLE:
        return True
    except BaseException:  # noqa: BLE001 - anything else is not retried
        return False
    return False


def make_runner(kind: str = "auto", workers: int = 1, dask_address: str | None = None) -> tuple[TaskRunner, int]:
    """The task runner and the number of review processes (0: tasks review in their own process).

    threads: one process, reviews take turns; processes: thread tasks handing the reviews to ``workers`` forked
    processes (the fast local choice); prefect-processes: Prefect's ProcessPoolTaskRunner (~100 ms per task);
    dask: a Dask cluster (``dask_address``) or a local one of ``workers`` single-threaded processes."""
    workers = max(1, workers)
    kind = resolve_runner(kind, workers, dask_address)
    if kind == "threads":
        return ThreadPoolTaskRunner(max_workers=workers), 0
    if kind == "processes":
        return ThreadPoolTaskRunner(max_workers=2 * workers), review_processes(kind, workers)
    if kind == "prefect-processes":
        return ProcessPoolTaskRunner(max_workers=workers), 0
    if kind == "dask":
        from prefect_dask import DaskTaskRunner  # the optional extra mishen[dask]

        if dask_address:
            return DaskTaskRunner(address=dask_address), 0
        return DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True,
                                              "dashboard_address": None}), 0
    raise AssertionError(kind)   # resolve_runner answers a known runner or raises


def runner_from_env() -> tuple[TaskRunner, int]:
    """The default of the module-level flow (what served deployments use): MISHEN_BATCH_RUNNER,
    MISHEN_BATCH_WORKERS, MISHEN_DASK_ADDRESS."""
    return make_runner(os.environ.get("MISHEN_BATCH_RUNNER", "auto"), int(os.environ.get("MISHEN_BATCH_WORKERS", "1")),
                       os.environ.get("MISHEN_DASK_ADDRESS") or None)


@task(name="review-document", retries=2, retry_delay_seconds=[1, 2], retry_condition_fn=io_only,
      persist_result=False, cache_policy=NONE, log_prints=False)
def review_document(job: Job, config: BatchConfig, pool: ReviewPool | None = None) -> DocResult:
    return pool.review(job) if pool is not None else review_job(job, config)


@flow(name="mishen-review-batch", persist_result=False, log_prints=False, task_runner=runner_from_env()[0])
def review_batch(inputs: list[str], out_dir: str = "out", force: bool = False,
                 processes: int | None = None) -> dict[str, int]:
    """Review every document of the inputs, put each in the queue, write the summary; answers counts.
    ``processes``: review processes behind the thread tasks (None: from MISHEN_BATCH_*; 0: none)."""
    settings = Settings()
    out = Path(out_dir)
    version = detector_version(settings)
    ledger = Ledger(out)
    plan = make_plan([Path(p) for p in inputs], {} if force else ledger.reviewed(version))
    logger = get_run_logger()
    logger.info("文件 %d 份，需审查 %d 份，检测版本 %s", plan.total, len(plan.jobs), version)
    hook = current_hook()
    hook.planned(plan.total, len(plan.jobs))
    rows = list(plan.done)
    for row in plan.done:
        hook.finished(row)
    processes = runner_from_env()[1] if processes is None else processes
    config = BatchConfig.build(per_process(settings, processes), out, version)
    with pool_for(processes if plan.jobs else 0, config) as pool:
        if plan.jobs:
            prepare_queue(settings.database_url)
            jobs = largest_first(plan.jobs)
            futures = review_document.map(jobs, config=unmapped(config), pool=unmapped(pool))
            rows += collect(futures, jobs, ledger, hook)
        if pool is not None:
            pool.close_later()            # the review processes exit while the summary is written
        summary = write_summary(rows, out)
    counts = {"total": summary.total, "reviewed": summary.reviewed, "skipped": summary.skipped,
              "errors": summary.errors, "conflicts": summary.conflicts,
              **{d.value: n for d, n in summary.by_decision.items()}}
    logger.info("完成：%s", counts)
    return counts


def collect(futures: list[PrefectFuture], jobs: list[Job], ledger: Ledger, hook: ProgressHook) -> list[DocResult]:
    """Results as they complete; a failed task becomes an error item. Reviewed documents go to the ledger."""
    job_of = {future.task_run_id: job for future, job in zip(futures, jobs)}
    rows: list[DocResult] = []
    for future in as_completed(futures):
        job = job_of[future.task_run_id]
        result = future.result(raise_on_failure=False)
        if isinstance(result, DocResult):
            ledger.append(result)
            row = result
        else:
            row = failed_result(job.source, result if isinstance(result, BaseException) else None, job.sha256)
        rows.append(row)
        hook.finished(row)
    return rows


def run_batch(inputs: list[Path], out_dir: Path, workers: int = 1, runner: str = "auto",
              dask_address: str | None = None, force: bool = False) -> dict[str, int]:
    """Run the flow with the chosen task runner (what `mishen batch` calls)."""
    task_runner, processes = make_runner(runner, workers, dask_address)
    chosen = review_batch.with_options(task_runner=task_runner)
    return chosen(inputs=[str(p) for p in inputs], out_dir=str(out_dir), force=force, processes=processes)

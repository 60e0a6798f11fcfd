"""What `mishen batch` shows: a progress bar while the flow runs, then the totals and the documents needing
attention. Prefect is configured and imported here, lazily, never on the `mishen scan` path."""
from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from mishen.batch.pool import prepared_pool, start_pool
from mishen.batch.prefect_env import configure_prefect
from mishen.batch.progress import progress_hook
from mishen.batch.results import DocResult
from mishen.render.labels import DECISION_LABELS, ERROR_LABELS
from models import Decision

SHOWN = 15   # documents listed at the end, needing attention first


class ProgressBar:
    """The flow's progress hook drawn with rich (the flow calls it from its own thread of control)."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.task = progress.add_task("准备中（启动 Prefect、列出文件）", total=None)
        self.rows: list[DocResult] = []

    def planned(self, total: int, to_review: int) -> None:
        self.progress.update(self.task, total=total,
                             description=f"审查中（{to_review} 份需审查，{total - to_review} 份沿用此前结果）")

    def finished(self, row: DocResult) -> None:
        self.rows.append(row)
        self.progress.advance(self.task)


def run_batch_command(inputs: list[Path], out: Path, workers: int, runner: str, dask_address: str | None,
                      force: bool, console: Console) -> int:
    """Run the flow with a progress bar; print the summary; answer the exit status (as `mishen scan`)."""
    configure_prefect(out, quiet=True)
    # The review processes start first: they load their engine and review the first documents while Prefect is
    # imported and its server starts.
    pool = start_pool(runner, workers, dask_address, out, inputs, force)
    pool_token = prepared_pool.set(pool)
    try:
        from flows.batch import run_batch  # imports Prefect (2 s): only here

        columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
        with Progress(*columns, console=console, transient=False) as progress:
            bar = ProgressBar(progress)
            token = progress_hook.set(bar)
            try:
                counts = run_batch(inputs, out, workers=workers, runner=runner, dask_address=dask_address,
                                   force=force)
            finally:
                progress_hook.reset(token)
    finally:
        prepared_pool.reset(pool_token)
        if pool is not None:
            pool.close()
    print_summary(counts, bar.rows, out, console)
    if counts["errors"]:
        return 2
    return 0 if counts["total"] == counts[Decision.PASS.value] else 1


def print_summary(counts: dict[str, int], rows: list[DocResult], out: Path, console: Console) -> None:
    totals = Table(title="批量审查结果", title_justify="left")
    for column in ("文件", "可发布", "需审查", "禁止发布", "不一致", "出错", "本次", "沿用"):
        totals.add_column(column, justify="right")
    totals.add_row(*(str(counts[k]) for k in ("total", "pass", "review", "block", "conflicts", "errors", "reviewed",
                                                "skipped")))
    console.print(totals)
    attention = [r for r in sorted(rows, key=lambda r: r.attention) if r.decision is not Decision.PASS][:SHOWN]
    if attention:
        table = Table(title=f"需关注的文件（前 {len(attention)} 份）", title_justify="left")
        for column in ("文件", "结论", "建议属性", "问题数", "错误"):
            table.add_column(column)
        for r in attention:
            error = ERROR_LABELS.get(r.error_code, r.error_code) if r.error_code else ""
            table.add_row(r.source, DECISION_LABELS[r.decision], r.suggested or "—", str(r.findings), error)
        console.print(table)
    console.print(f"汇总报告：{(out / 'summary.html').resolve()}（另有 summary.csv、summary.xlsx）")

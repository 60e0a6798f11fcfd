"""How the flow tells a caller (the CLI's progress bar) what it is doing, without putting a callable into the
flow's parameters (those go to the Prefect API). The caller sets a hook in a context variable for the duration of
the run; without one, nothing is reported."""
from __future__ import annotations

from contextvars import ContextVar
from typing import Protocol

from mishen.batch.results import DocResult


class ProgressHook(Protocol):
    def planned(self, total: int, to_review: int) -> None: ...

    def finished(self, row: DocResult) -> None: ...


class _Silent:
    def planned(self, total: int, to_review: int) -> None:
        pass

    def finished(self, row: DocResult) -> None:
        pass


progress_hook: ContextVar[ProgressHook] = ContextVar("mishen_batch_progress", default=_Silent())


def current_hook() -> ProgressHook:
    """The hook of this run. (A function, so that code using it never holds the ContextVar itself: Prefect pickles
    a flow's function by value for process-pool workers, and a ContextVar cannot be pickled.)"""
    return progress_hook.get()

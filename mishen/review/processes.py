"""The review processes of `mishen serve --workers N`: one server process (HTTP, web UI, store, report cache)
hands every review to N review processes, forked from a template process that loaded the Reviewer once
(mishen.forking): they share its memory copy-on-write, start in milliseconds, and a dead one is replaced as fast.

Why not N uvicorn workers: each worker keeps the connections it accepted, and keep-alive clients are not spread
evenly — with one shared listening socket the first worker to wake accepted a whole burst (10 clients: 45 of 50
requests on one worker), with SO_REUSEPORT the kernel spreads them at random (10 clients: 5/5 to 8/2), and the
gate's p95 follows the busier worker. Here a review goes to a process by the page, whatever the connection.

Routing: each process has its own queue (its executor's). A page goes to its own process (its URL's hash), where
the per-chunk cache holds its unchanged paragraphs, unless that process has more than ``SLACK`` reviews in hand
beyond the least busy one; then to the least busy. Sending every review to whichever process was free first made
half of the re-checked pages meet a process that had never seen them (measured: 24.8 ms a re-checked 5k page
instead of 17.1 with the page's own process).

Worker state: each process keeps its Reviewer in ``_REVIEWER`` (the only place a worker process can keep it between
calls, as in mishen.batch.worker). Review processes die with the fork server, which ends with the server, so a
server killed with SIGKILL leaves no orphan holding memory."""
from __future__ import annotations

import asyncio
import functools
import logging
import os
import threading
import zlib
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from mishen.forking import start_worker, template_context, template_reviewer
from mishen.pipeline import Reviewer
from mishen.review.config import ServiceSettings
from models import Report

log = logging.getLogger(__name__)
SLACK = 1          # reviews in hand a page's own process may have beyond the least busy one and still get it
_REVIEWER: Reviewer | None = None


class ReviewProcesses:
    """``count`` review processes behind one ``review``; ``parallel`` reviews run at once, the rest wait in the
    processes' queues. ``_in_hand[i]`` counts the reviews given to process i and not finished (abandoned ones
    included: they still take its time)."""

    def __init__(self, count: int, settings: ServiceSettings) -> None:
        self.parallel = count
        if "model_threads" not in settings.model_fields_set:
            settings = settings.model_copy(update={"model_threads": 1})   # one process per core
        self._settings_json = settings.model_dump_json(exclude={"api_token", "secret_key"})
        self._lock = threading.Lock()
        self._executors: list[ProcessPoolExecutor | None] = [None] * count   # made on first use
        self._in_hand = [0] * count

    def _executor(self, index: int) -> ProcessPoolExecutor:
        """Process ``index``'s executor (callers hold the lock); the first one starts the template (mishen.forking),
        each process starts with its first job."""
        executor = self._executors[index]
        if executor is None:
            context = template_context(self._settings_json)
            executor = ProcessPoolExecutor(1, mp_context=context, initializer=_initialize,
                                           initargs=(self._settings_json,))
            self._executors[index] = executor
        return executor

    def warm(self) -> None:
        """Start the template (it builds the Reviewer, a few seconds) and every review process before the first
        request."""
        with self._lock:
            futures = [self._executor(i).submit(os.getpid) for i in range(self.parallel)]
        for future in futures:
            future.result()

    def pick(self, affinity: str | None) -> int:
        """The process for the next review (callers hold the lock): the page's own unless it is more than
        ``SLACK`` reviews busier than the least busy, which then gets it."""
        fewest = min(self._in_hand)
        own = zlib.crc32(affinity.encode("utf-8")) % self.parallel if affinity else 0
        return own if self._in_hand[own] <= fewest + SLACK else self._in_hand.index(fewest)

    async def review(self, data: bytes, name: str, affinity: str | None = None) -> Report:
        """The report, from the process ``pick`` chose. Cancelled while queued, the review is dropped; cancelled
        while running, it finishes unseen. A dead process is replaced and this request fails (never a pass)."""
        index, executor, future = self._submit(data, name, affinity)
        try:
            return await asyncio.wrap_future(future)
        except BrokenProcessPool:
            with self._lock:
                self._replace_locked(index, executor)
            raise

    def _submit(self, data: bytes, name: str, affinity: str | None) -> tuple[int, ProcessPoolExecutor, Future]:
        with self._lock:
            index = self.pick(affinity)
            executor = self._executor(index)
            self._in_hand[index] += 1
            try:
                future = executor.submit(_review, data, name)
            except BrokenProcessPool:   # died since its last review: this one cannot run either
                self._in_hand[index] -= 1
                self._replace_locked(index, executor)
                raise
        future.add_done_callback(functools.partial(self._finished, index, executor))
        return index, executor, future

    def _finished(self, index: int, executor: ProcessPoolExecutor, _: Future) -> None:
        with self._lock:
            if self._executors[index] is executor:   # a replaced process's count was reset already
                self._in_hand[index] -= 1

    def _replace_locked(self, index: int, executor: ProcessPoolExecutor) -> None:
        if self._executors[index] is executor:      # the first request to see the death replaces it
            log.error("review process %d died; starting a new one", index)
            executor.shutdown(wait=False, cancel_futures=True)
            self._executors[index] = None    # the next review starts a new process, forked in milliseconds
            self._in_hand[index] = 0

    def close(self) -> None:
        for executor in self._executors:
            if executor is not None:
                executor.shutdown(wait=True, cancel_futures=True)


def _initialize(settings_json: str) -> None:
    start_worker()
    global _REVIEWER
    _REVIEWER = template_reviewer(settings_json) or Reviewer(ServiceSettings.model_validate_json(settings_json))


def _review(data: bytes, name: str) -> Report:
    if _REVIEWER is None:
        raise RuntimeError("review process without a Reviewer")
    return _REVIEWER.review_bytes(data, name)

"""The review processes of `mishen serve --workers N`: one server process (HTTP, web UI, store, report cache)
hands every review to N review processes, forked from a template process that loaded the Reviewer once
(multiprocessing's fork server with ``mishen.review.template`` as its preload): they share its memory
copy-on-write, start in milliseconds, and a dead one is replaced as fast.

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
calls, as in mishen.batch.worker). Review processes die with the fork server (Linux PR_SET_PDEATHSIG), which exits
when the server's end of its pipe closes, so a server killed with SIGKILL leaves no orphan holding memory."""
from __future__ import annotations

import asyncio
import ctypes
import functools
import logging
import multiprocessing
import multiprocessing.forkserver
import os
import signal
import sys
import threading
import zlib
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from mishen.pipeline import Reviewer
from mishen.review.config import ServiceSettings
from models import Report

log = logging.getLogger(__name__)
PR_SET_PDEATHSIG = 1
SETTINGS_ENV = "MISHEN_REVIEW_PROCESS_SETTINGS"   # the template's settings (JSON, secrets excluded)
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
        self._context = multiprocessing.get_context("forkserver")
        self._lock = threading.Lock()
        self._executors = [self._start() for _ in range(count)]
        self._in_hand = [0] * count

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(1, mp_context=self._context, initializer=_initialize,
                                   initargs=(self._settings_json,))

    def warm(self) -> None:
        """Start the template (it builds the Reviewer, a few seconds) and every review process before the first
        request. The fork server is one per server process (multiprocessing's): its preload and settings are
        set here, before it starts; it keeps them if it is restarted."""
        os.environ[SETTINGS_ENV] = self._settings_json
        self._context.set_forkserver_preload(["mishen.review.template"])
        multiprocessing.forkserver.ensure_running()
        for future in [executor.submit(os.getpid) for executor in self._executors]:
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
            executor = self._executors[index]
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
            self._executors[index] = self._start()
            self._in_hand[index] = 0

    def close(self) -> None:
        for executor in self._executors:
            executor.shutdown(wait=True, cancel_futures=True)


def _initialize(settings_json: str) -> None:
    _release_fork_server()
    _end_with_parent()
    global _REVIEWER
    template = sys.modules.get("mishen.review.template")   # forked from the template: its Reviewer, shared
    _REVIEWER = getattr(template, "REVIEWER", None) or Reviewer(ServiceSettings.model_validate_json(settings_json))


def _review(data: bytes, name: str) -> Report:
    if _REVIEWER is None:
        raise RuntimeError("review process without a Reviewer")
    return _REVIEWER.review_bytes(data, name)


def _release_fork_server() -> None:
    """Close this process's copy of the fork server's "alive" pipe. multiprocessing hands every process the fork
    server starts the write end of the pipe whose closing tells the fork server that the server died (so that a
    process could start processes of its own); while review processes held it, the fork server outlived a
    killed server and, through PDEATHSIG, so did they (multiprocessing keeps it as a private attribute)."""
    server = getattr(multiprocessing.forkserver, "_forkserver", None)
    fd = getattr(server, "_forkserver_alive_fd", None)
    if fd is None:
        return
    try:
        os.close(fd)
    except OSError:
        pass
    server._forkserver_alive_fd = None


def _end_with_parent() -> None:
    """This process is killed when its parent (the fork server, which ends with the server) dies, even by
    SIGKILL: no orphan review processes."""
    if not sys.platform.startswith("linux"):
        return
    parent = os.getppid()
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if parent == 1 or os.getppid() != parent:  # the parent died before prctl took effect
        os.kill(os.getpid(), signal.SIGKILL)

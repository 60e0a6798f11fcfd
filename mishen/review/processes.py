"""The review processes of `mishen serve --workers N`: one server process (HTTP, web UI, store, report cache)
hands every review to N review processes, forked from a template process that loaded the Reviewer once
(mishen.forking): they share its memory copy-on-write, start in milliseconds, and a dead one is replaced as fast.

Why not N uvicorn workers: each worker keeps the connections it accepted, and keep-alive clients are not spread
evenly — with one shared listening socket the first worker to wake accepted a whole burst (10 clients: 45 of 50
requests on one worker), with SO_REUSEPORT the kernel spreads them at random (10 clients: 5/5 to 8/2), and the
gate's p95 follows the busier worker. Here a review goes to a process by the page, whatever the connection.

Routing: one queue for all processes, each reviewing one page at a time. A process that frees up takes, of the
next ``LOOKAHEAD`` waiting reviews, the first whose page it reviewed last (its per-chunk cache holds that page's
unchanged paragraphs), else the one that has waited longest; a review that finds a process free takes its page's
last process if that one is free. Sending every review to whichever process was free first made half of the
re-checked pages meet a process that had never seen them (measured: 24.8 ms a re-checked 5k page instead of 17.1
with the page's own process); a queue per process (pages by their URL, up to one review of imbalance) kept the
pages on their processes but made queues uneven: re-checked p95 at 10 clients 239 ms at a p50 of 63.

Worker state: each process keeps its Reviewer in ``_REVIEWER`` (the only place a worker process can keep it between
calls, as in mishen.batch.worker). Review processes die with the fork server, which ends with the server, so a
server killed with SIGKILL leaves no orphan holding memory."""
from __future__ import annotations

import asyncio
import contextlib
import hashlib
import itertools
import logging
import os
import threading
from collections import OrderedDict, deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from mishen.forking import start_worker, template_context, template_reviewer
from mishen.pipeline import Reviewer
from mishen.review.config import ServiceSettings
from models import Report

log = logging.getLogger(__name__)
LOOKAHEAD = 3      # waiting reviews a free process looks through for a page it reviewed last
PAGES_REMEMBERED = 100_000   # pages whose last process is remembered (a 16-byte digest and an index each)
_REVIEWER: Reviewer | None = None


class ReviewProcesses:
    """``count`` review processes behind one ``review``; each reviews one page at a time and the others wait here,
    in one queue (see the module docstring for who goes first). Everything but ``warm`` and ``close`` runs on the
    server's event loop: the queue needs no lock."""

    def __init__(self, count: int, settings: ServiceSettings) -> None:
        self.parallel = count
        if "model_threads" not in settings.model_fields_set:
            settings = settings.model_copy(update={"model_threads": 1})   # one process per core
        self._settings_json = settings.model_dump_json(exclude={"api_token", "secret_key"})
        self._lock = threading.Lock()   # the executors: warm and close may run off the event loop
        self._executors: list[ProcessPoolExecutor | None] = [None] * count   # made on first use
        self._busy = [False] * count    # a review (perhaps an abandoned one) is running in the process
        self._waiting: deque[tuple[asyncio.Future, int | None]] = deque()   # (its turn, its page's last process)
        self._last: OrderedDict[bytes, int] = OrderedDict()   # digest of a page's affinity -> its last process

    def _executor(self, index: int) -> ProcessPoolExecutor:
        """Process ``index``'s executor; the first one starts the template (mishen.forking), each process starts
        with its first job."""
        with self._lock:
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
        for future in [self._executor(i).submit(os.getpid) for i in range(self.parallel)]:
            future.result()

    async def review(self, data: bytes, name: str, affinity: str | None = None) -> Report:
        """The report, from the process ``turn`` gives. Cancelled while waiting, the review never runs; cancelled
        while running, it finishes unseen (its process stays busy until then). A dead process is replaced and
        this request fails (never a pass)."""
        key = _digest(affinity)
        index = await self.turn(key)
        loop = asyncio.get_running_loop()
        executor = None
        try:
            executor = self._executor(index)
            future = executor.submit(_review, data, name)
        except BaseException as exc:   # nothing will run: the process is free again
            if isinstance(exc, BrokenProcessPool) and executor is not None:   # died since its last review
                self._replace(index, executor)
            self.release(index)
            raise
        future.add_done_callback(lambda _: loop.call_soon_threadsafe(self.release, index))
        self._remember(key, index)
        try:
            return await asyncio.wrap_future(future)
        except BrokenProcessPool:
            self._replace(index, executor)
            raise

    async def turn(self, key: bytes | None) -> int:
        """A process for a review of the page ``key``: at once if one is free (the page's last process if that one
        is), else when one frees up."""
        waiter = asyncio.get_running_loop().create_future()
        entry = (waiter, self._last.get(key) if key is not None else None)
        self._waiting.append(entry)
        self._dispatch()
        try:
            return await waiter
        except asyncio.CancelledError:
            if waiter.done() and not waiter.cancelled():
                self.release(waiter.result())   # handed a process at the moment it gave up: pass it on
            else:
                with contextlib.suppress(ValueError):   # a dispatch may have dropped it already
                    self._waiting.remove(entry)
            raise

    def release(self, index: int) -> None:
        """Process ``index`` has finished a review."""
        self._busy[index] = False
        self._dispatch()

    def _dispatch(self) -> None:
        """Hand the free processes to waiting reviews: first, each free process to the first of the next
        ``LOOKAHEAD`` waiting reviews whose page it reviewed last; then the rest to the longest waiting."""
        self._waiting = deque(entry for entry in self._waiting if not entry[0].done())   # those given up go
        free = [i for i, busy in enumerate(self._busy) if not busy]
        for index in list(free):
            entry = next((e for e in itertools.islice(self._waiting, LOOKAHEAD) if e[1] == index), None)
            if entry is not None:
                self._give(index, entry)
                free.remove(index)
        for index in free:
            if not self._waiting:
                break
            self._give(index, self._waiting[0])

    def _give(self, index: int, entry: tuple[asyncio.Future, int | None]) -> None:
        self._waiting.remove(entry)
        self._busy[index] = True
        entry[0].set_result(index)

    def _remember(self, key: bytes | None, index: int) -> None:
        if key is None:
            return
        self._last[key] = index
        self._last.move_to_end(key)
        if len(self._last) > PAGES_REMEMBERED:
            self._last.popitem(last=False)

    def _replace(self, index: int, executor: ProcessPoolExecutor) -> None:
        with self._lock:
            if self._executors[index] is executor:      # the first request to see the death replaces it
                log.error("review process %d died; starting a new one", index)
                executor.shutdown(wait=False, cancel_futures=True)
                self._executors[index] = None    # the next review starts a new process, forked in milliseconds

    def close(self) -> None:
        for executor in self._executors:
            if executor is not None:
                executor.shutdown(wait=True, cancel_futures=True)


def _digest(affinity: str | None) -> bytes | None:
    return hashlib.blake2b(affinity.encode("utf-8"), digest_size=16).digest() if affinity else None


def _initialize(settings_json: str) -> None:
    start_worker()
    global _REVIEWER
    _REVIEWER = template_reviewer(settings_json) or Reviewer(ServiceSettings.model_validate_json(settings_json))


def _review(data: bytes, name: str) -> Report:
    if _REVIEWER is None:
        raise RuntimeError("review process without a Reviewer")
    return _REVIEWER.review_bytes(data, name)

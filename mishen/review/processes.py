"""The review processes of `mishen serve --workers N`: one server process (HTTP, web UI, store, report cache)
hands every review to N review processes, forked from a template process that loaded the Reviewer once
(mishen.forking): they share its memory copy-on-write, start in milliseconds, and a dead one is replaced as fast.

Why not N uvicorn workers: each worker keeps the connections it accepted, and keep-alive clients are not spread
evenly — with one shared listening socket the first worker to wake accepted a whole burst (10 clients: 45 of 50
requests on one worker), with SO_REUSEPORT the kernel spreads them at random (10 clients: 5/5 to 8/2), and the
gate's p95 follows the busier worker. Here a review goes to a process by the page, whatever the connection.

Routing: one queue for all processes. A process that frees up takes, of the next ``LOOKAHEAD`` waiting reviews, the
first whose page it reviewed last (its per-chunk cache holds that page's unchanged paragraphs), else the one that has
waited longest; a review that finds a process free takes its page's last process if that one is free. When no process
is free, a process may hold a second review behind the one it runs (``DEPTH``), already in its pipe, so that it starts
the next page the moment it finishes instead of waiting for its answer to reach the server and the server's next
hand-over to come back: with one review a process, 8–10% of both cores sat idle between reviews at 10 clients (new
5k pages 96–107 → 112–113 requests/s, re-checked 164 → 186–192, measured back to back). A review is never queued
behind a big document (``PIPELINE_BYTES``): that one waits here for whichever process frees first.

Sending every review to whichever process was free first made half of the re-checked pages meet a process that had
never seen them (measured: 24.8 ms a re-checked 5k page instead of 17.1 with the page's own process); a queue per
process (pages by their URL, up to one review of imbalance) kept the pages on their processes but made queues uneven:
re-checked p95 at 10 clients 239 ms at a p50 of 63.

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
from typing import NamedTuple

from mishen.forking import start_worker, template_context, template_reviewer
from mishen.pipeline import Reviewer
from mishen.review.config import ServiceSettings
from mishen.review.reviewed import Reviewed

log = logging.getLogger(__name__)
LOOKAHEAD = 3      # waiting reviews a free process looks through for a page it reviewed last
DEPTH = 2          # reviews a process holds at once: the one it runs and the next, already in its pipe
PIPELINE_BYTES = 256 * 1024   # no review is queued in a process that holds a document bigger than this
PAGES_REMEMBERED = 100_000   # pages whose last process is remembered (a 16-byte digest and an index each)
_REVIEWER: Reviewer | None = None


class Waiting(NamedTuple):
    turn: asyncio.Future      # set to the process index when the review may go
    last: int | None          # the process that last reviewed its page
    big: bool                 # a document over PIPELINE_BYTES


class ReviewProcesses:
    """``count`` review processes behind one ``review``; each runs one review at a time and holds at most ``depth``,
    the others wait here, in one queue (see the module docstring for who goes first). Everything but ``warm`` and
    ``close`` runs on the server's event loop: the queue needs no lock."""

    def __init__(self, count: int, settings: ServiceSettings, depth: int = DEPTH) -> None:
        self.parallel = count
        self.depth = depth
        if "model_threads" not in settings.model_fields_set:
            settings = settings.model_copy(update={"model_threads": 1})   # one process per core
        self._settings_json = settings.model_dump_json(exclude={"api_token", "secret_key"})
        self._lock = threading.Lock()   # the executors: warm and close may run off the event loop
        self._executors: list[ProcessPoolExecutor | None] = [None] * count   # made on first use
        self._load = [0] * count        # reviews (perhaps abandoned ones) running or queued in each process
        self._big = [0] * count         # of those, documents over PIPELINE_BYTES
        self._waiting: deque[Waiting] = deque()
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

    async def review(self, data: bytes, name: str, affinity: str | None = None) -> Reviewed:
        """The review, from the process ``turn`` gives. Cancelled while waiting, the review never runs; cancelled
        while running, it finishes unseen (its process stays busy until then). A dead process is replaced and
        this request fails (never a pass)."""
        key = _digest(affinity)
        big = len(data) > PIPELINE_BYTES
        index = await self.turn(key, big)
        loop = asyncio.get_running_loop()
        executor = None
        try:
            executor = self._executor(index)
            future = executor.submit(_review, data, name)
        except BaseException as exc:   # nothing will run: the process is free again
            if isinstance(exc, BrokenProcessPool) and executor is not None:   # died since its last review
                self._replace(index, executor)
            self.release(index, big)
            raise
        future.add_done_callback(lambda _: loop.call_soon_threadsafe(self.release, index, big))
        self._remember(key, index)
        try:
            return await asyncio.wrap_future(future)
        except BrokenProcessPool:
            self._replace(index, executor)
            raise

    async def turn(self, key: bytes | None, big: bool = False) -> int:
        """A process for a review of the page ``key``: at once if one is free (the page's last process if that one
        is) or can queue it (see ``_dispatch``), else when one frees up. ``big``: a document over PIPELINE_BYTES."""
        waiter = asyncio.get_running_loop().create_future()
        entry = Waiting(waiter, self._last.get(key) if key is not None else None, big)
        self._waiting.append(entry)
        self._dispatch()
        try:
            return await waiter
        except asyncio.CancelledError:
            if waiter.done() and not waiter.cancelled():
                self.release(waiter.result(), big)   # handed a process at the moment it gave up: pass it on
            else:
                with contextlib.suppress(ValueError):   # a dispatch may have dropped it already
                    self._waiting.remove(entry)
            raise

    def release(self, index: int, big: bool = False) -> None:
        """Process ``index`` has finished a review (of a document over PIPELINE_BYTES if ``big``)."""
        self._load[index] -= 1
        self._big[index] -= big
        self._dispatch()

    def _dispatch(self) -> None:
        """Hand processes to waiting reviews, idle processes first: each to the first of the next ``LOOKAHEAD``
        waiting reviews whose page it reviewed last, then to the longest waiting. Then, up to ``depth`` reviews a
        process, the same again with the processes that hold no big document."""
        self._waiting = deque(entry for entry in self._waiting if not entry.turn.done())   # those given up go
        for depth in range(1, self.depth + 1):
            open_ = [i for i in range(self.parallel) if self._load[i] < depth and (depth == 1 or not self._big[i])]
            for index in list(open_):
                entry = next((e for e in itertools.islice(self._waiting, LOOKAHEAD) if e.last == index), None)
                if entry is not None:
                    self._give(index, entry)
                    open_.remove(index)
            for index in open_:
                if not self._waiting:
                    return
                self._give(index, self._waiting[0])

    def _give(self, index: int, entry: Waiting) -> None:
        self._waiting.remove(entry)
        self._load[index] += 1
        self._big[index] += entry.big
        entry.turn.set_result(index)

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


def _review(data: bytes, name: str) -> Reviewed:
    if _REVIEWER is None:
        raise RuntimeError("review process without a Reviewer")
    return Reviewed.of(_REVIEWER.review_bytes(data, name))

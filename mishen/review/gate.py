"""The CMS pre-publish gate: review a page, say whether it may be published. Fails closed."""
from __future__ import annotations

import hashlib
import json
import logging
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass

import anyio
import anyio.to_thread
from starlette.concurrency import run_in_threadpool

from mishen.batch.version import detector_version
from mishen.pipeline import Reviewer
from mishen.review.config import ServiceSettings
from mishen.review.inputs import Submission
from mishen.review.processes import ReviewProcesses
from mishen.review.reviewed import Reviewed, publishable
from mishen.review.store import Store
from mishen.review.views import StoreError
from models import SCHEMA, Decision, Report

log = logging.getLogger(__name__)


def may_publish(report: Report) -> bool:
    return publishable(report.decision, report.error is not None)


def refusal(code: str, message: str) -> dict:
    """The body of every failed gate call: never a publish, always the reason."""
    return {"schema": SCHEMA, "publish": False, "decision": Decision.BLOCK.value,
            "error": {"code": code, "message": message}}


@dataclass
class GateAnswer:
    status: int
    body: bytes


CacheKey = tuple[str, str, str]
HASH_INLINE_BYTES = 1 << 20   # larger bodies are hashed in a thread, off the event loop


class ReportCache:
    """Reviews of pages this process already reviewed, by (sha256 of the bytes, name, detector version): an LRU
    bounded in entries and in characters of report text. Memory only, never written anywhere; a report with an
    error is never kept (a failure is retried, not remembered). What it keeps cannot be changed (``Reviewed`` is
    frozen and holds its report as bytes), so nothing is copied in or out. The name is part of the key because it
    decides the format and is the report's ``source``."""

    def __init__(self, entries: int, chars: int, version: str) -> None:
        self.entries = entries
        self.chars = chars
        self.version = version
        self._kept: OrderedDict[CacheKey, Reviewed] = OrderedDict()
        self._size = 0

    @classmethod
    def of(cls, settings: ServiceSettings) -> ReportCache:
        """A cache for the engine built from ``settings``: its version covers the package, the policy file in
        effect and every detector file (mishen.batch.version), so a changed detector never answers from it."""
        try:
            version = detector_version(settings)
        except Exception as exc:  # no version, no cache: every page is reviewed
            log.warning("gate cache disabled, no detector version: %s", type(exc).__name__)
            return cls(0, 0, "")
        return cls(settings.gate_cache_entries, settings.gate_cache_chars, version)

    @property
    def enabled(self) -> bool:
        return self.entries > 0 and self.chars > 0

    def __len__(self) -> int:
        return len(self._kept)

    def key(self, digest: str, name: str) -> CacheKey:
        return digest, name, self.version

    def get(self, key: CacheKey) -> Reviewed | None:
        found = self._kept.get(key)
        if found is not None:
            self._kept.move_to_end(key)
        return found

    def put(self, key: CacheKey, reviewed: Reviewed) -> None:
        if not self.enabled or reviewed.failed or reviewed.weight > self.chars:
            return
        old = self._kept.pop(key, None)
        if old is not None:
            self._size -= old.weight
        self._kept[key] = reviewed
        self._size += reviewed.weight
        while len(self._kept) > self.entries or self._size > self.chars:
            _, dropped = self._kept.popitem(last=False)
            self._size -= dropped.weight


class Engine:
    """One Reviewer per process, or the review processes of `mishen serve --workers N`. With a Reviewer, reviews
    run one at a time in a worker thread within a time limit: a review holds the GIL most of the time, so two at
    once in one process would only slow both down; waiting requests wait in the event loop (a capacity limiter of
    one), not in threads, so the thread pool stays free for the database and the web UI. With review processes,
    a review waits in the review processes' one queue and is awaited, no thread held (see ReviewProcesses). A
    re-submitted identical page answers from the report cache without waiting at all."""

    def __init__(self, reviewer: Reviewer | ReviewProcesses | None, store: Store | None, timeout_s: float,
                 cache: ReportCache | None = None) -> None:
        self.reviewer = reviewer
        self.store = store
        self.timeout_s = timeout_s
        self.cache = cache if cache is not None else ReportCache(0, 0, "")
        self._lock = threading.Lock()  # also holds off reviews while an abandoned one still runs in its thread
        self._turn = anyio.CapacityLimiter(1)

    async def review(self, submission: Submission) -> Reviewed:
        """The review of ``submission``. From the cache, its timings are ``{"cache": ms, "total": ms}``: the time
        this answer took, not the time of the review that made it; everything else is that review's report."""
        if self.reviewer is None:
            raise StoreError("ENGINE_UNAVAILABLE", "审查引擎未能启动")
        started = time.perf_counter()
        key = await self._key(submission)
        if key is not None and (cached := self.cache.get(key)) is not None:
            elapsed = round((time.perf_counter() - started) * 1000, 2)
            return cached.timed({"cache": elapsed, "total": elapsed})
        with anyio.fail_after(self.timeout_s):
            if isinstance(self.reviewer, ReviewProcesses):
                reviewed = await self.reviewer.review(submission.data, submission.name,
                                                      submission.url or submission.lineage or submission.name)
            else:  # an abandoned review finishes in its thread, unseen
                deadline = time.monotonic() + self.timeout_s
                reviewed = await anyio.to_thread.run_sync(self._review, submission, deadline,
                                                          abandon_on_cancel=True, limiter=self._turn)
        if key is not None:
            self.cache.put(key, reviewed)
        return reviewed

    async def _key(self, submission: Submission) -> CacheKey | None:
        if not self.cache.enabled:
            return None
        if len(submission.data) < HASH_INLINE_BYTES:
            digest = hashlib.sha256(submission.data).hexdigest()
        else:
            digest = await anyio.to_thread.run_sync(lambda: hashlib.sha256(submission.data).hexdigest())
        return self.cache.key(digest, submission.name)

    def _review(self, submission: Submission, deadline: float) -> Reviewed:
        if not self._lock.acquire(timeout=max(0.0, deadline - time.monotonic())):
            raise TimeoutError  # an abandoned review still holds the engine past this request's time
        try:
            if time.monotonic() >= deadline:
                raise TimeoutError  # nobody waits for this answer any more: do not spend the CPU on it
            return Reviewed.of(self.reviewer.review_bytes(submission.data, submission.name))
        finally:
            self._lock.release()

    def require_store(self) -> Store:
        if self.store is None:
            raise StoreError("DATABASE_UNAVAILABLE", "审查数据库不可用")
        return self.store


async def gate(engine: Engine, submission: Submission, actor: str) -> GateAnswer:
    """Review, record the answer in the audit trail (no record, no publish), optionally enqueue."""
    try:
        reviewed = await engine.review(submission)
    except TimeoutError:
        return refused(503, "TIMEOUT", "审查超时，暂不允许发布")
    except StoreError as exc:
        return refused(503, exc.code, exc.message)
    except Exception as exc:
        log.error("gate review failed: %s", type(exc).__name__)
        return refused(503, "INTERNAL", "审查出错，暂不允许发布")
    publish = reviewed.publish
    sha = reviewed.sha256 or hashlib.sha256(submission.data).hexdigest()
    try:
        item_id = await run_in_threadpool(_record, engine, reviewed, submission, actor, sha, publish)
    except StoreError as exc:
        return refused(503, exc.code, exc.message)
    except Exception as exc:
        log.error("gate could not record its answer: %s", type(exc).__name__)
        return refused(503, "DATABASE_UNAVAILABLE", "审查记录无法保存，暂不允许发布")
    return GateAnswer(200, reviewed.json(publish=publish, item_id=item_id))


def refused(status: int, code: str, message: str) -> GateAnswer:
    return GateAnswer(status, json.dumps(refusal(code, message), ensure_ascii=False).encode("utf-8"))


def _record(engine: Engine, reviewed: Reviewed, submission: Submission, actor: str, sha: str,
            publish: bool) -> int | None:
    """The audit event of the answer, and the queue item when asked for: its id."""
    store = engine.require_store()
    item_id = None
    if submission.enqueue:
        item_id = store.submit(reviewed.report(), actor, submission.lineage or _url_lineage(submission), sha).item_id
    store.record_event(actor, "gate", item_id, None, None,
                       {"sha256": sha, "decision": reviewed.decision.value, "publish": publish,
                        "url": (submission.url or "")[:300]})
    return item_id


def _url_lineage(submission: Submission) -> str | None:
    return f"url:{submission.url}" if submission.url else None

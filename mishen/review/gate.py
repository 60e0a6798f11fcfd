"""The CMS pre-publish gate: review a page, say whether it may be published. Fails closed."""
from __future__ import annotations

import hashlib
import json
import logging
import threading
from dataclasses import dataclass

import anyio
import anyio.to_thread
from starlette.concurrency import run_in_threadpool

from mishen.pipeline import Reviewer
from mishen.review.inputs import Submission
from mishen.review.store import Store
from mishen.review.views import StoreError
from models import SCHEMA, Decision, Report

log = logging.getLogger(__name__)


def may_publish(report: Report) -> bool:
    """Only a report decided ``pass`` without any error lets a page go out."""
    return report.decision is Decision.PASS and report.error is None


def refusal(code: str, message: str) -> dict:
    """The body of every failed gate call: never a publish, always the reason."""
    return {"schema": SCHEMA, "publish": False, "decision": Decision.BLOCK.value,
            "error": {"code": code, "message": message}}


@dataclass
class GateAnswer:
    status: int
    body: dict


class Engine:
    """One Reviewer per app; reviews run in a worker thread, one at a time, within a time limit."""

    def __init__(self, reviewer: Reviewer | None, store: Store | None, timeout_s: float) -> None:
        self.reviewer = reviewer
        self.store = store
        self.timeout_s = timeout_s
        self._lock = threading.Lock()

    async def review(self, submission: Submission) -> Report:
        if self.reviewer is None:
            raise StoreError("ENGINE_UNAVAILABLE", "审查引擎未能启动")
        with anyio.fail_after(self.timeout_s):  # an abandoned review finishes in its thread, unseen
            return await anyio.to_thread.run_sync(self._review, submission, abandon_on_cancel=True)

    def _review(self, submission: Submission) -> Report:
        with self._lock:
            return self.reviewer.review_bytes(submission.data, submission.name)

    def require_store(self) -> Store:
        if self.store is None:
            raise StoreError("DATABASE_UNAVAILABLE", "审查数据库不可用")
        return self.store


async def gate(engine: Engine, submission: Submission, actor: str) -> GateAnswer:
    """Review, record the answer in the audit trail (no record, no publish), optionally enqueue."""
    try:
        report = await engine.review(submission)
    except TimeoutError:
        return GateAnswer(503, refusal("TIMEOUT", "审查超时，暂不允许发布"))
    except StoreError as exc:
        return GateAnswer(503, refusal(exc.code, exc.message))
    except Exception as exc:
        log.error("gate review failed: %s", type(exc).__name__)
        return GateAnswer(503, refusal("INTERNAL", "审查出错，暂不允许发布"))
    publish = may_publish(report)
    sha = report.document.sha256 or hashlib.sha256(submission.data).hexdigest()
    try:
        body = await run_in_threadpool(_record, engine, report, submission, actor, sha, publish)
    except StoreError as exc:
        return GateAnswer(503, refusal(exc.code, exc.message))
    except Exception as exc:
        log.error("gate could not record its answer: %s", type(exc).__name__)
        return GateAnswer(503, refusal("DATABASE_UNAVAILABLE", "审查记录无法保存，暂不允许发布"))
    return GateAnswer(200, body)


def _record(engine: Engine, report: Report, submission: Submission, actor: str, sha: str, publish: bool) -> dict:
    store = engine.require_store()
    item_id = None
    if submission.enqueue:
        item_id = store.submit(report, actor, submission.lineage or _url_lineage(submission), sha).item_id
    store.record_event(actor, "gate", item_id, None, None,
                       {"sha256": sha, "decision": report.decision.value, "publish": publish,
                        "url": (submission.url or "")[:300]})
    body = json.loads(report.to_json())
    body["publish"] = publish
    body["item_id"] = item_id
    return body


def _url_lineage(submission: Submission) -> str | None:
    return f"url:{submission.url}" if submission.url else None

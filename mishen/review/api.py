"""HTTP API (CONTRACT.md): the gate, submission into the queue, a queue item. Bearer token only."""
from __future__ import annotations

import hashlib
import logging

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from sqlalchemy.exc import SQLAlchemyError
from starlette.concurrency import run_in_threadpool

from mishen.review.gate import Engine, gate, refusal
from mishen.review.inputs import REQUEST_BODY, read_submission
from mishen.review.security import tokens_match
from mishen.review.views import Item, StoreError

log = logging.getLogger(__name__)

router = APIRouter(prefix="/api/v1", tags=["api"])
ACTOR = "api"
ERROR_STATUS = {"NOT_FOUND": 404, "BAD_REQUEST": 400, "TOO_LARGE": 413}


def _engine(request: Request) -> Engine:
    return request.app.state.engine


def _authorized(request: Request) -> bool:
    expected = request.app.state.settings.api_token
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    return bool(expected) and scheme.lower() == "bearer" and tokens_match(expected, token.strip())


def _unauthorized(request: Request) -> JSONResponse:
    configured = bool(request.app.state.settings.api_token)
    message = "缺少或错误的访问令牌" if configured else "服务未配置 API 令牌（MISHEN_API_TOKEN），拒绝一切调用"
    return JSONResponse(refusal("UNAUTHORIZED", message), status_code=401, headers={"WWW-Authenticate": "Bearer"})


@router.post("/gate", summary="发布前审查（CMS 调用）", openapi_extra={"requestBody": REQUEST_BODY},
             responses={200: {"description": "审查报告（mishen.report/1）加 publish"},
                        401: {"description": "未授权；publish 为 false"},
                        503: {"description": "出错；publish 为 false，附 error"}})
async def gate_route(request: Request) -> Response:
    """Fails closed: every answer that is not a clean pass carries ``publish: false``."""
    try:
        if not _authorized(request):
            return _unauthorized(request)
        engine = _engine(request)
        submission = await read_submission(request, request.app.state.settings.max_file_bytes)
        answer = await gate(engine, submission, ACTOR)
        return Response(answer.body, status_code=answer.status, media_type="application/json")
    except StoreError as exc:
        return JSONResponse(refusal(exc.code, exc.message), status_code=ERROR_STATUS.get(exc.code, 503))
    except Exception:  # anything at all: no publish
        return JSONResponse(refusal("INTERNAL", "审查出错，暂不允许发布"), status_code=503)


@router.post("/documents", summary="提交文件进入审查队列", openapi_extra={"requestBody": REQUEST_BODY})
async def submit_route(request: Request) -> JSONResponse:
    if not _authorized(request):
        return _unauthorized(request)
    try:
        engine = _engine(request)
        submission = await read_submission(request, request.app.state.settings.max_file_bytes)
        reviewed = await engine.review(submission)
        store = engine.require_store()
        sha = reviewed.sha256 or hashlib.sha256(submission.data).hexdigest()
        lineage = submission.lineage or (f"url:{submission.url}" if submission.url else None)
        result = await run_in_threadpool(store.submit, reviewed.report(), ACTOR, lineage, sha)
    except StoreError as exc:
        return _error(exc)
    except TimeoutError:
        return _error(StoreError("TIMEOUT", "审查超时"))
    except SQLAlchemyError as exc:  # locked or gone database: a clear answer, never a bare 500
        log.warning("queue submission failed: %s", type(exc).__name__)
        return _error(StoreError("DATABASE_UNAVAILABLE", "审查数据库不可用，请稍后重新提交"))
    body = {"id": result.item_id, "created": result.created, "decision": reviewed.decision.value}
    return JSONResponse(body, status_code=201 if result.created else 200)


@router.get("/items/{item_id}", summary="审查事项：报告、状态与审查记录")
async def item_route(item_id: int, request: Request) -> JSONResponse:
    if not _authorized(request):
        return _unauthorized(request)
    try:
        store = _engine(request).require_store()
        item = await run_in_threadpool(store.get_item, item_id)
    except StoreError as exc:
        return _error(exc)
    return JSONResponse(item_json(item))


def _error(exc: StoreError) -> JSONResponse:
    return JSONResponse({"error": {"code": exc.code, "message": exc.message}},
                        status_code=ERROR_STATUS.get(exc.code, 503))


def item_json(item: Item) -> dict:
    s = item.summary
    return {
        "id": s.id, "status": s.status.value, "claimed_by": s.claimed_by, "lineage": item.lineage,
        "sha256": item.sha256, "source": s.source, "title": s.title, "submitted_by": s.submitted_by,
        "received_at": s.received_at.isoformat(), "due": s.due.isoformat() if s.due else None,
        "overdue": s.overdue, "decision": s.decision, "suggested_attribute": s.suggested_attribute,
        "final_attribute": s.final_attribute, "opinion": s.opinion, "basis": item.basis, "reason": item.reason,
        "decided_by": item.decided_by, "decided_at": item.decided_at.isoformat() if item.decided_at else None,
        "findings": [{"id": f.finding.id, "category": f.finding.category.value, "span_sha256": f.span_sha256,
                      "verdict": f.verdict.value if f.verdict else None, "decided_by": f.decided_by}
                     for f in item.findings],
        "history": [{"at": e.at.isoformat(), "actor": e.actor, "action": e.action, "target": e.target,
                     "before": e.before, "after": e.after} for e in item.history],
        "report": item.report.model_dump(mode="json", by_alias=True),
    }

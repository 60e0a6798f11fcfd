"""Downloads: the 保密审查记录 (.docx) and the 台账 (.xlsx) for reviewers and admins; the page script."""
from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from mishen.review import exports
from mishen.review.views import Role, StoreError
from mishen.review.web import attachment
from mishen.review.web_auth import Forbidden, current_user, store_of

router = APIRouter(include_in_schema=False)
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SCRIPT = Path(__file__).parent / "static" / "review.js"


@router.get("/static/review.js")
async def script(request: Request) -> Response:
    """The item page's keyboard shortcuts (same origin: the CSP allows script-src 'self' only)."""
    await current_user(request)
    return Response(SCRIPT.read_bytes(), media_type="text/javascript; charset=utf-8")


@router.get("/items/{item_id}/record.docx")
async def review_record(item_id: int, request: Request) -> Response:
    await current_user(request, Role.REVIEWER, Role.ADMIN)
    store = store_of(request)
    try:
        item = await run_in_threadpool(store.get_item, item_id)
    except StoreError:
        raise Forbidden("没有这个审查事项") from None
    data = await run_in_threadpool(exports.review_record_docx, item)
    return Response(data, media_type=DOCX, headers={"content-disposition": attachment(f"保密审查记录-{item_id}.docx")})


@router.get("/ledger.xlsx")
async def ledger(request: Request) -> Response:
    user = await current_user(request, Role.REVIEWER, Role.ADMIN)
    store = store_of(request)
    items = await run_in_threadpool(lambda: store.list_items(user, limit=100_000))
    data = await run_in_threadpool(exports.ledger_xlsx, items)
    return Response(data, media_type=XLSX, headers={"content-disposition": attachment("保密审查台账.xlsx")})

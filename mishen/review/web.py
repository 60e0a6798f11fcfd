"""Reviewer UI pages: the queue, one item with its highlighted text, decisions and the final opinion."""
from __future__ import annotations

import hashlib
import logging
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from mishen.render.highlight import segments
from mishen.review import publish
from mishen.review.inputs import Submission
from mishen.review.views import FinalOpinion, Item, Role, Status, StoreError, User, Verdict
from mishen.review.web_auth import (
    Forbidden, checked_form, current_user, flash, redirect, render, store_of,
)
from mishen.review.store_spans import ADDABLE_RULES
from models import Attribute, Category, Decision, Opinion

log = logging.getLogger(__name__)
router = APIRouter(include_in_schema=False)
DECIDERS = (Role.REVIEWER, Role.ADMIN)
SPAN_GROUPS = ("personal_data", "secret", "internal_marker")  # findings whose bounds a reviewer may move
FILTERS = {"status": [s.value for s in Status], "attribute": [a.value for a in Attribute],
           "decision": [d.value for d in Decision], "opinion": [o.value for o in Opinion]}


@router.get("/")
async def queue(request: Request) -> Response:
    user = await current_user(request)
    chosen = {k: v for k in FILTERS if (v := request.query_params.get(k)) in FILTERS[k]}
    overdue = request.query_params.get("overdue") == "1"
    store = store_of(request)
    items = await run_in_threadpool(lambda: store.list_items(user, overdue=overdue, **chosen))
    counts = await run_in_threadpool(store.counts, user)
    return render(request, "queue.html", user=user, items=items, counts=counts, chosen=chosen, overdue=overdue,
                  filters=FILTERS)


@router.post("/submit")
async def submit(request: Request) -> Response:
    user = await current_user(request)
    form = await checked_form(request)
    upload = form.get("file")
    if upload is None or isinstance(upload, str) or not upload.filename:
        flash(request, "请选择要提交的文件")
        return redirect("/")
    limit = request.app.state.settings.max_file_bytes
    data = await upload.read(limit + 1)
    if len(data) > limit:
        flash(request, "文件过大")
        return redirect("/")
    name = upload.filename.replace("\\", "/").rsplit("/", 1)[-1][:200]
    engine = request.app.state.engine
    try:
        report = (await engine.review(Submission(data, name))).report()
    except TimeoutError:
        flash(request, "审查超时，请稍后重试")
        return redirect("/")
    sha = report.document.sha256 or hashlib.sha256(data).hexdigest()
    lineage = form.get("lineage") if isinstance(form.get("lineage"), str) and form.get("lineage") else None
    result = await run_in_threadpool(store_of(request).submit, report, user.name, lineage, sha)
    flash(request, "已提交审查" if result.created else "该文件此前已提交，已打开原审查事项")
    return redirect(f"/items/{result.item_id}")


async def _item_for(request: Request, item_id: int, user: User) -> Item:
    try:
        item = await run_in_threadpool(store_of(request).get_item, item_id)
    except StoreError:
        raise Forbidden("没有这个审查事项") from None
    if user.role is Role.DRAFTER and item.summary.submitted_by != user.name:
        raise Forbidden("没有这个审查事项")
    return item


@router.get("/items/{item_id}")
async def item_page(item_id: int, request: Request) -> Response:
    user = await current_user(request)
    item = await _item_for(request, item_id, user)
    report = item.report
    main = [f.finding for f in item.findings if f.finding.part is None]
    parts = [(p, segments(p.text, [f.finding for f in item.findings if f.finding.part == p.id]))
             for p in report.hidden_parts]
    verdicts = {f.finding.id: f.verdict.value for f in item.findings if f.verdict}
    versions = await run_in_threadpool(store_of(request).public_versions, item_id)
    return render(request, "item.html", user=user, item=item, s=item.summary, report=report, versions=versions,
                  body=segments(report.document.text, main), parts=parts, verdicts=verdicts,
                  attributes=list(Attribute), opinions=list(Opinion), can_decide=user.can_decide(),
                  addable=list(ADDABLE_RULES), span_groups=SPAN_GROUPS)


async def _act(request: Request, item_id: int, action) -> Response:
    """Run one reviewer action on an item (CSRF-checked, role-checked); errors come back as a message."""
    user = await current_user(request, *DECIDERS)
    form = await checked_form(request)
    try:
        message = await run_in_threadpool(action, store_of(request), user, form)
    except StoreError as exc:
        message = exc.message
    except ValueError:
        message = "提交的内容无效"
    if message:
        flash(request, message)
    return redirect(f"/items/{item_id}")


@router.post("/items/{item_id}/claim")
async def claim(item_id: int, request: Request) -> Response:
    return await _act(request, item_id, lambda store, user, form: store.claim(item_id, user))


@router.post("/items/{item_id}/release")
async def release(item_id: int, request: Request) -> Response:
    return await _act(request, item_id, lambda store, user, form: store.release(item_id, user))


@router.post("/items/{item_id}/reopen")
async def reopen(item_id: int, request: Request) -> Response:
    return await _act(request, item_id, lambda store, user, form: store.reopen(item_id, user))


@router.post("/items/{item_id}/findings/{finding_id}")
async def decide(item_id: int, finding_id: str, request: Request) -> Response:
    def action(store, user, form):
        store.decide_finding(item_id, finding_id, Verdict(str(form.get("verdict"))), user)
    return await _act(request, item_id, action)


@router.post("/items/{item_id}/spans")
async def add_span(item_id: int, request: Request) -> Response:
    def action(store, user, form) -> str:
        occurrence = int(str(form.get("occurrence") or "1"))
        new_id = store.add_finding(item_id, user, str(form.get("text") or ""), Category(str(form.get("category"))),
                                   occurrence)
        return f"已补充问题项 {new_id}（已确认）"
    return await _act(request, item_id, action)


@router.post("/items/{item_id}/findings/{finding_id}/span")
async def edit_span(item_id: int, finding_id: str, request: Request) -> Response:
    def action(store, user, form) -> str:
        store.edit_finding(item_id, finding_id, user, str(form.get("text") or ""))
        return f"已调整问题项 {finding_id} 的范围（已确认）"
    return await _act(request, item_id, action)


@router.post("/items/{item_id}/opinion")
async def opinion(item_id: int, request: Request) -> Response:
    settings = request.app.state.settings

    def action(store, user, form) -> str:
        final = FinalOpinion(attribute=Attribute(str(form.get("attribute"))),
                             opinion=Opinion(str(form.get("opinion"))),
                             basis=str(form.get("basis") or ""), reason=str(form.get("reason") or ""))
        upload = _upload_of(form, settings.max_file_bytes)
        store.record_opinion(item_id, user, final)
        return "；".join(["审查意见已记录", *_publish(store, user, item_id, final, upload, settings)])
    return await _act(request, item_id, action)


def _upload_of(form, limit: int) -> tuple[bytes, str] | None:
    """The original file uploaded again with the approval (read in the worker thread), if any."""
    upload = form.get("original")
    if upload is None or isinstance(upload, str) or not upload.filename:
        return None
    data = upload.file.read(limit + 1)
    if len(data) > limit:
        raise StoreError("TOO_LARGE", "上传的原件过大")
    return data, upload.filename


def _publish(store, user: User, item_id: int, final: FinalOpinion, upload, settings) -> list[str]:
    """Make the public versions an approval calls for (replacing earlier ones); messages for the reviewer."""
    item = store.get_item(item_id)
    if not publish.needs_public_version(item, final):
        if store.public_versions(item_id):
            store.replace_public_versions(item_id, user.name, [])
        return []
    try:
        files, messages = publish.produce(item, settings, upload)
    except Exception as exc:  # the opinion stands; the reviewer is told the public version is missing
        log.error("public version of item %s failed: %s", item_id, type(exc).__name__)
        return ["公开版生成失败，请联系管理员"]
    store.replace_public_versions(item_id, user.name, files)
    return ["已生成公开版", *messages]


@router.get("/items/{item_id}/public/{version_id}")
async def public_download(item_id: int, version_id: int, request: Request) -> Response:
    user = await current_user(request)
    await _item_for(request, item_id, user)
    try:
        version, data = await run_in_threadpool(store_of(request).public_data, item_id, version_id)
    except StoreError as exc:
        raise Forbidden(exc.message) from None
    media = "text/plain; charset=utf-8" if version.format in ("txt", "md") else "application/octet-stream"
    return Response(data, media_type=media, headers={"content-disposition": attachment(version.name)})


@router.post("/items/{item_id}/reported")
async def reported(item_id: int, request: Request) -> Response:
    return await _act(request, item_id, lambda store, user, form: store.mark_reported(item_id, user))


def attachment(name: str) -> str:
    """A Content-Disposition for a download named ``name`` (any script; RFC 6266 / 5987)."""
    ascii_name = "".join(c if c.isascii() and c.isalnum() or c in "._-" else "_" for c in name) or "download"
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name, safe='')}"

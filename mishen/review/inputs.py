"""What the API accepts: JSON {title, html | text, url} or a multipart file; turned into bytes and a name."""
from __future__ import annotations

import html as html_lib
import json
from dataclasses import dataclass

from starlette.requests import Request

from mishen.review.views import StoreError


@dataclass(frozen=True)
class Submission:
    data: bytes
    name: str
    title: str | None = None
    url: str | None = None
    lineage: str | None = None
    enqueue: bool = False


REQUEST_BODY = {
    "required": True,
    "content": {
        "application/json": {"schema": {"type": "object", "properties": {
            "title": {"type": "string"}, "html": {"type": "string"}, "text": {"type": "string"},
            "url": {"type": "string"}, "lineage": {"type": "string", "description": "同一文件各稿共用的标识"},
            "enqueue": {"type": "boolean", "description": "同时送入审查队列"}}}},
        "multipart/form-data": {"schema": {"type": "object", "required": ["file"], "properties": {
            "file": {"type": "string", "format": "binary"}, "title": {"type": "string"},
            "url": {"type": "string"}, "lineage": {"type": "string"}, "enqueue": {"type": "boolean"}}}},
    },
}


async def read_submission(request: Request, max_bytes: int) -> Submission:
    """Parse the body; a body that is neither answers StoreError (the caller fails closed)."""
    content_type = request.headers.get("content-type", "")
    if content_type.startswith("multipart/form-data"):
        return await _from_form(request, max_bytes)
    if content_type.startswith("application/json"):
        body = await request.body()
        if len(body) > max_bytes:
            raise StoreError("TOO_LARGE", "请求内容过大")
        try:
            payload = json.loads(body)
        except ValueError:
            raise StoreError("BAD_REQUEST", "请求不是有效的 JSON") from None
        return from_json(payload)
    raise StoreError("BAD_REQUEST", "请以 JSON 或 multipart 文件上传提交")


def from_json(payload: object) -> Submission:
    if not isinstance(payload, dict):
        raise StoreError("BAD_REQUEST", "请求须为 JSON 对象")
    title, url, lineage = (_text_field(payload, k) for k in ("title", "url", "lineage"))
    html, text = _text_field(payload, "html"), _text_field(payload, "text")
    if (html is None) == (text is None):
        raise StoreError("BAD_REQUEST", "须提供 html 或 text 之一")
    if html is not None:
        if title and title not in html:
            html = f"<h1>{html_lib.escape(title)}</h1>\n{html}"  # the title is published too: review it
        data, name = html.encode("utf-8"), "page.html"
    else:
        data, name = (f"{title}\n\n{text}" if title else text).encode("utf-8"), "page.txt"
    return Submission(data, name, title, url, lineage, payload.get("enqueue") is True)


def _text_field(payload: dict, key: str) -> str | None:
    value = payload.get(key)
    if value is not None and not isinstance(value, str):
        raise StoreError("BAD_REQUEST", f"字段 {key} 须为字符串")
    return value


async def _from_form(request: Request, max_bytes: int) -> Submission:
    form = await request.form(max_part_size=max_bytes)
    try:
        return await _submission_of(form, max_bytes)
    finally:
        await form.close()  # the spooled upload file is closed and gone with the request


async def _submission_of(form, max_bytes: int) -> Submission:
    upload = form.get("file")
    if upload is None or isinstance(upload, str):
        raise StoreError("BAD_REQUEST", "缺少上传文件（字段名 file）")
    data = await upload.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise StoreError("TOO_LARGE", "文件过大")
    fields = {k: v for k in ("title", "url", "lineage", "enqueue") if isinstance(v := form.get(k), str)}
    name = (upload.filename or "upload.bin").replace("\\", "/").rsplit("/", 1)[-1][:200] or "upload.bin"
    return Submission(data, name, fields.get("title"), fields.get("url"), fields.get("lineage"),
                      fields.get("enqueue", "").lower() in ("1", "true", "yes", "on"))

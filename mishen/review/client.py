"""A minimal client for a CMS pre-publish hook: ask the gate, publish only on a clear yes. Standard library only.

    from mishen.review.client import may_publish
    if not may_publish("http://127.0.0.1:8000", token, title=title, html=html, url=page_url):
        abort_publication()
"""
from __future__ import annotations

import json
import urllib.error
import urllib.request


def check_page(base_url: str, token: str, *, title: str | None = None, html: str | None = None,
               text: str | None = None, url: str | None = None, timeout_s: float = 30.0) -> dict:
    """The gate's answer (report + ``publish``); any failure answers ``publish: false`` with the reason."""
    payload = {k: v for k, v in {"title": title, "html": html, "text": text, "url": url}.items() if v is not None}
    request = urllib.request.Request(
        base_url.rstrip("/") + "/api/v1/gate", data=json.dumps(payload).encode("utf-8"), method="POST",
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"})
    try:
        with urllib.request.urlopen(request, timeout=timeout_s) as response:
            return json.loads(response.read())
    except urllib.error.HTTPError as exc:
        try:
            return json.loads(exc.read()) | {"publish": False}
        except ValueError:
            return _refused("HTTP_ERROR", f"审查服务返回 {exc.code}")
    except (OSError, ValueError) as exc:
        return _refused("UNREACHABLE", f"审查服务不可用（{type(exc).__name__}）")


def may_publish(base_url: str, token: str, **page: str) -> bool:
    """True only when the gate answered and said ``publish: true``."""
    return check_page(base_url, token, **page).get("publish") is True


def _refused(code: str, message: str) -> dict:
    return {"publish": False, "error": {"code": code, "message": message}}

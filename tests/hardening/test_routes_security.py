"""Every route of the app, found by walking app.routes (a route added later is covered without editing this
file): refused without credentials; every UI form refuses a missing or wrong CSRF token; uploads keep only
a bare file name. Per-role checks of the hand-listed routes live in tests/review/test_web.py."""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from mishen.review.app import create_app
from mishen.review.config import ServiceSettings
from mishen.review.security import Hasher
from mishen.review.store import Store
from mishen.review.views import Role
from tests.hardening.corpus import ID, clean_docx, with_id
from tests.review.conftest import PASSWORD, make_report

TOKEN = "hardening-token"
PUBLIC = {("GET", "/login"), ("POST", "/login"), ("GET", "/openapi.json")}
# Forms that need no login but must still carry the session's CSRF token.
CSRF_WITHOUT_LOGIN = {"/login"}


def _walk(routes, prefix: str) -> Iterator[tuple[str, str]]:
    """Routes and (FastAPI ≥ 0.154) lazily included routers, which hold theirs in ``original_router``."""
    for route in routes:
        inner = getattr(route, "original_router", None)
        if inner is not None:
            yield from _walk(inner.routes, prefix + getattr(getattr(route, "include_context", None), "prefix", ""))
        elif getattr(route, "routes", None):  # a Mount
            yield from _walk(route.routes, prefix + route.path)
        else:
            for method in sorted((getattr(route, "methods", None) or set()) - {"HEAD", "OPTIONS"}):
                yield method, prefix + route.path


def _routes() -> list[tuple[str, str]]:
    app = create_app(ServiceSettings(database_url="sqlite://", api_token=TOKEN, secret_key="k" * 32))
    found = sorted(set(_walk(app.routes, "")))
    assert len(found) >= 10, found  # the walk found the app's routes, not an empty list
    return found


ROUTES = _routes()
PROTECTED = [r for r in ROUTES if r not in PUBLIC]
UI_POSTS = [path for method, path in ROUTES if method == "POST" and not path.startswith("/api/")]


def _fill(path: str, item_id: int) -> str:
    return re.sub(r"\{[^}]+\}", lambda m: "f1" if "finding" in m.group(0) else str(item_id), path)


@pytest.fixture
def app_and_store(tmp_path, reviewer) -> Iterator[tuple[TestClient, Store, int]]:
    settings = ServiceSettings(database_url=f"sqlite:///{tmp_path / 'h.db'}", api_token=TOKEN, secret_key="k" * 32)
    store = Store(settings.database_url, hasher=Hasher(light=True))
    store.migrate()
    for role in Role:
        store.add_user(role.value + "1", role, PASSWORD)
    item_id = store.submit(make_report(with_id(ID)), "drafter1").item_id
    with TestClient(create_app(settings, reviewer=reviewer, store=store), follow_redirects=False) as client:
        yield client, store, item_id
    store.close()


def _csrf(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def _login(client: TestClient, name: str) -> str:
    form = {"name": name, "password": PASSWORD, "csrf": _csrf(client.get("/login").text)}
    response = client.post("/login", data=form)
    assert response.status_code == 303
    return _csrf(client.get("/").text)


@pytest.mark.parametrize("method, path", PROTECTED, ids=[f"{m} {p}" for m, p in PROTECTED])
@pytest.mark.parametrize("auth", [None, "Bearer wrong"])  # Basic and more: tests/review/test_api.py
def test_every_route_refuses_without_credentials(app_and_store, method: str, path: str, auth: str | None) -> None:
    client, _, item_id = app_and_store
    headers = {"Authorization": auth} if auth else {}
    kwargs = {"json": {"text": with_id(ID)}} if method == "POST" and path.startswith("/api/") else {}
    response = client.request(method, _fill(path, item_id), headers=headers, **kwargs)
    if path.startswith("/api/"):
        assert response.status_code == 401
        assert response.json().get("publish") is False
    else:
        assert response.status_code in (303, 403)
        assert response.status_code == 403 or response.headers["location"] == "/login"
    assert ID not in response.text and "张三" not in response.text


@pytest.mark.parametrize("path", UI_POSTS)
@pytest.mark.parametrize("token", [None, "", "forged-token"])
def test_every_form_refuses_a_missing_or_wrong_csrf_token(app_and_store, path: str, token: str | None) -> None:
    client, store, item_id = app_and_store
    if path not in CSRF_WITHOUT_LOGIN:
        _login(client, "admin1")
    before = store.get_item(item_id)
    data = {"name": "admin1", "password": PASSWORD, "role": "reviewer", "verdict": "accept", "opinion": "x"}
    if token is not None:
        data["csrf"] = token
    response = client.post(_fill(path, item_id), data=data, files={"file": ("a.docx", clean_docx())})
    assert response.status_code == 403
    assert "CSRF" in response.text
    after = store.get_item(item_id)
    assert (after.summary.status, after.summary.claimed_by) == (before.summary.status, before.summary.claimed_by)


def test_every_api_route_is_found() -> None:
    """The walk sees the gate, so a refusal test above exists for it."""
    assert ("POST", "/api/v1/gate") in PROTECTED and any(p == "/submit" for p in UI_POSTS)


TRAVERSALS = ["../../x.docx", "..\\..\\x.docx", "/etc/x.docx", "a/../../../x.docx", "C:\\Windows\\x.docx"]


@pytest.mark.parametrize("filename", TRAVERSALS)
def test_ui_upload_keeps_only_a_bare_file_name(app_and_store, tmp_path, filename: str) -> None:
    client, store, _ = app_and_store
    csrf = _login(client, "drafter1")
    response = client.post("/submit", data={"csrf": csrf}, files={"file": (filename, clean_docx())})
    assert response.status_code == 303
    new_id = int(response.headers["location"].rsplit("/", 1)[-1])
    assert store.get_item(new_id).summary.source == "x.docx"
    _assert_nothing_written(tmp_path)


@pytest.mark.parametrize("filename", TRAVERSALS)
def test_api_upload_keeps_only_a_bare_file_name(app_and_store, tmp_path, filename: str) -> None:
    client, store, _ = app_and_store
    response = client.post("/api/v1/documents", headers={"Authorization": f"Bearer {TOKEN}"},
                           files={"file": (filename, clean_docx())})
    assert response.status_code in (200, 201)
    assert store.get_item(response.json()["id"]).summary.source == "x.docx"
    _assert_nothing_written(tmp_path)


def _assert_nothing_written(tmp_path: Path) -> None:
    for root in (tmp_path, tmp_path.parent, tmp_path.parent.parent, Path.cwd(), Path("/etc")):
        assert not (root / "x.docx").exists()

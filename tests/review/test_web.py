"""The reviewer UI: login, roles on every route, CSRF on every form, escaping, queue and item pages."""
from __future__ import annotations

import base64
import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient

from mishen.review.app import SECURITY_HEADERS, create_app
from mishen.review.config import ServiceSettings
from mishen.review.security import Hasher
from mishen.review.store import Store
from mishen.review.views import Role
from models import Category, Decision
from tests.review.conftest import PASSWORD, make_report

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'
ID = "110101199003071234"
TEXT = f"关于开展专项检查的通知\n联系人张三，身份证号{ID}。{XSS}\n（此件公开发布）"
SPANS = [("张三", Category.PERSON_NAME), (ID, Category.CN_ID_CARD), (XSS, Category.HIDDEN_LINK)]


@pytest.fixture
def app_and_store(tmp_path, reviewer) -> Iterator[tuple[TestClient, Store]]:
    settings = ServiceSettings(database_url=f"sqlite:///{tmp_path / 'web.db'}", api_token="t", secret_key="k" * 32)
    store = Store(settings.database_url, hasher=Hasher(light=True))
    store.migrate()
    for role in Role:
        store.add_user(role.value + "1", role, PASSWORD)
    store.add_user("reviewer2", Role.REVIEWER, PASSWORD)
    with TestClient(create_app(settings, reviewer=reviewer, store=store), follow_redirects=False) as client:
        yield client, store
    store.close()


@pytest.fixture
def client(app_and_store) -> TestClient:
    return app_and_store[0]


@pytest.fixture
def item_id(app_and_store) -> int:
    return app_and_store[1].submit(make_report(TEXT, SPANS, title=XSS), "drafter1").item_id


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def login(client: TestClient, name: str, password: str = PASSWORD) -> str:
    response = client.post("/login", data={"name": name, "password": password, "csrf": csrf_of(client.get("/login").text)})
    assert response.status_code == 303, response.text
    return csrf_of(client.get("/").text)


ROUTES = [("get", "/"), ("get", "/items/{id}"), ("get", "/admin/users"), ("post", "/submit"),
          ("post", "/items/{id}/claim"), ("post", "/items/{id}/release"), ("post", "/items/{id}/reopen"),
          ("post", "/items/{id}/findings/f1"), ("post", "/items/{id}/opinion"), ("post", "/admin/users"),
          ("post", "/logout"), ("post", "/items/{id}/reported"), ("get", "/items/{id}/public/1"),
          ("get", "/items/{id}/record.docx"), ("get", "/ledger.xlsx"), ("get", "/static/review.js"),
          ("post", "/items/{id}/spans"), ("post", "/items/{id}/findings/f1/span")]


@pytest.mark.parametrize(("method", "path"), ROUTES)
def test_no_page_without_login(client: TestClient, item_id: int, method: str, path: str) -> None:
    response = getattr(client, method)(path.format(id=item_id))
    assert response.status_code in (303, 403)
    assert response.status_code == 403 or response.headers["location"] == "/login"
    assert ID not in response.text


@pytest.mark.parametrize(("name", "password", "ok"), [
    ("reviewer1", PASSWORD, True), ("reviewer1", PASSWORD + "!", False), ("REVIEWER1", PASSWORD, False),
    ("nobody", PASSWORD, False), ("reviewer1", "", False)])
def test_login(client: TestClient, name: str, password: str, ok: bool) -> None:
    response = client.post("/login", data={"name": name, "password": password,
                                           "csrf": csrf_of(client.get("/login").text)})
    assert response.status_code == (303 if ok else 401)
    assert (client.get("/").status_code == 200) is ok


def test_login_needs_the_csrf_token(client: TestClient) -> None:
    client.get("/login")
    response = client.post("/login", data={"name": "reviewer1", "password": PASSWORD, "csrf": "forged"})
    assert response.status_code == 403 and client.get("/").status_code == 303


@pytest.mark.parametrize(("path", "data"), [
    ("/items/{id}/claim", {}), ("/items/{id}/findings/f1", {"verdict": "accept"}),
    ("/items/{id}/opinion", {"attribute": "主动公开", "opinion": "公开", "basis": "R1"}),
    ("/admin/users", {"name": "mallory", "role": "admin", "password": "long-password"}), ("/logout", {}),
    ("/items/{id}/reported", {}), ("/items/{id}/spans", {"text": ID, "category": "CN_ID_CARD"}),
    ("/items/{id}/findings/f1/span", {"text": "联系人张三"})])
@pytest.mark.parametrize("token", [None, "", "forged-token"])
def test_every_form_needs_the_csrf_token(app_and_store, item_id: int, path: str, data: dict, token) -> None:
    client, store = app_and_store
    login(client, "admin1")
    form = data | ({} if token is None else {"csrf": token})
    response = client.post(path.format(id=item_id), data=form)
    assert response.status_code == 403
    item = store.get_item(item_id)
    assert item.summary.claimed_by is None and item.findings[0].verdict is None and item.summary.opinion is None
    assert store.get_user("mallory") is None and client.get("/").status_code == 200  # still logged in


@pytest.mark.parametrize(("role", "sees_item", "decides", "admin"), [
    ("drafter1", True, False, False),    # submitted it
    ("reviewer1", True, True, False),
    ("admin1", True, True, True),
])
def test_roles(app_and_store, item_id: int, role: str, sees_item: bool, decides: bool, admin: bool) -> None:
    client, store = app_and_store
    csrf = login(client, role)
    assert (client.get(f"/items/{item_id}").status_code == 200) is sees_item
    response = client.post(f"/items/{item_id}/findings/f2", data={"csrf": csrf, "verdict": "accept"})
    assert response.status_code == (303 if decides else 403)
    assert (store.get_item(item_id).findings[1].verdict is not None) is decides
    assert (client.get("/admin/users").status_code == 200) is admin
    response = client.post("/admin/users", data={"csrf": csrf, "name": "new." + role, "role": "drafter",
                                                 "password": "long-password"})
    assert (store.get_user("new." + role) is not None) is admin


def test_a_drafter_sees_only_their_own_items(app_and_store, item_id: int) -> None:
    client, store = app_and_store
    other = store.submit(make_report("另一份文件。", [], title="另一份文件"), "someone_else").item_id
    login(client, "drafter1")
    queue = client.get("/").text
    assert f'href="/items/{item_id}"' in queue and f'href="/items/{other}"' not in queue
    assert client.get(f"/items/{other}").status_code == 403


def test_document_text_is_escaped_and_spans_highlighted(client: TestClient, item_id: int) -> None:
    login(client, "reviewer1")
    for page in (client.get("/").text, client.get(f"/items/{item_id}").text):
        assert "<script>" not in page and "<img" not in page
    page = client.get(f"/items/{item_id}").text
    assert "&lt;script&gt;" in page
    assert re.search(r'<mark class="g-personal_data"[^>]*>' + ID, page)
    assert "居民身份证号码" in page  # the lead's labels


def test_review_flow_decisions_claim_and_opinion(app_and_store, item_id: int) -> None:
    client, store = app_and_store
    csrf = login(client, "reviewer1")
    client.post(f"/items/{item_id}/findings/f1", data={"csrf": csrf, "verdict": "reject"})
    client.post(f"/items/{item_id}/findings/f2", data={"csrf": csrf, "verdict": "accept"})
    page = client.get(f"/items/{item_id}").text
    assert "reviewer1 审查中" in page
    response = client.post(f"/items/{item_id}/opinion", data={"csrf": csrf, "attribute": "不予公开",
                                                              "opinion": "免予公开", "basis": "P2"})
    assert "必须说明理由" in client.get(response.headers["location"]).text
    client.post(f"/items/{item_id}/opinion", data={"csrf": csrf, "attribute": "脱密后公开", "opinion": "公开",
                                                   "basis": "P2：身份证号码删除后公开"})
    item = store.get_item(item_id)
    assert [f.verdict.value for f in item.findings[:2]] == ["reject", "accept"]
    assert (item.summary.status.value, item.summary.opinion, item.basis) == ("done", "公开", "P2：身份证号码删除后公开")
    client.cookies.clear()
    csrf = login(client, "reviewer2")
    response = client.post(f"/items/{item_id}/findings/f3", data={"csrf": csrf, "verdict": "accept"})
    assert "已审结" in client.get(response.headers["location"]).text


def test_a_claimed_item_cannot_be_decided_by_another_reviewer(app_and_store, item_id: int) -> None:
    client, store = app_and_store
    store.claim(item_id, store.get_user("reviewer1"))
    csrf = login(client, "reviewer2")
    response = client.post(f"/items/{item_id}/findings/f1", data={"csrf": csrf, "verdict": "accept"})
    assert "正由 reviewer1 审查" in client.get(response.headers["location"]).text
    assert store.get_item(item_id).findings[0].verdict is None


def test_queue_filters_counts_and_overdue(app_and_store, item_id: int) -> None:
    client, store = app_and_store
    old = store.submit(make_report("旧的请示。", [], decision=Decision.BLOCK, title="旧的请示"), "drafter1",
                       received_at=datetime(2024, 3, 1, 2, 0, tzinfo=UTC)).item_id
    login(client, "reviewer1")
    page = client.get("/").text
    assert 'id="count-pending">2<' in page
    assert re.search(rf'<tr class="overdue">\s*<td>{old}</td>', page) and "2024-03-22" in page
    filtered = client.get("/", params={"decision": "block"}).text
    assert f'href="/items/{old}"' in filtered and f'href="/items/{item_id}"' not in filtered
    overdue = client.get("/", params={"overdue": "1"}).text
    assert f'href="/items/{old}"' in overdue and f'href="/items/{item_id}"' not in overdue
    assert f'href="/items/{item_id}"' in client.get("/", params={"decision": "bogus"}).text  # unknown: ignored


def test_upload_from_the_queue_page(app_and_store) -> None:
    client, store = app_and_store
    csrf = login(client, "drafter1")
    files = {"file": ("draft.txt", "关于开会的通知\n秘密★1年\n请准时参加。".encode(), "text/plain")}
    response = client.post("/submit", data={"csrf": csrf}, files=files)
    item_id = int(response.headers["location"].rsplit("/", 1)[1])
    item = store.get_item(item_id)
    assert item.summary.submitted_by == "drafter1" and item.summary.decision == "block"
    response = client.post("/submit", data={"csrf": csrf}, files=files)
    assert response.headers["location"] == f"/items/{item_id}"


def test_security_headers(client: TestClient) -> None:
    headers = client.get("/login").headers
    assert "default-src 'none'" in headers["content-security-policy"] and headers["x-frame-options"] == "DENY"


@pytest.mark.parametrize(("role", "script"), [("reviewer1", True), ("admin1", True), ("drafter1", False)])
def test_shortcut_script_is_same_origin_and_never_inline(client: TestClient, item_id: int, role: str,
                                                        script: bool) -> None:
    login(client, role)
    response = client.get(f"/items/{item_id}")
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline'; form" not in csp.split("script-src")[1][:30]
    tags = re.findall(r"<script[^>]*>", response.text)
    assert tags == (['<script src="/static/review.js" defer>'] if script else [])
    assert re.search(r"<script[^>]*>[^<]", response.text) is None  # nothing inline
    js = client.get("/static/review.js")
    assert js.status_code == 200 and js.headers["content-type"].startswith("text/javascript")
    assert 'keydown' in js.text


def test_a_tampered_session_cookie_is_not_a_login(client: TestClient) -> None:
    login(client, "drafter1")
    cookie = client.cookies.get("mishen_session")
    payload, signature = cookie.split(".", 1)
    data = json.loads(base64.b64decode(payload + "=="))
    forged = base64.b64encode(json.dumps(data | {"user": "admin1"}).encode()).decode()
    client.cookies.set("mishen_session", forged + "." + signature)
    assert client.get("/admin/users").status_code == 303


@pytest.mark.parametrize("path", ["/login", "/static/review.js", "/openapi.json", "/no-such-page"])
def test_security_headers_on_every_kind_of_response(client: TestClient, path: str) -> None:
    response = client.get(path)
    for name, value in SECURITY_HEADERS.items():
        assert response.headers.get_list(name) == [value], name   # once each, never duplicated

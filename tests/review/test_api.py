"""The HTTP API with FastAPI's TestClient: bearer token, fail-closed gate, queue submission, items."""
from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from mishen.review.app import create_app
from mishen.review.gate import may_publish
from models import Decision, ReportError
from tests.review.conftest import AUTH, API_TOKEN, CLEAN, api_client, api_settings, make_report

DIRTY = ("关于做好防汛工作的通知\n秘密★1年\n各镇人民政府：\n请认真做好防汛工作。系统地址 http://10.12.3.4/admin "
         "密码：Abc@12345\n县水利局\n2020年9月15日\n（此件公开发布）")


@pytest.fixture
def client(tmp_path, reviewer) -> Iterator[TestClient]:
    with api_client(tmp_path, reviewer) as client:
        yield client


class CrashingReviewer:
    def review_bytes(self, data: bytes, name: str):
        raise RuntimeError("boom")


class SlowReviewer:
    """Answers a clean pass, too late."""

    def __init__(self, report) -> None:
        self.report = report
        self.done = threading.Event()

    def review_bytes(self, data: bytes, name: str):
        time.sleep(3.0)
        self.done.set()
        return self.report


@pytest.mark.parametrize(("decision", "error", "publish"), [
    (Decision.PASS, None, True),
    (Decision.REVIEW, None, False),
    (Decision.BLOCK, None, False),
    (Decision.PASS, ReportError(code="DETECTOR_FAILED", message="x"), False),
])
def test_only_a_clean_pass_publishes(decision, error, publish) -> None:
    report = make_report("正文。", [], decision=decision)
    assert may_publish(report.model_copy(update={"error": error})) is publish


@pytest.mark.parametrize(("token", "headers"), [
    (API_TOKEN, {}),
    (API_TOKEN, {"Authorization": "Bearer wrong"}),
    (API_TOKEN, {"Authorization": f"Basic {API_TOKEN}"}),
    (None, {"Authorization": "Bearer anything"}),  # no token configured: every call is refused
    (None, {}),
])
@pytest.mark.parametrize(("method", "path"), [("post", "/api/v1/gate"), ("post", "/api/v1/documents"),
                                              ("get", "/api/v1/items/1")])
def test_unauthenticated_calls_are_refused(tmp_path, reviewer, token, headers, method, path) -> None:
    with TestClient(create_app(api_settings(tmp_path, api_token=token), reviewer=reviewer)) as client:
        kwargs = {"json": {"text": CLEAN}} if method == "post" else {}
        response = getattr(client, method)(path, headers=headers, **kwargs)
    assert response.status_code == 401
    assert response.json()["publish"] is False


@pytest.mark.parametrize(("payload", "publish", "flagged"), [
    ({"title": "关于做好防汛工作的通知", "text": CLEAN.split("\n", 1)[1]}, True, False),
    ({"text": CLEAN}, True, False),
    ({"html": "<html><head><meta charset='utf-8'><title>关于做好防汛工作的通知</title></head><body>"
              + "".join(f"<p>{line}</p>" for line in CLEAN.split("\n")) + "</body></html>"}, True, None),
    ({"text": DIRTY}, False, True),
    ({"title": "关于做好防汛工作的通知", "text": DIRTY.split("\n", 1)[1]}, False, True),
    ({"text": CLEAN.replace("确保安全度汛", "机房地址 192.168.10.5")}, False, True),  # near miss of the clean page
    ({"text": CLEAN.replace("（此件公开发布）", "")}, False, None),                   # no attribute declared
    ({"title": "秘密★1年", "text": CLEAN}, False, True),                            # the title is checked too
])
def test_gate_publishes_only_clean_pages(client: TestClient, payload: dict, publish: bool,
                                         flagged: bool | None) -> None:
    response = client.post("/api/v1/gate", json=payload | {"url": "https://example.gov.cn/a.html"}, headers=AUTH)
    assert response.status_code == 200
    body = response.json()
    assert body["publish"] is publish and body["schema"] == "mishen.report/1"
    assert (body["decision"] == "pass") is publish and body["error"] is None
    if flagged is not None:
        assert bool(body["findings"]) is flagged  # a dirty page is refused for what it contains
    for f in body["findings"]:
        if f["part"] is None:
            assert body["document"]["text"][f["start"]:f["end"]] == f["text"]


def test_gate_accepts_a_file_upload(client: TestClient) -> None:
    files = {"file": ("draft.txt", DIRTY.encode("utf-8"), "text/plain")}
    response = client.post("/api/v1/gate", files=files, data={"enqueue": "true"}, headers=AUTH)
    body = response.json()
    assert response.status_code == 200 and body["publish"] is False and body["item_id"] is not None
    item = client.get(f"/api/v1/items/{body['item_id']}", headers=AUTH).json()
    assert item["status"] == "pending" and item["decision"] == "block"
    assert [e["action"] for e in item["history"]] == ["submit", "gate"]


@pytest.mark.parametrize(("kwargs", "status"), [
    ({"content": b"{not json", "headers": {"content-type": "application/json"}}, 400),
    ({"json": {"title": "x"}}, 400),                                   # neither html nor text
    ({"json": {"text": "a", "html": "<p>a</p>"}}, 400),                # both
    ({"json": {"text": 12}}, 400),
    ({"json": ["text"]}, 400),
    ({"content": b"text=abc", "headers": {"content-type": "application/x-www-form-urlencoded"}}, 400),
    ({"files": {"other": ("a.txt", b"abc", "text/plain")}}, 400),
])
def test_malformed_gate_requests_never_publish(client: TestClient, kwargs: dict, status: int) -> None:
    headers = AUTH | kwargs.pop("headers", {})
    response = client.post("/api/v1/gate", headers=headers, **kwargs)
    assert response.status_code == status and response.json()["publish"] is False
    assert response.json()["error"]["code"] == "BAD_REQUEST"


@pytest.mark.parametrize("url", ["sqlite:////nonexistent-dir/deeper/queue.db",
                                 "postgresql+psycopg://nobody@127.0.0.1:1/none"])
def test_gate_fails_closed_without_a_database(tmp_path, reviewer, url: str) -> None:
    with TestClient(create_app(api_settings(tmp_path, database_url=url), reviewer=reviewer)) as client:
        response = client.post("/api/v1/gate", json={"text": CLEAN}, headers=AUTH)
    assert response.status_code == 503
    assert response.json()["publish"] is False and response.json()["error"]["code"] == "DATABASE_UNAVAILABLE"


def test_gate_fails_closed_when_the_database_breaks_while_running(client: TestClient) -> None:
    assert client.post("/api/v1/gate", json={"text": CLEAN}, headers=AUTH).json()["publish"] is True
    with client.app.state.engine.store.engine.begin() as conn:
        conn.execute(text("DROP TABLE audit_events"))
    response = client.post("/api/v1/gate", json={"text": CLEAN}, headers=AUTH)
    assert response.status_code == 503 and response.json()["publish"] is False


def test_gate_fails_closed_when_the_reviewer_crashes(tmp_path) -> None:
    with TestClient(create_app(api_settings(tmp_path), reviewer=CrashingReviewer())) as client:
        response = client.post("/api/v1/gate", json={"text": CLEAN}, headers=AUTH)
    assert response.status_code == 503
    assert response.json() == {"schema": "mishen.report/1", "publish": False, "decision": "block",
                               "error": {"code": "INTERNAL", "message": "审查出错，暂不允许发布"}}


def test_gate_fails_closed_on_timeout(tmp_path, reviewer) -> None:
    slow = SlowReviewer(reviewer.review_bytes(CLEAN.encode("utf-8"), "page.txt"))
    assert may_publish(slow.report)
    app = create_app(api_settings(tmp_path, gate_timeout_s=0.2), reviewer=slow)
    with TestClient(app) as client:
        started = time.perf_counter()
        response = client.post("/api/v1/gate", json={"text": CLEAN}, headers=AUTH)
        elapsed = time.perf_counter() - started
    assert response.status_code == 503 and response.json()["error"]["code"] == "TIMEOUT"
    assert response.json()["publish"] is False and elapsed < 2.5  # answered before the review ends
    assert slow.done.wait(5)  # the abandoned review ends in its thread


def test_documents_are_enqueued_once_per_content(client: TestClient) -> None:
    payload = {"title": "关于做好防汛工作的通知", "text": DIRTY, "lineage": "fx-2020"}
    first = client.post("/api/v1/documents", json=payload, headers=AUTH)
    again = client.post("/api/v1/documents", json=payload, headers=AUTH)
    assert first.status_code == 201 and again.status_code == 200
    assert first.json()["id"] == again.json()["id"] and first.json()["created"] and not again.json()["created"]
    item = client.get(f"/api/v1/items/{first.json()['id']}", headers=AUTH).json()
    assert item["lineage"] == "fx-2020" and item["due"] and item["overdue"] is False
    assert {f["category"] for f in item["findings"]} >= {"CLASSIFICATION_MARK", "CREDENTIAL"}
    assert item["report"]["document"]["text"].startswith("关于做好防汛工作的通知")
    assert client.get("/api/v1/items/999", headers=AUTH).status_code == 404


def test_openapi_describes_the_contract(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/api/v1/gate", "/api/v1/documents", "/api/v1/items/{item_id}"} <= set(spec["paths"])
    body = spec["paths"]["/api/v1/gate"]["post"]["requestBody"]["content"]
    assert {"application/json", "multipart/form-data"} <= set(body)
    assert not any(p.startswith(("/items", "/login", "/admin")) for p in spec["paths"])  # the UI is not API

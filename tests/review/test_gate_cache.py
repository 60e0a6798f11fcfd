"""The gate's whole-report cache (identical page, same name: the same answer without a second review) and the
engine's one-review-at-a-time turn (a request whose time ran out while waiting is never reviewed)."""
from __future__ import annotations

import dataclasses
import json
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from fastapi.testclient import TestClient

from mishen.batch.version import detector_version
from mishen.pipeline import Reviewer
from mishen.review.app import create_app
from mishen.review.gate import ReportCache, may_publish
from mishen.review.reviewed import Reviewed
from models import Decision, Report, ReportError
from tests.review.conftest import AUTH, API_TOKEN, CLEAN, api_client, api_settings, make_report

DIRTY = CLEAN.replace("确保安全度汛。", "确保安全度汛。联系人：王建国，身份证号110101199003071234。")


class CountingReviewer:
    """The real reviewer, counting the reviews it was asked for."""

    def __init__(self, reviewer: Reviewer) -> None:
        self.reviewer = reviewer
        self.version = reviewer.version
        self.calls: list[str] = []

    def review_bytes(self, data: bytes, name: str) -> Report:
        self.calls.append(name)
        return self.reviewer.review_bytes(data, name)


@pytest.fixture
def counting(reviewer: Reviewer) -> CountingReviewer:
    return CountingReviewer(reviewer)


@pytest.fixture
def client(tmp_path, counting: CountingReviewer) -> Iterator[TestClient]:
    with api_client(tmp_path, counting) as client:
        yield client


def _without_timings(body: dict) -> dict:
    return {k: v for k, v in body.items() if k != "timings_ms"}


@pytest.mark.parametrize(("text", "publish"), [(CLEAN, True), (DIRTY, False)])
def test_an_identical_page_answers_from_the_cache(client: TestClient, counting: CountingReviewer, text: str,
                                                  publish: bool) -> None:
    first = client.post("/api/v1/gate", json={"text": text, "url": "https://example.gov.cn/a.html"}, headers=AUTH)
    again = client.post("/api/v1/gate", json={"text": text, "url": "https://example.gov.cn/a.html"}, headers=AUTH)
    assert first.status_code == again.status_code == 200
    assert counting.calls == ["page.txt"]   # reviewed once
    assert again.json()["publish"] is publish and again.json()["decision"] == first.json()["decision"]
    assert _without_timings(again.json()) == _without_timings(first.json())   # the same answer, apart from timings
    assert "cache" not in first.json()["timings_ms"] and "detect" in first.json()["timings_ms"]
    assert set(again.json()["timings_ms"]) == {"cache", "total"}
    if not publish:
        assert {"PERSON_NAME", "CN_ID_CARD"} <= {f["category"] for f in again.json()["findings"]}


def test_a_cached_answer_is_still_recorded_and_enqueued_once(client: TestClient, counting: CountingReviewer) -> None:
    payload = {"text": DIRTY, "enqueue": True, "lineage": "cache-1"}
    first = client.post("/api/v1/gate", json=payload, headers=AUTH).json()
    again = client.post("/api/v1/gate", json=payload, headers=AUTH).json()
    assert len(counting.calls) == 1 and first["item_id"] == again["item_id"] is not None
    item = client.get(f"/api/v1/items/{first['item_id']}", headers=AUTH).json()
    assert [e["action"] for e in item["history"]] == ["submit", "gate", "resubmit", "gate"]


def test_a_changed_page_or_another_name_is_another_key(client: TestClient, counting: CountingReviewer) -> None:
    data = CLEAN.encode("utf-8")
    for name in ("page.txt", "page.html", "other.txt", "page.txt", "page.html"):
        response = client.post("/api/v1/gate", files={"file": (name, data, "text/plain")}, headers=AUTH)
        assert response.status_code == 200 and response.json()["document"]["source"] == name
    client.post("/api/v1/gate", json={"text": CLEAN + "\n"}, headers=AUTH)   # one more byte: another page
    assert counting.calls == ["page.txt", "page.html", "other.txt", "page.txt"]
    assert len(client.app.state.engine.cache) == 4


def test_error_reports_are_never_cached(client: TestClient, counting: CountingReviewer) -> None:
    broken = b"%PDF-1.7\n" + bytes(range(256)) * 8
    answers = [client.post("/api/v1/gate", files={"file": ("scan.pdf", broken, "application/pdf")}, headers=AUTH)
               for _ in range(2)]
    for response in answers:
        body = response.json()
        assert response.status_code == 200 and body["publish"] is False and body["error"] is not None
        assert "cache" not in body["timings_ms"]
    assert counting.calls == ["scan.pdf", "scan.pdf"] and len(client.app.state.engine.cache) == 0


def test_no_cache_when_turned_off(tmp_path, counting: CountingReviewer) -> None:
    with TestClient(create_app(api_settings(tmp_path, gate_cache_entries=0), reviewer=counting)) as client:
        for _ in range(2):
            assert client.post("/api/v1/gate", json={"text": CLEAN}, headers=AUTH).json()["publish"] is True
    assert len(counting.calls) == 2


def test_the_cache_is_bounded_and_least_recently_used_goes_first() -> None:
    cache = ReportCache(entries=2, chars=1000, version="v1")
    reviewed = {k: Reviewed.of(make_report(f"正文{k}。" * 10)) for k in "abc"}
    for k in "ab":
        cache.put(cache.key(k, "page.txt"), reviewed[k])
    assert cache.get(cache.key("a", "page.txt")) is not None    # a is now the most recently used
    cache.put(cache.key("c", "page.txt"), reviewed["c"])
    assert cache.get(cache.key("b", "page.txt")) is None and cache.get(cache.key("a", "page.txt")) is not None
    assert len(cache) == 2
    cache.put(cache.key("big", "page.txt"), Reviewed.of(make_report("长" * 2000)))   # larger than the budget
    assert cache.get(cache.key("big", "page.txt")) is None and len(cache) == 2
    small = ReportCache(entries=100, chars=200, version="v1")
    for k in "abc":
        small.put(small.key(k, "page.txt"), Reviewed.of(make_report("字" * 90)))
    assert len(small) == 2   # the character budget evicts too


def test_kept_reviews_cannot_be_changed_by_callers() -> None:
    cache = ReportCache(entries=10, chars=10_000, version="v1")
    key = cache.key("a", "page.txt")
    report = make_report("正文。")
    cache.put(key, Reviewed.of(report))
    report.decision = Decision.PASS          # the caller changes its report after putting it
    got = cache.get(key)
    with pytest.raises(dataclasses.FrozenInstanceError):
        got.timings = {"cache": 0.1}         # and what it got cannot be changed
    got.timed({"cache": 0.1}).report().findings.clear()
    kept = cache.get(key).report()
    assert kept.decision is Decision.REVIEW and kept.timings_ms == {} and kept == make_report("正文。")


def test_a_failed_review_is_never_kept() -> None:
    cache = ReportCache(entries=10, chars=10_000, version="v1")
    failed = make_report("正文。").model_copy(update={"error": ReportError(code="DETECTOR_FAILED", message="x")})
    cache.put(cache.key("a", "page.txt"), Reviewed.of(failed))
    assert cache.get(cache.key("a", "page.txt")) is None


@pytest.mark.parametrize("text", ["正文。", "附注：此件主动公开。\n联系人：张三，电话 13800138000。", "\"引号\"、\\ 与 </script>"])
def test_a_review_answers_the_reports_own_json(reviewer, text) -> None:
    """The server answers the review's JSON without parsing it: the same report, publish and item_id after."""
    report = reviewer.review_bytes(text.encode("utf-8"), "page.txt")
    reviewed = Reviewed.of(report)
    assert json.loads(reviewed.json()) == json.loads(report.to_json())
    assert reviewed.report() == report and reviewed.publish is may_publish(report)
    answer = json.loads(reviewed.json(publish=reviewed.publish, item_id=None))
    assert list(answer)[-2:] == ["publish", "item_id"] and answer["item_id"] is None
    assert reviewed.timed({"cache": 0.5}).report().timings_ms == {"cache": 0.5}


def test_the_key_holds_the_detector_version(tmp_path) -> None:
    settings = api_settings(tmp_path)
    cache = ReportCache.of(settings)
    assert cache.version == detector_version(settings) and cache.enabled
    other = ReportCache(10, 10_000, "another-version")
    assert cache.key("a", "page.txt") != other.key("a", "page.txt")
    broken = ReportCache.of(api_settings(tmp_path, policy_file=tmp_path / "missing.yaml"))
    assert not broken.enabled   # no version, no cache


class SlowCountingReviewer:
    """Answers a real report, slowly; counts the reviews it started."""

    def __init__(self, report: Report, seconds: float) -> None:
        self.report, self.seconds = report, seconds
        self.started = 0
        self.lock = threading.Lock()

    def review_bytes(self, data: bytes, name: str) -> Report:
        with self.lock:
            self.started += 1
        time.sleep(self.seconds)
        return self.report.model_copy(deep=True)


def test_a_request_that_timed_out_while_waiting_is_never_reviewed(tmp_path, reviewer: Reviewer) -> None:
    slow = SlowCountingReviewer(reviewer.review_bytes(CLEAN.encode("utf-8"), "page.txt"), 1.5)
    app = create_app(api_settings(tmp_path, gate_timeout_s=0.5), reviewer=slow)
    with TestClient(app) as client:
        def post(i: int):  # three different pages (no cache answers), 0.2 s apart: the later ones get their
            time.sleep(0.2 * i)  # turn while the first, abandoned review still runs, and time out waiting for it
            return client.post("/api/v1/gate", json={"text": f"{CLEAN}\n{i}"}, headers=AUTH)

        with ThreadPoolExecutor(3) as pool:
            answers = list(pool.map(post, range(3)))
        time.sleep(2.5)   # the one review that started ends; the ones that waited must not start after it
    for response in answers:
        assert response.status_code == 503 and response.json()["publish"] is False
        assert response.json()["error"]["code"] == "TIMEOUT"
    assert slow.started == 1

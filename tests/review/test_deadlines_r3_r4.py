"""R3 (主动公开 within 20 working days of the document date) and R4 (a 不予公开 decision reported within
5 working days): computed, shown on the item page and the queue, overdue marked, R4 cleared by 已报告."""
from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest

from mishen.review.deadlines import publish_due, report_due
from mishen.review.records import summary_of
from mishen.review.tables import DocumentRow, ReportRow
from mishen.review.views import FinalOpinion
from models import Attribute, Opinion
from tests.review.conftest import make_report
from tests.review.test_web import app_and_store, client, login  # noqa: F401  (fixtures)

RECEIVED = datetime(2024, 9, 23, 2, tzinfo=UTC)


@pytest.mark.parametrize(("doc_date", "due"), [
    (date(2024, 3, 1), date(2024, 3, 29)),     # four plain weeks
    (date(2024, 9, 20), date(2024, 10, 23)),   # Golden Week skipped, Sun 29 Sep and Sat 12 Oct count
    (None, None),                              # no document date: no R3 date
])
def test_publish_due(doc_date, due) -> None:
    assert publish_due(doc_date) == due


@pytest.mark.parametrize(("decided_at", "due"), [
    (datetime(2024, 3, 4, 2, tzinfo=UTC), date(2024, 3, 11)),
    (datetime(2024, 9, 26, 17, tzinfo=UTC), date(2024, 10, 10)),  # 01:00 Fri 27 Sep in Beijing
    (None, None),
])
def test_report_due(decided_at, due) -> None:
    assert report_due(decided_at) == due


def _summary(now: datetime, suggested: str | None, final: str | None = None, status: str = "pending",
             doc_date: str | None = "2024-09-20", decided_at: datetime | None = None,
             reported_at: datetime | None = None):
    doc = DocumentRow(id=1, sha256="0" * 64, lineage="x", source="a.txt", submitted_by="d", received_at=RECEIVED,
                      status=status, final_attribute=final, opinion=None, decided_at=decided_at, doc_date=doc_date,
                      reported_at=reported_at)
    return summary_of(doc, ReportRow(decision="review", suggested_attribute=suggested, report_json="{}"), now)


LATE = datetime(2024, 10, 24, 2, tzinfo=UTC)   # the day after the R3 date
EARLY = datetime(2024, 10, 23, 2, tzinfo=UTC)  # the R3 date itself


@pytest.mark.parametrize(("kwargs", "due", "overdue"), [
    ({"now": LATE, "suggested": "主动公开"}, date(2024, 10, 23), True),
    ({"now": EARLY, "suggested": "主动公开"}, date(2024, 10, 23), False),
    ({"now": LATE, "suggested": "主动公开", "doc_date": None}, None, False),       # date unknown
    ({"now": LATE, "suggested": "脱密后公开"}, None, False),                       # R3 is for 主动公开
    ({"now": LATE, "suggested": "脱密后公开", "final": "主动公开", "status": "in_review"}, date(2024, 10, 23), True),
    ({"now": LATE, "suggested": "主动公开", "final": "主动公开", "status": "done",
      "decided_at": RECEIVED}, date(2024, 10, 23), False),                       # approved: no longer held up
])
def test_r3_in_the_summary(kwargs, due, overdue) -> None:
    s = _summary(**kwargs)
    assert (s.publish_due, s.publish_overdue) == (due, overdue)
    assert s.any_overdue is (overdue or s.overdue)


DECIDED = datetime(2024, 3, 4, 2, tzinfo=UTC)  # R4 date 2024-03-11


@pytest.mark.parametrize(("now", "final", "status", "reported_at", "due", "overdue"), [
    (datetime(2024, 3, 12, 2, tzinfo=UTC), "不予公开", "done", None, date(2024, 3, 11), True),
    (datetime(2024, 3, 11, 2, tzinfo=UTC), "不予公开", "done", None, date(2024, 3, 11), False),
    (datetime(2024, 3, 12, 2, tzinfo=UTC), "不予公开", "done", DECIDED, date(2024, 3, 11), False),  # reported
    (datetime(2024, 3, 12, 2, tzinfo=UTC), "依申请公开", "done", None, None, False),
    (datetime(2024, 3, 12, 2, tzinfo=UTC), "不予公开", "pending", None, None, False),  # reopened: no decision
])
def test_r4_in_the_summary(now, final, status, reported_at, due, overdue) -> None:
    s = _summary(now, "不予公开", final, status, decided_at=DECIDED, reported_at=reported_at)
    assert (s.report_due, s.report_overdue) == (due, overdue)


def test_r3_and_r4_on_the_pages_and_reporting(app_and_store) -> None:
    client, store = app_and_store
    report = make_report("关于举办讲座的通知。", [], title="关于举办讲座的通知")
    report.document.date = "2024-03-01"
    proactive = store.submit(report, "drafter1").item_id
    withheld = store.submit(make_report("内部事务的请示。", [], title="内部事务的请示"), "drafter1").item_id
    reviewer = store.get_user("reviewer1")
    store.record_opinion(withheld, reviewer, FinalOpinion(Attribute.NOT_DISCLOSED, Opinion.WITHHOLD,
                                                          basis="R1", reason="内部事务信息"))
    csrf = login(client, "reviewer1")
    page = client.get(f"/items/{proactive}").text
    assert re.search(r'id="publish-due">2024-03-29（主动公开.*?已超期', page)
    assert re.search(rf'<tr class="overdue">\s*<td>{proactive}</td>', client.get("/").text)
    assert f'href="/items/{proactive}"' in client.get("/", params={"overdue": "1"}).text
    page = client.get(f"/items/{withheld}").text
    assert 'id="report-due"' in page and "不予公开决定后 5 个工作日内报告" in page and "已超期" not in page
    assert client.post(f"/items/{proactive}/reported", data={"csrf": csrf}).status_code == 303
    assert store.get_item(proactive).summary.reported_at is None  # nothing to report there
    client.post(f"/items/{withheld}/reported", data={"csrf": csrf})
    summary = store.get_item(withheld).summary
    assert summary.reported_at is not None and not summary.report_overdue
    assert "已于" in client.get(f"/items/{withheld}").text
    assert store.history(withheld)[-1].action == "reported"

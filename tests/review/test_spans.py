"""A reviewer adds a span the detectors missed, or moves the bounds of one they found (both backends)."""
from __future__ import annotations

import json

import pytest

from mishen.review.views import FinalOpinion, StoreError, Verdict
from models import Attribute, Category, Opinion
from tests.review.conftest import make_report
from tests.review.test_web import app_and_store, client, csrf_of, login  # noqa: F401  (fixtures)

ID = "110101199003071234"
PHONE = "13912345678"
TEXT = f"关于开展专项检查的通知\n联系人张三，电话{PHONE}，身份证号{ID}；备用电话{PHONE}。\n（此件公开发布）"


@pytest.fixture
def item(store, users) -> int:
    return store.submit(make_report(TEXT, [("张三", Category.PERSON_NAME)]), "drafter1").item_id


def _invariant(report) -> None:
    for f in report.findings:
        assert report.span_text(f.part, f.start, f.end) == f.text


@pytest.mark.parametrize(("text", "category", "occurrence", "start"), [
    (ID, Category.CN_ID_CARD, 1, TEXT.index(ID)),
    (PHONE, Category.CN_PHONE, 1, TEXT.index(PHONE)),
    (PHONE, Category.CN_PHONE, 2, TEXT.rindex(PHONE)),  # the second appearance
])
def test_add_a_missed_span(store, users, item, text, category, occurrence, start) -> None:
    new_id = store.add_finding(item, users["reviewer"], text, category, occurrence)
    got = store.get_item(item)
    added = next(rf for rf in got.findings if rf.finding.id == new_id)
    assert (added.finding.start, added.finding.text, added.finding.category) == (start, text, category)
    assert added.verdict is Verdict.ACCEPT and added.finding.detector == "reviewer"
    _invariant(got.report)
    event = got.history[-1]
    assert (event.action, event.target) == ("add_finding", new_id)
    assert text not in json.dumps([event.before, event.after], ensure_ascii=False)


@pytest.mark.parametrize(("text", "category", "occurrence", "code"), [
    ("王五", Category.PERSON_NAME, 1, "NOT_IN_TEXT"),
    (PHONE, Category.CN_PHONE, 3, "NOT_IN_TEXT"),                 # only two appearances
    (PHONE, Category.CN_PHONE, 0, "NOT_IN_TEXT"),
    ("张三", Category.PERSON_NAME, 1, "DUPLICATE"),                # already flagged
    ("此件公开发布", Category.ATTR_MISSING, 1, "BAD_CATEGORY"),      # not a span category
    ("   ", Category.PERSON_NAME, 1, "BAD_SPAN"),
])
def test_add_refuses(store, users, item, text, category, occurrence, code) -> None:
    with pytest.raises(StoreError) as caught:
        store.add_finding(item, users["reviewer"], text, category, occurrence)
    assert caught.value.code == code
    assert len(store.get_item(item).findings) == 1


@pytest.mark.parametrize(("who", "code"), [("drafter", "FORBIDDEN"), ("reviewer2", "CLAIMED")])
def test_add_needs_a_reviewer_holding_the_item(store, users, item, who, code) -> None:
    store.claim(item, users["reviewer"])
    with pytest.raises(StoreError) as caught:
        store.add_finding(item, users[who], ID, Category.CN_ID_CARD)
    assert caught.value.code == code


def test_a_closed_item_takes_no_new_span(store, users, item) -> None:
    store.record_opinion(item, users["reviewer"], FinalOpinion(Attribute.PROACTIVE, Opinion.PUBLISH, basis="R1"))
    with pytest.raises(StoreError, match="CLOSED"):
        store.add_finding(item, users["reviewer"], ID, Category.CN_ID_CARD)


@pytest.mark.parametrize(("text", "ok"), [
    ("联系人张三", True),   # wider
    ("张", True),          # narrower
    ("检查", False),        # does not overlap the present span
    ("李四", False),        # not in the text
])
def test_edit_a_span(store, users, item, text, ok) -> None:
    reviewer = users["reviewer"]
    if not ok:
        with pytest.raises(StoreError):
            store.edit_finding(item, "f1", reviewer, text)
        assert store.get_item(item).findings[0].finding.text == "张三"
        return
    store.edit_finding(item, "f1", reviewer, text)
    got = store.get_item(item)
    f = got.findings[0]
    assert f.finding.text == text and f.verdict is Verdict.ACCEPT and "调整" in f.finding.explanation
    assert TEXT[f.finding.start:f.finding.end] == text
    _invariant(got.report)
    assert got.history[-1].action == "edit_finding" and text not in json.dumps(got.history[-1].after)


def test_added_span_reaches_the_public_version(app_and_store) -> None:
    client, store = app_and_store
    item_id = store.submit(make_report(TEXT, [("张三", Category.PERSON_NAME)]), "drafter1").item_id
    csrf = login(client, "reviewer1")
    for form in ({"text": ID, "category": "CN_ID_CARD"}, {"text": PHONE, "category": "CN_PHONE", "occurrence": "2"}):
        response = client.post(f"/items/{item_id}/spans", data={"csrf": csrf} | form)
        assert "已补充问题项" in client.get(response.headers["location"]).text
    response = client.post(f"/items/{item_id}/spans", data={"csrf": csrf, "text": "<b>不存在</b>",
                                                            "category": "PERSON_NAME"})
    assert "没有找到这段文字" in client.get(response.headers["location"]).text
    response = client.post(f"/items/{item_id}/findings/f1/span", data={"csrf": csrf, "text": "联系人张三"})
    page = client.get(response.headers["location"]).text
    assert "已调整问题项 f1" in page and 'id="finding-r2"' in page
    client.post(f"/items/{item_id}/opinion", data={"csrf": csrf, "attribute": "脱密后公开", "opinion": "公开",
                                                   "basis": "P2"})
    [version] = store.public_versions(item_id)
    public = store.public_data(item_id, version.id)[1].decode("utf-8")
    assert ID not in public and PHONE not in public and "张三" not in public

"""One contract for the queue store, run on SQLite and on the real PostgreSQL (skipped where none answers)."""
from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import inspect

from mishen.review.security import Hasher
from mishen.review.store import Store, span_hash
from mishen.review.views import FinalOpinion, Role, Status, StoreError, Verdict
from models import Attribute, Category, Decision, Opinion
from tests.review.conftest import PASSWORD, make_report

ID = "110101199003071234"
TEXT = f"关于开展专项检查的通知\n联系人张三，身份证号{ID}，电话13812345678。\n（此件公开发布）"
SPANS = [("张三", Category.PERSON_NAME), (ID, Category.CN_ID_CARD), ("13812345678", Category.CN_PHONE)]


def test_migrations_create_every_table_and_run_twice(store: Store) -> None:
    store.migrate()  # a second start-up must be a no-op
    tables = set(inspect(store.engine).get_table_names())
    assert {"users", "documents", "reports", "findings", "decisions", "audit_events", "alembic_version"} <= tables


@pytest.mark.parametrize(("name", "password", "code"), [
    ("good.name", "long-enough", None),
    ("bad name", "long-enough", "BAD_NAME"),
    ("x" * 65, "long-enough", "BAD_NAME"),
    ("short", "1234567", "WEAK_PASSWORD"),
])
def test_add_user_validates(store: Store, name: str, password: str, code: str | None) -> None:
    if code is None:
        assert store.add_user(name, Role.REVIEWER, password).name == name
    else:
        with pytest.raises(StoreError) as err:
            store.add_user(name, Role.REVIEWER, password)
        assert err.value.code == code


def test_passwords_are_hashed_and_checked(store: Store) -> None:
    store.add_user("alice", Role.DRAFTER, PASSWORD)
    with store.engine.connect() as conn:
        stored = conn.exec_driver_sql("SELECT password_hash FROM users").scalar_one()
    assert PASSWORD not in stored and stored.startswith(("$argon2", "scrypt$"))
    assert store.authenticate("alice", PASSWORD).role is Role.DRAFTER
    assert store.authenticate("alice", PASSWORD + "x") is None
    assert store.authenticate("nobody", PASSWORD) is None
    with pytest.raises(StoreError, match="EXISTS"):
        store.add_user("alice", Role.ADMIN, PASSWORD)


def test_submission_is_idempotent_by_content_hash(store: Store, users) -> None:
    report = make_report(TEXT, SPANS)
    first = store.submit(report, "drafter1")
    again = store.submit(report, "drafter1")
    other = store.submit(make_report(TEXT + "\n附件：无", SPANS), "drafter1")
    assert first.created and not again.created and again.item_id == first.item_id
    assert other.created and other.item_id != first.item_id
    assert store.counts()["all"] == 2


def test_concurrent_submissions_of_one_document_make_one_item(store: Store) -> None:
    report = make_report(TEXT, SPANS)
    results = []
    threads = [threading.Thread(target=lambda: results.append(store.submit(report, "api"))) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len({r.item_id for r in results}) == 1 and sum(r.created for r in results) == 1


def test_item_round_trip_keeps_report_and_only_needed_hidden_text(store: Store) -> None:
    report = make_report(TEXT, SPANS, hidden=[("comment/1", "请删去张三的电话", [("张三", Category.PERSON_NAME)]),
                                              ("comment/2", "无关的批注内容", [])])
    item = store.get_item(store.submit(report, "drafter1").item_id)
    assert item.report.document.text == TEXT
    assert [h.id for h in item.report.hidden_parts] == ["comment/1"]  # the part without findings is not kept
    for rf in item.findings:
        assert item.report.span_text(rf.finding.part, rf.finding.start, rf.finding.end) == rf.finding.text
        assert rf.span_sha256 == span_hash(rf.finding.text) and rf.verdict is None
    assert item.summary.status is Status.PENDING and item.summary.received_at.tzinfo is not None
    with store.engine.connect() as conn:  # the findings table holds hashes, never the span text
        rows = conn.exec_driver_sql("SELECT * FROM findings").fetchall()
    assert rows and not any(ID in str(row) for row in rows)


def test_unknown_item(store: Store) -> None:
    with pytest.raises(StoreError, match="NOT_FOUND"):
        store.get_item(999)


def test_claim_is_held_by_one_reviewer_at_a_time(store: Store, users) -> None:
    item_id = store.submit(make_report(TEXT, SPANS), "drafter1").item_id
    store.claim(item_id, users["reviewer"])
    store.claim(item_id, users["reviewer"])  # the holder may claim again
    with pytest.raises(StoreError, match="CLAIMED"):
        store.claim(item_id, users["reviewer2"])
    with pytest.raises(StoreError, match="CLAIMED"):
        store.decide_finding(item_id, "f1", Verdict.ACCEPT, users["reviewer2"])
    with pytest.raises(StoreError, match="CLAIMED"):
        store.release(item_id, users["reviewer2"])
    store.release(item_id, users["admin"])  # an admin may take a claim away
    store.claim(item_id, users["reviewer2"])
    assert store.get_item(item_id).summary.claimed_by == "reviewer2"
    with pytest.raises(StoreError, match="FORBIDDEN"):
        store.claim(item_id, users["drafter"])


def test_a_stale_claim_can_be_taken_over(store_url: str, users) -> None:
    short = Store(store_url, claim_ttl=timedelta(seconds=-1), hasher=Hasher(light=True))
    try:
        item_id = short.submit(make_report(TEXT, SPANS), "drafter1").item_id
        short.claim(item_id, users["reviewer"])
        short.claim(item_id, users["reviewer2"])
        assert short.get_item(item_id).summary.claimed_by == "reviewer2"
    finally:
        short.close()


def test_decisions_survive_an_edited_resubmission_of_the_same_lineage(store: Store, users) -> None:
    reviewer = users["reviewer"]
    first = store.submit(make_report(TEXT, SPANS), "drafter1", lineage="doc-42").item_id
    store.decide_finding(first, "f1", Verdict.REJECT, reviewer)   # 张三: a false alarm
    store.decide_finding(first, "f2", Verdict.ACCEPT, reviewer)   # the ID number stands
    edited = "补充说明。\n" + TEXT.replace("13812345678", "13900001111")
    spans = [("张三", Category.PERSON_NAME), (ID, Category.CN_ID_CARD), ("13900001111", Category.CN_PHONE)]
    second = store.get_item(store.submit(make_report(edited, spans), "drafter1", lineage="doc-42").item_id)
    verdicts = {rf.finding.text: rf.verdict for rf in second.findings}
    assert verdicts == {"张三": Verdict.REJECT, ID: Verdict.ACCEPT, "13900001111": None}
    unrelated = store.get_item(store.submit(make_report(edited + "。", spans), "drafter1", lineage="doc-43").item_id)
    assert all(rf.verdict is None for rf in unrelated.findings)  # another lineage starts afresh


def test_a_decision_is_keyed_by_category_too(store: Store, users) -> None:
    text = "编号13812345678。"
    item_a = store.submit(make_report(text, [("13812345678", Category.CN_PHONE)]), "d", lineage="L").item_id
    store.decide_finding(item_a, "f1", Verdict.REJECT, users["reviewer"])
    item_b = store.submit(make_report(text + "\n", [("13812345678", Category.BANK_CARD)]), "d", lineage="L").item_id
    assert store.get_item(item_b).findings[0].verdict is None


def test_every_action_is_audited_with_before_and_after(store: Store, users) -> None:
    reviewer = users["reviewer"]
    item_id = store.submit(make_report(TEXT, SPANS), "drafter1").item_id
    store.decide_finding(item_id, "f1", Verdict.ACCEPT, reviewer)
    store.decide_finding(item_id, "f1", Verdict.REJECT, reviewer)
    store.record_opinion(item_id, reviewer, FinalOpinion(Attribute.AFTER_REDACTION, Opinion.PUBLISH, "R1、P2"))
    history = store.history(item_id)
    assert [e.action for e in history] == ["submit", "claim", "decide_finding", "decide_finding", "opinion"]
    change = history[3]
    assert (change.actor, change.target, change.before["verdict"], change.after["verdict"]) == (
        "reviewer1", "f1", "accept", "reject")
    assert history[-1].before["status"] == "in_review" and history[-1].after["status"] == "done"
    assert all(e.at.tzinfo is not None for e in history)
    assert not any(ID in str(e.before) + str(e.after) for e in history)  # no document text in the trail


@pytest.mark.parametrize(("attribute", "basis", "reason", "code"), [
    (Attribute.PROACTIVE, "R1", "", None),
    (Attribute.AFTER_REDACTION, "P2", "", None),
    (Attribute.ON_REQUEST, "R5", "涉及个人隐私", None),
    (Attribute.NOT_DISCLOSED, "S1", "属于工作秘密", None),
    (Attribute.ON_REQUEST, "R5", "", "REASON_REQUIRED"),
    (Attribute.NOT_DISCLOSED, "S1", "   ", "REASON_REQUIRED"),
    (Attribute.PROACTIVE, "  ", "", "BASIS_REQUIRED"),
])
def test_opinion_needs_basis_and_for_some_attributes_a_reason(store: Store, users, attribute, basis, reason,
                                                             code) -> None:
    item_id = store.submit(make_report(TEXT, SPANS), "drafter1").item_id
    final = FinalOpinion(attribute, Opinion.WITHHOLD, basis, reason)
    if code:
        with pytest.raises(StoreError) as err:
            store.record_opinion(item_id, users["reviewer"], final)
        assert err.value.code == code and store.get_item(item_id).summary.status is Status.PENDING
        return
    store.record_opinion(item_id, users["reviewer"], final)
    item = store.get_item(item_id)
    assert (item.summary.status, item.summary.final_attribute, item.summary.claimed_by) == (
        Status.DONE, attribute.value, None)
    with pytest.raises(StoreError, match="CLOSED"):
        store.decide_finding(item_id, "f1", Verdict.ACCEPT, users["reviewer"])
    store.reopen(item_id, users["reviewer2"])
    store.decide_finding(item_id, "f1", Verdict.ACCEPT, users["reviewer2"])


def test_listing_filters_counts_and_drafter_visibility(store: Store, users) -> None:
    a = store.submit(make_report(TEXT, SPANS, decision=Decision.BLOCK), "drafter1").item_id
    b = store.submit(make_report("会议通知。", [], decision=Decision.PASS), "someone_else").item_id
    old = datetime(2024, 3, 1, 2, 0, tzinfo=UTC)
    c = store.submit(make_report("旧的请示。", [], decision=Decision.REVIEW), "drafter1", received_at=old).item_id
    store.claim(a, users["reviewer"])
    assert [i.id for i in store.list_items()] == [b, a, c]
    assert [i.id for i in store.list_items(decision="block")] == [a]
    assert [i.id for i in store.list_items(status="in_review")] == [a]
    assert [i.id for i in store.list_items(attribute="主动公开")] == [b, c]
    assert [i.id for i in store.list_items(overdue=True)] == [c]
    assert store.counts() == {"pending": 2, "in_review": 1, "done": 0, "all": 3}
    assert [i.id for i in store.list_items(users["drafter"])] == [a, c]  # a drafter sees only their own
    assert store.counts(users["drafter"]) == {"pending": 1, "in_review": 1, "done": 0, "all": 2}
    assert {i.id for i in store.list_items(users["reviewer"])} == {a, b, c}


def test_concurrent_audit_records_all_land(store: Store) -> None:
    """The gate records every answer from a worker thread: 16 at once all land, in their own rows."""
    barrier = threading.Barrier(16)

    def record(k: int) -> None:
        barrier.wait()
        for i in range(5):
            store.record_event("cms", "gate", None, None, None, {"k": k, "i": i})

    threads = [threading.Thread(target=record, args=(k,)) for k in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with store.engine.connect() as connection:
        rows = connection.exec_driver_sql("SELECT count(*) FROM audit_events WHERE action = 'gate'").scalar()
    assert rows == 80

"""Summary numbers from document results: decisions, attributes, categories, attention order."""
from __future__ import annotations

from mishen.batch.results import Status
from mishen.batch.summary import NOT_DECLARED, summarize
from models import Decision
from tests.batch.conftest import row

ROWS = [
    row("ok.txt", Decision.PASS, declared="主动公开", suggested="主动公开", categories={}),
    row("names.txt", Decision.REVIEW, declared="主动公开", suggested="脱密后公开", conflict=True, findings=3,
        categories={"PERSON_NAME": 2, "CN_PHONE": 1}),
    row("secret.docx", Decision.BLOCK, declared=None, suggested="不予公开", findings=2, serious=2,
        categories={"CLASSIFICATION_MARK": 1, "PERSON_NAME": 1}),
    row("broken.docx", Decision.BLOCK, error_code="UNREADABLE", report=None),
    row("again.txt", Decision.PASS, declared="主动公开", suggested="主动公开", status=Status.SKIPPED),
]


def test_counts() -> None:
    s = summarize(ROWS)
    assert (s.total, s.reviewed, s.skipped, s.errors, s.conflicts) == (5, 4, 1, 1, 1)
    assert s.by_decision == {Decision.PASS: 2, Decision.REVIEW: 1, Decision.BLOCK: 2}
    assert s.suggested == {"主动公开": 2, "脱密后公开": 1, "不予公开": 1}
    assert s.declared == {"主动公开": 3, NOT_DECLARED: 1}                 # the unreadable file is not counted
    assert s.matrix == {("主动公开", "主动公开"): 2, ("主动公开", "脱密后公开"): 1, (NOT_DECLARED, "不予公开"): 1}
    assert s.declared_keys == ["主动公开", NOT_DECLARED]
    assert s.suggested_keys == ["主动公开", "不予公开", "脱密后公开"]


def test_categories_grouped_then_by_documents() -> None:
    got = [(c.category, c.documents, c.findings) for c in summarize(ROWS).categories]
    assert got == [("PERSON_NAME", 2, 3), ("CN_PHONE", 1, 1), ("CLASSIFICATION_MARK", 1, 1)]


def test_unknown_category_is_kept_last() -> None:
    got = [c.category for c in summarize([row("a", categories={"NEW_KIND": 1, "EMAIL": 1})]).categories]
    assert got == ["EMAIL", "NEW_KIND"]


def test_attention_order_errors_block_review_conflict_then_pass() -> None:
    order = [r.source for r in summarize(ROWS).rows]
    assert order == ["broken.docx", "secret.docx", "names.txt", "again.txt", "ok.txt"]


def test_empty_batch() -> None:
    s = summarize([])
    assert s.total == 0 and s.categories == [] and sum(s.by_decision.values()) == 0

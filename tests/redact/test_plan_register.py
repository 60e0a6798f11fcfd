"""Plan selection, masks from the policy/personal masks, one mask per value across a batch."""
from __future__ import annotations

import json

import pytest

from mishen.redact import MaskRegister, Redactor
from mishen.redact.match import Matcher
from mishen.redact.plan import EntryKind, proposed_mask
from mishen.redact.register import merge
from models import Action, Category, Finding, Severity
from tests.read.builders import make_docx
from tests.redact.helpers import report_for

C = Category


def finding(category, text, action=Action.REDACT, replacement=None):
    return Finding(category=category, start=0, end=len(text), text=text, score=1, severity=Severity.HIGH,
                   rules=["P2"], detector="t", explanation="t", action=action, replacement=replacement)


@pytest.mark.parametrize("category,text,expected", [
    (C.CN_ID_CARD, "110101199003071234", "110101********1234"),
    (C.CN_PHONE, "13812345678", "138****5678"),
    (C.PERSON_NAME, "欧阳修文", "欧阳**"),
    (C.BANK_CARD, "6228480012345678903", "***************8903"),
    (C.CLASSIFICATION_MARK, "秘密★1年", ""),       # secrets are removed whole
    (C.CREDENTIAL, "Passw0rd!", ""),
])
def test_default_masks(category, text, expected):
    assert proposed_mask(finding(category, text)) == expected


def test_policy_replacement_wins():
    assert proposed_mask(finding(C.PERSON_NAME, "张三", replacement="某某")) == "某某"


@pytest.mark.parametrize("a,b,expected", [
    ("138****5678", "138****5678", "138****5678"),
    ("138****5678", "*******5678", "*******5678"),
    ("张*", "张**", "张*"),           # different lengths: the one revealing less (ties: either)
    ("110101********1234", "1101************34", "1101************34"),
])
def test_merge_reveals_the_least(a, b, expected):
    assert merge(a, b) == expected


def test_same_value_same_mask_across_a_batch_and_later(tmp_path):
    path = tmp_path / "reg.json"
    number = "6228480012345678903"
    doc1 = make_docx(paragraphs=[f"账号{number}"])
    doc2 = make_docx(paragraphs=[f"电话 6228 4800 1234 5678 903"])
    redactor = Redactor(register=MaskRegister(path))
    plan1 = redactor.plan(report_for(doc1, "a.docx", [(number, C.BANK_CARD)]))
    plan2 = redactor.plan(report_for(doc2, "b.docx", [("6228 4800 1234 5678 903", C.CN_PHONE)]))
    plan1.finalize(redactor.register)
    plan2.finalize(redactor.register)
    assert plan1.entries[0].mask == plan2.entries[0].mask == "***************8903"
    redactor.register.save()
    stored = path.read_text()
    assert number not in stored and "6228" not in stored and json.loads(stored)["schema"] == "mishen.mask-register/1"
    later = Redactor(register=MaskRegister(path))
    plan3 = later.plan(report_for(doc1, "a.docx", [(number, C.CN_PHONE)]))  # a different category proposes more
    plan3.finalize(later.register)
    assert plan3.entries[0].mask == "***************8903"  # a published mask is final


def test_selection_redact_and_blocking_secrets_only():
    data = make_docx(paragraphs=["秘密★1年", "张三来电。", "联系人李四。"])
    report = report_for(data, "s.docx", [("秘密★1年", C.CLASSIFICATION_MARK), ("张三", C.PERSON_NAME),
                                         ("李四", C.PERSON_NAME)])
    report.findings[0].action = Action.BLOCK
    report.findings[2].action = Action.REVIEW
    plan = Redactor().plan(report)
    assert [e.finding_id for e in plan.entries] == ["f1", "f2"] and plan.pending == ["f3"]
    accepted = Redactor().plan(report, accepted={"f3"})
    assert [e.finding_id for e in accepted.entries] == ["f3"]


def test_hidden_content_is_removed_as_a_part():
    data = make_docx(paragraphs=["正文。"], comments=[(0, "内部意见", "王五")])
    report = report_for(data, "c.docx", [("内部意见", C.DOC_COMMENT)])
    plan = Redactor().plan(report)
    assert plan.entries[0].kind is EntryKind.REMOVE_PART and plan.masks() == {}


@pytest.mark.parametrize("text,key,found", [
    ("电话138 1234 5678。", "13812345678", [(2, 15)]),
    ("電話１３８１２３４５６７８", "13812345678", [(2, 13)]),
    ("申請人張偉華", "张伟华", [(3, 6)]),
    ("号码1381234567", "13812345678", []),
    ("ID 11010119900307123X", "11010119900307123x", [(3, 21)]),
])
def test_matcher_finds_every_written_form(text, key, found):
    assert [(s, e) for s, e, _ in Matcher().find(text, [key])] == found

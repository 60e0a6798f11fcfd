"""The policy consumes other detectors' findings: marker rules, personal data, secrets; action/severity
from the policy file; decision; ATTR_CONFLICT; ids f1…fn and the redact list."""
from __future__ import annotations

import pytest

from models import Action, Attribute, Category, Decision, Opinion, Severity
from tests.policy.conftest import finding
from tests.policy.test_rules import gw

P, R, N, T = Attribute.PROACTIVE, Attribute.ON_REQUEST, Attribute.NOT_DISCLOSED, Attribute.AFTER_REDACTION
PLAIN = gw("关于开展人社服务进万家活动的通知", "决定开展活动，组织工作人员深入社区宣讲政策。")
REPORT = gw("关于人社服务进万家活动开展情况的报告", "活动已开展，现将有关情况报告如下。", to="市人社局：")
MEASURES = "通辽市人社局政务公开暂行办法\n第一条 为推进政务公开，制定本办法。\n第七条 正在调查、讨论、处理过程中的信息不予公开。\n"
NOTICE = gw("关于违规领取失业保险金问题处理情况的通报",
            "当事人赵某某（身份证号码：150102197806252315，联系电话：13987012345）违规领取失业保险金。")

MARKERS = [
    # text, findings (needle, category, rules), attribute, rule
    (PLAIN, [("关于开展人社服务进万家活动的通知", Category.UPWARD_REQUEST, ["D5"])], N, "D5"),
    (REPORT, [], N, "D5"),
    (PLAIN, [("决定开展活动", Category.CONSULTATION, ["D6"])], N, "D6"),
    (PLAIN, [("关于开展人社服务进万家活动的通知", Category.PARTY_DOCUMENT, ["D10"])], N, "D10"),
    (PLAIN, [("关于开展人社服务进万家活动的通知", Category.PARTY_DOCUMENT, ["D13"])], P, "D13"),
    (PLAIN, [("深入社区", Category.SECRET_MARKER, ["D12"])], P, "D12"),
    (PLAIN, [("深入社区", Category.SECRET_MARKER, ["S2", "D4"])], R, "D4"),
    (PLAIN, [("深入社区", Category.SECRET_MARKER, ["S2", "D7"])], N, "D7"),
    (PLAIN, [("关于开展人社服务进万家活动的通知", Category.DRAFT_STATUS, ["D8"])], N, "D8"),
    (PLAIN, [("决定开展活动", Category.DRAFT_STATUS, ["D9"])], N, "D9"),
    (PLAIN, [("关于开展人社服务进万家活动的通知", Category.PURE_FORWARD, ["A6"])], N, "A6"),
    (PLAIN, [("关于开展人社服务进万家活动的通知", Category.CLASSIFICATION_MARK, ["S1", "D7"])], N, "S1"),
    # a process phrase only in the body of a document the law makes public: doubt (D14), not 不予公开
    (MEASURES, [("正在调查", Category.DRAFT_STATUS, ["D8"])], P, "D14"),
]


@pytest.mark.parametrize("text,found,attribute,rule", MARKERS)
def test_marker_findings_decide(judge, text, found, attribute, rule):
    findings = [finding(text, needle, cat, rules) for needle, cat, rules in found]
    s = judge(text, findings).suggestion
    assert s.attribute is attribute and rule in s.rules


def test_classification_mark_blocks(judge):
    f = finding(PLAIN, "关于开展", Category.CLASSIFICATION_MARK, ["S1", "D7"], Action.BLOCK, Severity.CRITICAL)
    r = judge(PLAIN, [f])
    assert r.decision is Decision.BLOCK and r.suggestion.opinion is Opinion.WITHHOLD


def test_credential_blocks_and_is_redacted(judge):
    text = gw("关于社保系统升级暂停办理业务的公告", "系统升级期间暂停办理。管理员密码：Sb#2023xy!", to="")
    f = finding(text, "Sb#2023xy!", Category.CREDENTIAL, ["S3"], Action.BLOCK, Severity.CRITICAL)
    r = judge(text, [f])
    assert r.decision is Decision.BLOCK
    assert r.suggestion.attribute is T and r.suggestion.redact == [r.findings[0].id]


def test_credentials_in_internal_affairs_are_not_disclosed(judge):
    text = gw("关于启用新版协同办公系统的通知", "初始密码统一为Lj@2024#oa，首次登录后修改。", to="局机关各处室：")
    f = finding(text, "Lj@2024#oa", Category.CREDENTIAL, ["S3"], Action.BLOCK, Severity.CRITICAL)
    r = judge(text, [f])
    assert r.suggestion.attribute is N and r.suggestion.rules[:2] == ["S3", "D4"]
    assert r.decision is Decision.BLOCK and r.suggestion.redact == []


def test_separable_personal_data_gives_redaction_list(judge):
    findings = [finding(NOTICE, "150102197806252315", Category.CN_ID_CARD, ["P2"], Action.REDACT),
                finding(NOTICE, "13987012345", Category.CN_PHONE, ["P3"], Action.REDACT),
                finding(NOTICE, "赵某某", Category.PERSON_NAME, ["P1"], Action.NONE, Severity.LOW)]
    r = judge(NOTICE, findings)
    s = r.suggestion
    assert s.attribute is T and s.conflicts_with_declared and s.opinion is Opinion.PUBLISH
    assert [f.id for f in r.findings] == [f"f{i}" for i in range(1, len(r.findings) + 1)]
    redacted = {f.id: f for f in r.findings if f.id in s.redact}
    assert sorted(f.category for f in redacted.values()) == [Category.CN_ID_CARD, Category.CN_PHONE]
    assert redacted[s.redact[0]].replacement == "150102********2315"
    assert "P2" in s.rules and "P3" in s.rules and "身份证号码1处" in " ".join(s.reasons)
    name = next(f for f in r.findings if f.category is Category.PERSON_NAME)
    assert name.action is Action.NONE and name.severity is Severity.LOW   # masked: detector's judgement kept
    assert r.decision is Decision.REVIEW


def test_unsure_detector_keeps_review_not_redact(judge):
    text = gw("关于就业困难人员认定名单的公示", "孙丽　5305241992********10\n如有异议，请来电：0870-7123466", to="")
    f = finding(text, "0870-7123466", Category.CN_PHONE, ["P3"], Action.REVIEW, Severity.MEDIUM)
    r = judge(text, [f])
    assert r.findings[0].action is Action.REVIEW and r.suggestion.attribute is P
    assert r.decision is Decision.REVIEW


@pytest.mark.parametrize("title,exempt", [
    ("关于2023年拟聘用人员的公示", True), ("关于李文静等同志职务任免的通知", True),
    ("关于违规领取失业保险金问题处理情况的通报", False)])
def test_names_exempt_in_public_notices(judge, title, exempt):
    text = gw(title, "张伟同志，男，1990年出生。", to="")
    f = finding(text, "张伟", Category.PERSON_NAME, ["P1"], Action.REDACT, Severity.HIGH)
    r = judge(text, [f])
    got = next(x for x in r.findings if x.category is Category.PERSON_NAME)
    assert (got.action is Action.NONE) is exempt
    assert (r.suggestion.attribute is P) is exempt


def test_conflict_finding_points_at_the_note(judge):
    r = judge(REPORT)
    conflict = [f for f in r.findings if f.category is Category.ATTR_CONFLICT]
    assert len(conflict) == 1
    c = conflict[0]
    assert REPORT[c.start:c.end] == c.text == "（此件主动公开）" and "D5" in c.rules
    assert "不予公开" in c.explanation and r.decision is Decision.REVIEW


@pytest.mark.parametrize("text,decision", [
    (PLAIN, Decision.PASS),
    (gw("关于开展人社服务进万家活动的通知", "决定开展活动。", note="（此件依申请公开，理由：内部）"), Decision.REVIEW),
    (gw("关于开展人社服务进万家活动的通知", "决定开展活动。", note=""), Decision.REVIEW),          # ATTR_MISSING
    ("县人社局开展根治欠薪宣传活动\n　　12月4日，县人社局开展宣传活动。\n", Decision.PASS),      # web article
    ("", Decision.REVIEW),
])
def test_decision(judge, text, decision):
    assert judge(text).decision is decision


def test_hidden_part_findings_do_not_decide_the_attribute_but_need_action(judge):
    f = finding(PLAIN, "深入社区", Category.SECRET_MARKER, ["S2", "D7"])
    f.part, f.start, f.end = "comment/1", 0, 4
    r = judge(PLAIN, [f])
    assert r.suggestion.attribute is P
    assert r.decision is Decision.BLOCK  # policy: SECRET_MARKER D7 → block, wherever it sits


def test_reasons_cite_rule_and_seed_article(judge):
    s = judge(gw("关于申请资金的请示", "妥否，请批示。", to="市人社局：", note="（此件主动公开）")).suggestion
    assert s.reasons[0] == ("本件为报上级机关的请示（D5），依据《昌宁县人力资源和社会保障局公文公开属性源头认定制度》第二条（一）、"
                            "《五原县政府信息公开保密审查制度》第七条“不宜公开”第3、4项，报上级机关的请示和报告应确定为“不予公开”。")

"""S3 in the attribute: access secrets that are the substance of an internal notice → 不予公开 (S3, D4, A5);
a stray one in a public document → 脱密后公开 with it removed (S3, A5). Signals, not document wording."""
from __future__ import annotations

import pytest

from models import Action, Attribute, Category, Decision, Severity
from tests.policy.conftest import finding
from tests.policy.test_rules import gw

P, R, N, T = Attribute.PROACTIVE, Attribute.ON_REQUEST, Attribute.NOT_DISCLOSED, Attribute.AFTER_REDACTION
C, I = Category.CREDENTIAL, Category.INTERNAL_NETWORK

CASES = [
    # title, 主送, body, access items (needle, category), expected attribute
    # substance: title names a system, internal recipients, several items, most sentences carry one
    ("关于启用财务报销平台的通知", "局机关各科室：",
     "财务报销平台自7月1日起启用。登录地址http://172.20.5.9:8443/cw。各科室报账员账号为gw_cw01/Cw#2024ab，首次登录后修改。",
     [("http://172.20.5.9:8443/cw", I), ("gw_cw01/Cw#2024ab", C)], N),
    # substance without any password: intranet addresses for staff (title topic + 全体干部职工)
    ("关于调整内网文件共享服务的通知", "全体干部职工：",
     "自8月1日起，内网文件服务器地址调整为192.168.40.12，备用地址为http://print.qsj.zwnw:631。",
     [("192.168.40.12", I), ("http://print.qsj.zwnw:631", I)], N),
    # substance by count and share with a plain title (recipients are the agency's own units)
    ("关于做好汛期值守联络工作的通知", "县直各单位：",
     "值守视频会议终端接入地址为10.8.3.21。备用接入地址为10.8.3.22。会商系统管理账号为fx_admin/Fx@2024!!。",
     [("10.8.3.21", I), ("10.8.3.22", I), ("fx_admin/Fx@2024!!", C)], N),
    # separable: a public 公告 that merely contains a stray credential
    ("关于医保服务大厅搬迁的公告", "",
     "因办公场所调整，医保服务大厅自9月1日起搬迁至新址办公，咨询电话12345。原大厅自助终端管理员密码：Yb#2023ok，已停用。",
     [("Yb#2023ok", C)], T),
    # separable: a notice about subsidies to township governments with one stray intranet address
    ("关于做好2024年创业担保贷款贴息申报工作的通知", "各乡镇人民政府：",
     "符合条件的个人和小微企业可申请贴息。申请人应如实填报申请材料，乡镇审核后报县人社局。县人社局对申请材料进行复核并公示结果。"
     "贴息资金按季度拨付到借款人账户。申报材料经内网报送至10.6.1.15，由县人社局汇总。",
     [("10.6.1.15", I)], T),
    # separable: a public consultation stays public even with a system in the title and two items
    ("关于公开征求《青石县政务服务平台管理办法（征求意见稿）》意见的公告", "",
     "现向社会公开征求意见。技术对接人员请通过http://10.2.2.2:8000/zw提交，账号为zw_fk/Zw@2024xy。",
     [("http://10.2.2.2:8000/zw", I), ("zw_fk/Zw@2024xy", C)], T),
]


def _findings(text: str, items: list[tuple[str, Category]]):
    out = []
    for needle, cat in items:
        action, severity = (Action.BLOCK, Severity.CRITICAL) if cat is C else (Action.REDACT, Severity.HIGH)
        out.append(finding(text, needle, cat, ["S3"], action, severity))
    return out


@pytest.mark.parametrize("title,to,body,items,attribute", CASES)
def test_access_secrets_substance_or_separable(judge, title, to, body, items, attribute):
    text = gw(title, body, to=to)
    r = judge(text, _findings(text, items))
    s = r.suggestion
    assert s.attribute is attribute and "S3" in s.rules and "A5" in s.rules
    s3 = next(x for x in s.reasons if "（S3）" in x)
    assert "《五原县政府信息公开保密审查制度》第四条" in s3 and "《昌宁县人力资源和社会保障局" in s3
    redacted = {x.text for x in r.findings if x.id in s.redact}
    if attribute is N:
        assert "D4" in s.rules and "实质内容" in s3 and s.redact == []
    else:
        assert "D4" not in s.rules and redacted == {needle for needle, _ in items}
    assert r.decision is (Decision.BLOCK if any(c is C for _, c in items) else Decision.REVIEW)


def test_access_secrets_reason_shows_the_signals(judge):
    title, to, body, items, _ = CASES[0]
    text = gw(title, body, to=to)
    reason = next(x for x in judge(text, _findings(text, items)).suggestion.reasons if "（S3）" in x)
    assert "标题涉及“平台”" in reason and "主送局机关各科室" in reason and "访问凭据1处" in reason


def test_personal_data_and_access_secrets_both_reasoned(judge):
    """A5 (personal) and S3 (access) are distinct rules: neither hides the other in the reasons."""
    text = gw("关于社保卡补换领服务调整的公告", "补换领请联系张伟，电话13987012345。自助机维护密码：Sk#2023mm。", to="")
    found = [finding(text, "13987012345", Category.CN_PHONE, ["P3"], Action.REDACT),
             *_findings(text, [("Sk#2023mm", C)])]
    s = judge(text, found).suggestion
    assert s.attribute is T and {"A5", "P3", "S3"} <= set(s.rules)
    assert any("个人电话号码1处" in x for x in s.reasons) and any("（S3）" in x for x in s.reasons)


@pytest.mark.parametrize("title,exempt", [("关于2023年度优秀志愿者表彰名单的公示", True),
                                          ("关于违规领取失业保险金问题处理情况的通报", False)])
def test_exempt_name_says_why(judge, title, exempt):
    text = gw(title, "刘晓梅，城关镇居民。", to="")
    f = finding(text, "刘晓梅", Category.PERSON_NAME, ["P1"], Action.REDACT, Severity.MEDIUM)
    got = next(x for x in judge(text, [f]).findings if x.category is Category.PERSON_NAME)
    assert ("公示名单依法公开姓名" in got.explanation) is exempt
    assert (got.evidence.get("exemption") == "公示名单") is exempt and (got.action is Action.NONE) is exempt

"""A table per rule: documents that fire it and near misses that must not (policy's own reading of the text)."""
from __future__ import annotations

import pytest

from models import Attribute, Opinion

P, R, N, T = Attribute.PROACTIVE, Attribute.ON_REQUEST, Attribute.NOT_DISCLOSED, Attribute.AFTER_REDACTION
TO_ALL = "各乡镇人民政府，县直各有关部门："


def gw(title: str, body: str, to: str = TO_ALL, note: str = "（此件主动公开）", top: str = "",
       signer: str = "青石县人力资源和社会保障局") -> str:
    """A 公文 draft: optional 版头 line, title, 主送, body, signature, date, 附注."""
    head = f"{top}\n" if top else ""
    to_line = f"{to}\n" if to else ""
    return f"{head}{title}\n{to_line}　　{body}\n{signer}\n2023年9月5日\n{note}\n"


CASES = [
    # rule, text, attribute, rule expected among the suggestion's rules (True) or absent (False)
    ("D5", gw("关于申请追加就业补助资金的请示", "现申请追加资金50万元。妥否，请批示。", to="市人社局："), N, True),
    ("D5", gw("关于上半年就业工作情况的报告", "现将有关情况报告如下。特此报告。", to="县人民政府："), N, True),
    ("D5", gw("县社保局关于基金监管工作的汇报", "现将工作情况汇报如下。", to=""), N, True),
    ("D5", gw("關於申請撥付培訓補貼的請示", "妥否，請批示。", to="市人社局："), N, True),
    ("D5", gw("关于同意设立零工市场的批复", "你局《关于设立零工市场的请示》收悉。同意设立。", to="县人社局："), P, False),
    ("D5", gw("关于做好请示报告工作的通知", "各单位重大事项要及时请示报告。"), P, False),
    ("D5", gw("青石县就业形势调研报告", "一、基本情况。二、对策建议。", to=""), P, False),
    ("D3", gw("2024年青石县人民政府工作报告", "现在，我代表县人民政府，向大会报告政府工作。", to="各位代表："), P, True),
    ("D3", gw("青石县人社局2023年政府信息公开工作年度报告", "本报告依据条例编制。", to=""), P, True),
    ("D3", gw("关于2023年预算执行情况的报告", "现将预算执行情况提请审议。", to="各位代表："), P, True),
    ("D3", gw("关于申请追加部门预算的请示", "妥否，请批示。", to="县财政局："), N, False),
    ("D3", gw("关于印发《青石县就业困难人员认定管理办法》的通知", "现将办法印发给你们。"), P, True),
    ("D3", "青石县失业保险金申领办事指南\n一、办理条件：已缴费满一年。\n二、办理地点：政务服务中心。\n", P, True),
    ("D3", gw("中共青石县人社局党组关于调整局领导班子成员工作分工的通知", "现将分工调整如下。",
              to="局机关各股室：", signer="中共青石县人社局党组"), P, True),
    ("D10", gw("中共青石县委员会关于加强基层党组织建设的意见", "现提出如下意见。", to="各乡镇党委：",
               top="中共青石县委员会文件", signer="中共青石县委员会", note="（此件不予公开，理由：党委文件）"), N, True),
    ("D10", gw("中共青石县人社局党组关于召开民主生活会的通知", "定于1月18日召开。", to="局机关各党支部：",
               signer="中共青石县人社局党组"), N, True),
    ("D10", gw("关于学习贯彻县委全会精神的通知", "县委全会召开后，各单位要认真学习。"), P, False),
    ("D6", gw("关于征求《医疗救助实施办法（征求意见稿）》意见的函", "请于9月20日前将书面意见反馈我局。",
              to="县财政局、县民政局："), N, True),
    ("D6", gw("县财政局关于对《创业扶持办法》反馈意见的复函", "经研究，建议调整补贴标准。特此函复。",
              to="县人社局："), N, True),
    ("D6", gw("关于公开征求《医疗救助实施办法（征求意见稿）》意见的公告", "现向社会公开征求意见。", to=""), P, False),
    ("D6", gw("关于做好群众来信办理工作的通知", "各单位要认真办理群众意见建议。"), P, False),
    ("D8", "青石县2024年就业工作要点（讨论稿）\n一、总体目标。\n二、重点任务。\n", N, True),
    ("D8", gw("关于印发《零工市场建设实施方案》的通知", "现将方案印发给你们。", top="（送审稿）"), N, True),
    ("D8", gw("关于前期文件有关事项的通知", "前期印发的征求意见稿已收回，以本通知为准。"), P, False),
    ("D7", gw("关于基金专项检查发现问题的通报", "发现问题如下。", top="工作秘密"), N, True),
    ("D7", gw("关于风险排查情况的通报", "经排查，重点企业17户。", top="内部资料　注意保密"), N, True),
    ("D7", gw("关于加强保密教育的通知", "全体干部要保守工作秘密，学习《中华人民共和国保守国家秘密法》。"), P, False),
    ("S1", gw("关于做好社会稳定风险防控工作的通知", "现将有关要求通知如下。", top="秘密★1年"), N, True),
    ("S1", gw("关于开展保密自查的通知", "检查是否存在将秘密★级文件存放在互联网计算机的情况。"), P, False),
    ("D9", gw("关于恒达公司涉嫌拒不支付劳动报酬案件线索移送情况的通报", "目前案件正在调查取证。",
              to="县公安局："), N, True),
    ("D9", gw("关于恒达公司拖欠工资案件处理结果的通报", "该案已依法办结，工资已全部支付。"), P, False),
    ("D11", gw("关于鼎盛农业科技有限公司申请稳岗返还有关问题的复函", "经核对你公司财务数据及经营数据，符合条件。",
               to="鼎盛农业科技有限公司："), N, True),
    ("D11", gw("关于鼎盛农业科技有限公司申请稳岗返还有关问题的复函", "你公司符合条件，可按规定申请。",
               to="鼎盛农业科技有限公司："), P, False),
    ("A6", gw("关于转发《市人社局关于做好高校毕业生就业工作的通知》的通知", "现将《市人社局关于做好高校毕业生就业工作的通知》转发给你们，请认真贯彻执行。"), N, True),
    ("A6", gw("关于印发《稳就业若干措施》的通知", "现将《稳就业若干措施》印发给你们，请认真贯彻执行。"), P, False),
    ("D4", gw("关于2024年春节期间值班安排的通知", "现将值班安排通知如下。", to="局机关各股室：",
              note="（此件依申请公开，理由：内部事务）"), R, True),
    ("D4", gw("关于进一步加强机关公务用车管理的通知", "公务用车实行统一调度。", to="局机关各股室："), R, True),
    ("D4", gw("关于做好节假日期间劳动保障监察工作的通知", "节日期间各单位要安排人员值守，及时处置欠薪投诉。"), P, False),
    ("A5", gw("关于李建国信访事项的答复意见", "你反映的工龄认定问题收悉。", to="李建国：",
              note="（此件依申请公开，理由：个人隐私）"), R, True),
    ("A5", gw("关于调整科室分工的通知", "现将分工调整如下。", to="各科室："), P, False),
    ("A5", gw("关于违规领取待遇问题处理情况的通报", "当事人王某某（身份证号：530524198503122316）冒领待遇。"), T, True),
    ("A5", gw("关于就业困难人员认定名单的公示", "孙丽　5305241992********10", to=""), P, False),
    ("A5", gw("关于违规领取待遇问题处理情况的通报", "当事人编号530524198503122317（校验位不符）。"), P, False),
    ("D2", gw("青石县关于开展社会保险待遇资格认证的公告", "现将有关事项公告如下。", to=""), P, True),
    ("D1", gw("关于提高城乡居民基础养老金标准的通知", "基础养老金最低标准提高至每人每月123元。"), P, True),
]


@pytest.mark.parametrize("rule,text,attribute,fires", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_rule_table(judge, rule, text, attribute, fires):
    result = judge(text)
    assert result.suggestion.attribute is attribute
    assert (rule in result.suggestion.rules) is fires


OPINIONS = [
    # text, opinion, a rule among the suggestion's rules
    (gw("关于青石县发生一起非洲猪瘟疫情的通报", "县动物疫病预防控制中心确诊疫情。", signer="青石县农业农村局"),
     Opinion.REFER, "D12"),
    (gw("青石县2023年人社事业发展统计公报", "全县就业人员21.3万人。", to=""), Opinion.REFER, "D12"),
    (gw("关于做好流感疫苗接种工作的通知", "各单位要组织职工接种流感疫苗。"), Opinion.PUBLISH, "D1"),
    (gw("城关镇人民政府关于杨光辉等同志职务任免的通知", "经研究决定：杨光辉同志任中心主任。", to="镇属各站所：",
        signer="城关镇人民政府"), Opinion.REFER, "D13"),
    (gw("青石县人社局关于李文静等同志职务任免的通知", "经研究决定：李文静同志任副主任。", to="局属各单位："),
     Opinion.PUBLISH, "D1"),
    (gw("关于产业园区人力资源服务项目有关情况的说明", "项目总投资680万元。", to="",
        note="（此件依申请公开，理由：涉及第三方合法权益）"), Opinion.REFER, "D14"),
    (gw("关于申请资金的请示", "妥否，请批示。", to="市人社局：", note="（此件不予公开，理由：请示）"),
     Opinion.WITHHOLD, "D5"),
]


@pytest.mark.parametrize("text,opinion,rule", OPINIONS)
def test_opinions(judge, text, opinion, rule):
    s = judge(text).suggestion
    assert s.opinion is opinion and rule in s.rules


def test_uncertain_follows_declared_and_refers(judge):
    s = judge(OPINIONS[5][0]).suggestion
    assert s.attribute is R and s.confidence < 0.6 and not s.conflicts_with_declared
    assert any("D14" in r and "第八条" in r for r in s.reasons)

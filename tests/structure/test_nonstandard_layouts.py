"""Layouts outside the GB/T 9704 mould: …书 titles under an agency line addressed to a citizen, a whole notice on
one web line, speeches delivered at a meeting, 简报 with handling marks, a 附注 without brackets."""
from __future__ import annotations

import pytest

from tests.structure.conftest import value

FACTS = ("经查，当事人于2023年6月在其经营的门店内销售过期食品，违反了有关规定。依据有关法律规定，本机关决定如下：\n"
         "一、责令改正。\n二、罚款人民币贰仟元。\n")


@pytest.mark.parametrize("head, title, doc_type", [
    ("石桥县应急管理局\n行政处罚决定书\n", "石桥县应急管理局行政处罚决定书", "决定"),
    ("临江市人民政府\n行政复议决定书\n", "临江市人民政府行政复议决定书", "决定"),
    ("青川市信访局\n信访事项复查意见书\n", "青川市信访局信访事项复查意见书", "意见"),
    ("北岭市自然资源局\n责令限期改正通知书\n", "北岭市自然资源局责令限期改正通知书", "通知"),
    ("东湖区市场监督管理局\n行政处罚事先告知书\n", "东湖区市场监督管理局行政处罚事先告知书", None),  # 告知书: no 文种
    ("青川市财政局\n青川市2024年预算调整方案\n", "青川市2024年预算调整方案", "方案"),   # title repeats the place
])
def test_agency_line_above_a_title_without_guanyu(parse, head: str, title: str, doc_type: str | None) -> None:
    s = parse(head + "青应急罚〔2023〕11号\n" + FACTS + "石桥县应急管理局\n2023年7月4日\n")
    assert (value(s, "title"), s.doc_type) == (title, doc_type)


def test_site_name_above_a_web_headline_is_not_part_of_it(parse) -> None:
    s = parse("青川市人民政府\n我市召开2023年防汛工作会议\n7月3日，全市防汛工作会议召开，会议部署了今年的防汛工作。\n")
    assert value(s, "title") == "我市召开2023年防汛工作会议"


@pytest.mark.parametrize("line, recipients", [
    ("刘秀梅：\n", "刘秀梅"),
    ("欧阳志远：\n", "欧阳志远"),
    ("孙建国同志：\n", "孙建国同志"),
    ("云溪县兴旺商贸有限公司：\n", "云溪县兴旺商贸有限公司"),
    ("时间：\n", None),                                    # a label, not a name
    ("任务：\n", None),
    ("尊敬的刘秀梅女士：\n", None),                          # a letter's salutation
])
def test_private_person_as_recipient(parse, line: str, recipients: str | None) -> None:
    s = parse("青川市信访局\n信访事项答复意见书\n青信复〔2023〕4号\n" + line +
              "你于2023年5月2日来信反映的小区停车位问题收悉。经调查核实，现答复如下：\n一、关于车位。\n"
              "青川市信访局\n2023年5月30日\n（此件不予公开）\n")
    assert value(s, "recipients") == recipients
    assert (s.doc_type, s.is_official_document, value(s, "title")) == ("意见", True, "青川市信访局信访事项答复意见书")


CMS = "索引号：11530300MB1X2Y3Z4Q/2022-00077 发布机构：临江市人民政府办公室 成文日期：2022-03-18 发布日期：2022-03-21\n"
FLAT = ("临江市人民政府关于印发临江市节约用水若干规定的通知 临政发〔2022〕6号 各区人民政府，市直各部门："
        "现将《临江市节约用水若干规定》印发给你们，请认真组织实施。执行中遇到的问题，请及时向市水务局反映。"
        "临江市人民政府2022年3月18日（此件公开发布）临江市节约用水若干规定 第一条 为节约用水，制定本规定。"
        "第二条 本规定适用于本市行政区域。\n")


def test_whole_notice_on_one_web_line(parse) -> None:
    s = parse("首页 > 政务公开 > 政府文件\n" + CMS + FLAT)
    got = tuple(value(s, n) for n in ("title", "doc_number", "recipients", "signature", "date", "note"))
    assert got == ("临江市人民政府关于印发临江市节约用水若干规定的通知", "临政发〔2022〕6号", "各区人民政府，市直各部门",
                   "临江市人民政府", "2022-03-18", "（此件公开发布）")


def test_cms_date_field_on_a_long_metadata_line_is_the_fallback(parse) -> None:
    flat = FLAT.replace("临江市人民政府2022年3月18日（此件公开发布）", "")
    s = parse(CMS.replace("2022-03-18", "2022-03-17") + flat)
    assert value(s, "date") == "2022-03-17"
    assert s.date is not None and s.date.start > 0


@pytest.mark.parametrize("text, expected", [
    # a sentence whose date is followed by a bracket that is not a 附注 stays whole
    ("经研究，市政府2022年3月18日（星期五）召开常务会议，研究有关事项。", ["经研究，市政府2022年3月18日（星期五）召开常务会议，研究有关事项。"]),
    ("请认真执行。临江市水务局2022年3月18日（此件主动公开）临江市节水目标 一、目标。",
     ["请认真执行。", "临江市水务局", "2022年3月18日", "（此件主动公开）", "临江市节水目标 一、目标。"]),
])
def test_mid_line_signature_block(text: str, expected: list[str]) -> None:
    from mishen.structure.flatten import segments
    assert [s.text for s in segments(text)] == expected


def test_recipients_glued_to_a_body_paragraph_only_at_the_front(parse) -> None:
    body = ("关于做好2023年防汛工作的方案\n一、职责分工\n市水务局：负责全市防汛工作的统筹协调，及时发布汛情信息，"
            "组织做好水利工程的调度运用。\n")
    assert parse(body).recipients is None                                             # a 分工 line under a heading


SPEECH = "各位代表！让我们团结一心，为建设美好青川而努力奋斗！\n"


@pytest.mark.parametrize("head, date, salutation", [
    ("政府工作报告\n——2023年2月8日在青川市第十六届人民代表大会第二次会议上\n青川市人民政府市长  郑卫国\n", "2023-02-08", "各位代表："),
    ("政府工作报告\n—— 2023年2月8日在石桥县第十八届人民代表大会第二次会议上\n", "2023-02-08", "各位代表、各位委员："),
    ("青川市人民检察院工作报告\n——2023年2月9日在青川市第十六届人民代表大会第二次会议上\n", "2023-02-09", "各位代表："),
    ("关于2022年预算执行情况的报告\n——2023年2月8日在青川市第十六届人民代表大会第二次会议上\n", "2023-02-08", "尊敬的各位代表："),
])
def test_report_delivered_at_a_congress_is_a_speech(parse, head: str, date: str, salutation: str) -> None:
    s = parse(head + salutation + "\n现在，我代表市人民政府，向大会报告工作，请予审议。\n一、过去一年工作回顾\n" + SPEECH)
    assert (value(s, "date"), s.recipients, s.doc_type, s.is_official_document) == (date, None, None, False)


def test_a_report_to_a_superior_is_still_a_report(parse) -> None:
    s = parse("关于2022年预算执行情况的报告\n青川市人民代表大会常务委员会：\n现将有关情况报告如下：一、收入完成情况良好。\n"
              "特此报告。\n青川市人民政府\n2023年1月5日\n")
    assert (value(s, "recipients"), s.doc_type, s.is_official_document) == ("青川市人民代表大会常务委员会", "报告", True)


@pytest.mark.parametrize("mark", ["内部资料　注意保密", "内部参阅", "内部资料 妥善保管", "秘密★6个月　特急"])
def test_handling_marks_above_a_bulletin_are_never_the_title(parse, mark: str) -> None:
    s = parse(mark + "\n\n石桥县安全生产工作简报\n第12期\n石桥县应急管理局　　　　　　2023年8月2日\n\n"
              "【工作动态】\n近期，全县开展了安全生产大检查，共排查隐患56处，已整改49处。\n")
    assert (value(s, "title"), value(s, "date"), s.signature, s.issuer) == (
        "石桥县安全生产工作简报", "2023-08-02", None, "石桥县应急管理局")
    assert not s.is_official_document


def test_issue_line_marks_a_periodical_with_any_title(parse) -> None:
    s = parse("防汛工作情况\n〔2023〕第5期\n青川市水务局　　　　2023年7月12日\n7月11日以来，全市平均降雨量38毫米，各水库运行正常。\n")
    assert (s.signature, s.issuer, value(s, "date")) == (None, "青川市水务局", "2023-07-12")


@pytest.mark.parametrize("after_date, note", [
    ("此件主动公开\n", "此件主动公开"),
    ("此件依申请公开。\n", "此件依申请公开。"),
    ("（此件主动公开）\n", "（此件主动公开）"),
    ("此件不予公开，理由：涉及内部管理信息\n", "此件不予公开，理由：涉及内部管理信息"),
    ("此件主动公开，请各单位认真执行，并于月底前报送落实情况\n附件：任务清单\n", None),   # no: a paragraph-length line
    ("附件\n任务清单\n", None),
])
def test_note_without_brackets(parse, after_date: str, note: str | None) -> None:
    s = parse("青川市水务局关于做好节水工作的通知\n各区水务局：\n为做好节水工作，现就有关事项通知如下：\n一、压实责任。\n"
              "青川市水务局\n2023年4月6日\n" + after_date)
    assert value(s, "note") == note

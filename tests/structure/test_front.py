"""版头, 标题 and 主送机关 located in whole documents: positives, negatives and near misses."""
from __future__ import annotations

import pytest

from tests.structure.conftest import value

BODY = "为进一步做好有关工作，根据上级部署，结合我市实际，现就有关事项通知如下：\n一、提高认识。\n二、加强领导。\n"
CLOSE = "青川市人民政府\n2021年5月20日\n（此件公开发布）\n"


def doc(head: str, body: str = BODY, close: str = CLOSE) -> str:
    return head + body + close


@pytest.mark.parametrize("head, title", [
    ("关于加强燃气安全管理的通知\n各区人民政府：\n", "关于加强燃气安全管理的通知"),
    ("青川市人民政府\n关于加强燃气安全管理的通知\n各区人民政府：\n", "青川市人民政府关于加强燃气安全管理的通知"),
    ("青川市人民政府文件\n青政发〔2021〕15号\n青川市人民政府\n关于加强燃气安全管理的通知\n各区人民政府：\n",
     "青川市人民政府关于加强燃气安全管理的通知"),
    ("石桥县市场监督管理局关于开展“守护消费”\n铁拳行动的通知\n各市场监管所：\n",
     "石桥县市场监督管理局关于开展“守护消费”铁拳行动的通知"),
    ("臨江市人民政府辦公室\n關於做好政府信息公開工作的通知\n各縣（市、區）人民政府：\n",
     "临江市人民政府办公室关于做好政府信息公开工作的通知"),                       # Traditional
    ("北岭市交通运输局\n关于做好２０２０年国庆假期运输保障工作的通知\n各区县交通运输局：\n",
     "北岭市交通运输局关于做好2020年国庆假期运输保障工作的通知"),                   # full-width digits
    ("信息公开年度报告\n通辽市人社局政务公开暂行办法\n", "通辽市人社局政务公开暂行办法"),  # nav item loses to the fuller title
    ("我市召开2023年安全生产工作会议\n", "我市召开2023年安全生产工作会议"),              # web page: first heading
])
def test_title(parse, head: str, title: str) -> None:
    assert value(parse(doc(head)), "title") == title


@pytest.mark.parametrize("text", [
    "一、指导思想\n为进一步做好有关工作，根据上级部署，结合我市实际，制定本方案。\n",      # a heading is not a title
    "（一）工作报告\n为进一步做好有关工作，根据上级部署，结合我市实际，制定本方案。\n",
    "第一条 总则\n为规范管理，根据有关法律法规，结合本市实际，制定本办法。\n",
    "为进一步做好有关工作，现将有关情况报告如下：\n一、基本情况。\n特此报告。\n",          # 报告 inside a sentence
    "特此报告\n",
])
def test_no_title(parse, text: str) -> None:
    s = parse(text)
    assert s.title is None and s.doc_type is None


def test_title_in_body_after_paragraph_is_not_the_title(parse) -> None:
    s = parse("为做好工作，现将《2020年政务公开工作实施方案》印发给你们，请抓好落实。\n镇江市人社局办公室\n2020年9月15日\n"
              "（此件公开发布）\n2020年政务公开工作实施方案\n一、指导思想\n")
    assert s.title is None
    assert s.doc_type == "通知"      # from the closing phrase
    assert s.is_official_document


@pytest.mark.parametrize("head, number", [
    ("青政发〔2021〕15号\n", "青政发〔2021〕15号"),
    ("青政发[2021]15号\n", "青政发〔2021〕15号"),
    ("青政发［2021］15号\n", "青政发〔2021〕15号"),
    ("青政发﹝2021﹞15号\n", "青政发〔2021〕15号"),
    ("青政发(2021)15号\n", "青政发〔2021〕15号"),
    ("青政发（2021）15号\n", "青政发〔2021〕15号"),
    ("青政发［２０２１］１５号\n", "青政发〔2021〕15号"),
    ("青政发〔2021〕第15号\n", "青政发〔2021〕15号"),
    ("云政〔2022〕7号          签发人：刘景和\n", "云政〔2022〕7号"),
    ("文号：临环规〔2022〕2号\n", "临环规〔2022〕2号"),
    ("〔2022〕第9期\n", None),                                                 # no 代字, no 号
    ("根据《云岭省燃气条例》（国发〔2019〕5号）规定，做好有关工作。\n", None),    # a citation in a sentence
])
def test_doc_number(parse, head: str, number: str | None) -> None:
    s = parse(doc(head + "关于加强燃气安全管理的通知\n各区人民政府：\n"))
    assert value(s, "doc_number") == number


def test_cited_number_in_body_is_not_the_documents(parse) -> None:
    body = "根据《国务院关于优化科研管理的通知》（国发〔2018〕25号）和《管理办法》（北科规〔2021〕3号），现组织申报。\n"
    s = parse(doc("北岭市科学技术局关于组织申报科技计划项目的通知\n各区县科技局：\n", body))
    assert s.doc_number is None


def test_doc_number_from_cms_field(parse) -> None:
    s = parse("索引号 1153/2023-00415 发布机构 青川市人社局\n文号 青人社发〔2023〕45号 浏览量 326\n" +
              doc("关于开展技能人才评价工作的通知\n各有关企业：\n"))
    assert value(s, "doc_number") == "青人社发〔2023〕45号"
    assert s.title is not None and s.title.value == "关于开展技能人才评价工作的通知"


@pytest.mark.parametrize("head, classification, copy_number, urgency", [
    ("000356\n秘密★1年\n特急\n", "秘密★1年", "000356", "特急"),
    ("000012\n机密★5年\n加急\n", "机密★5年", "000012", "加急"),
    ("绝密★长期\n", "绝密★长期", None, None),
    ("秘密\n", "秘密", None, None),
    ("秘密 ★ 6个月\n", "秘密★6个月", None, None),
    ("份号：000123\n密级：机密★10年\n", "机密★10年", "000123", None),
    ("000356  秘密★1年  特急\n", "秘密★1年", "000356", "特急"),
    ("", None, None, None),
    ("0003567\n", None, None, None),                                            # seven digits: not a 份号
])
def test_header_marks(parse, head: str, classification, copy_number, urgency) -> None:
    s = parse(doc(head + "青川市人民政府文件\n关于加强燃气安全管理的通知\n各区人民政府：\n"))
    assert (value(s, "classification"), value(s, "copy_number"), value(s, "urgency")) == (
        classification, copy_number, urgency)


def test_secret_in_body_is_not_a_classification(parse) -> None:
    body = "涉及国家秘密的事项，应当按照秘密★1年的要求管理，不得公开。现就有关事项通知如下：\n一、提高认识。\n"
    s = parse(doc("关于加强保密管理的通知\n各区人民政府：\n", body))
    assert s.classification is None


@pytest.mark.parametrize("line, signer", [
    ("云政〔2022〕7号          签发人：刘景和\n", "刘景和"),
    ("临人社〔2020〕42号   签发人：陈文涛  孙立群\n", "陈文涛 孙立群"),
    ("签发人：张三、李四\n", "张三 李四"),
    ("青政发〔2021〕15号\n", None),
])
def test_signer(parse, line: str, signer: str | None) -> None:
    s = parse(doc(line + "关于申请补助资金的请示\n青川市人民政府：\n"))
    assert value(s, "signer") == signer


@pytest.mark.parametrize("head, mark", [
    ("青川市人民政府文件\n青政发〔2021〕15号\n", "青川市人民政府文件"),
    ("临江市人社局\n临江市财政局\n文件\n临人社〔2020〕42号\n", "临江市人社局临江市财政局文件"),
    ("北岭市人民政府\n北政函〔2019〕88号\n", "北岭市人民政府"),                    # letter format
    ("青川市人民政府\n", None),                                                   # no 版头 without a number
])
def test_issuer_mark(parse, head: str, mark: str | None) -> None:
    s = parse(doc(head + "关于同意设立湿地公园的批复\n市林业和草原局：\n"))
    assert value(s, "issuer_mark") == mark


@pytest.mark.parametrize("lines, recipients", [
    ("各镇人民政府，市各委办局：\n", "各镇人民政府，市各委办局"),
    ("各县（市、区）人民政府，\n市政府各部门：\n", "各县（市、区）人民政府，市政府各部门"),
    ("王海峰委员：\n", "王海峰委员"),
    ("青川市人民政府:\n", "青川市人民政府"),
    ("同志们：\n", None),                                                        # a speech, not a 主送机关
    ("现将有关事项通知如下：\n", None),
    ("出席：李国栋  张秀英\n", None),
    ("", None),
])
def test_recipients(parse, lines: str, recipients: str | None) -> None:
    s = parse(doc("关于加强燃气安全管理的通知\n" + lines))
    assert value(s, "recipients") == recipients


@pytest.mark.parametrize("text, title", [
    ("青农〔2024〕40号\n（此件主动公开）\n关于做好秋冬种工作的通知\n各乡镇人民政府：\n" + BODY,     # misplaced 附注 above
     "关于做好秋冬种工作的通知"),
    ("关于加强城镇燃气安全管理工作的通知\n（征求意见稿）\n各燃气经营企业：\n" + BODY, "关于加强城镇燃气安全管理工作的通知"),
    ("青石县人民政府门户网站　|　首页　政务公开　互动交流\n关于最低生活保障新增对象的公示\n" + BODY,
     "关于最低生活保障新增对象的公示"),
    ("临江市人民政府常务会议纪要\n临政纪〔2024〕9号\n临江市人民政府第9次常务会议纪要\n" + BODY,     # 纪要标志 vs title
     "临江市人民政府第9次常务会议纪要"),
    ("北岭市人民政府\n专题会议纪要\n北政阅〔2023〕12号\n" + BODY, "北岭市人民政府专题会议纪要"),
    ("石桥县人民政府办公室关于做好防汛抗旱工作的通知各乡镇人民政府，县直有关部门：\n" + BODY,      # glued recipients
     "石桥县人民政府办公室关于做好防汛抗旱工作的通知"),
    ("标题：临江市财政局关于做好政府采购意向公开工作的通知\n发文字号：临财采〔2023〕3号\n各预算单位：\n" + BODY,
     "临江市财政局关于做好政府采购意向公开工作的通知"),                                            # CMS title field
])
def test_title_layout_variants(parse, text: str, title: str) -> None:
    s = parse(text)
    assert value(s, "title") == title
    assert s.doc_type is not None


def test_glued_title_recipients_are_split(parse) -> None:
    s = parse("石桥县人民政府办公室关于做好防汛抗旱工作的通知各乡镇人民政府，县直有关部门：\n" + BODY)
    assert value(s, "recipients") == "各乡镇人民政府，县直有关部门"


def test_spaced_two_character_signer(parse) -> None:
    s = parse("东政〔2022〕25号\n签发人：王  强\n关于申请补助资金的请示\n青川市人民政府：\n" + BODY)
    assert value(s, "signer") == "王强"

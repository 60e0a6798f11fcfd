"""署名, 成文日期, 附注, 附件说明, 附件, 抄送, 印发 and (此页无正文), in GB/T 9704 and flattened web layouts."""
from __future__ import annotations

import pytest

from tests.structure.conftest import value

HEAD = "青川市人民政府文件\n青政发〔2021〕15号\n关于加强燃气安全管理的通知\n各区人民政府：\n"
BODY = "为加强燃气安全管理，于2021年6月30日前完成排查，现就有关事项通知如下：\n一、压实责任。\n二、开展整治。\n"


@pytest.mark.parametrize("close, signature, date, note", [
    ("青川市人民政府\n2021年5月20日\n（此件公开发布）\n", "青川市人民政府", "2021-05-20", "（此件公开发布）"),
    ("青川市人民政府\n二〇二一年五月二十日\n", "青川市人民政府", "2021-05-20", None),
    ("青川市人民政府\n二○二一年五月二十日\n", "青川市人民政府", "2021-05-20", None),
    ("青川市人民政府\n二O二一年五月二十日\n", "青川市人民政府", "2021-05-20", None),
    ("青川市人民政府\n２０２１年５月２０日\n", "青川市人民政府", "2021-05-20", None),
    ("青川市人民政府\n2021-05-20\n", "青川市人民政府", "2021-05-20", None),
    ("青川市人民政府2021年5月20日（此件公开发布）\n", "青川市人民政府", "2021-05-20", "（此件公开发布）"),
    ("特此通知。青川市人民政府2021年5月20日\n(此件主动公开)\n", "青川市人民政府", "2021-05-20", "(此件主动公开)"),
    ("青川市人民政府\n2021年5月20日\n— 3 —（此件主动公开）\n", "青川市人民政府", "2021-05-20", "（此件主动公开）"),
    ("青川市财政局    青川市人社局\n2021年5月20日\n", "青川市财政局 青川市人社局", "2021-05-20", None),
    ("青川市财政局\n青川市人社局\n2021年5月20日\n", "青川市财政局 青川市人社局", "2021-05-20", None),
    ("市长  郑卫国\n2021年5月20日\n", "市长 郑卫国", "2021-05-20", None),
    ("青川市人民政府\n2021年5月20日\n（此件不予公开，理由：涉及工作秘密）\n（联系人：张三，电话：12345678）\n",
     "青川市人民政府", "2021-05-20", "（此件不予公开，理由：涉及工作秘密）"),
    ("青川市人民政府\n2021年5月20日\n（联系人：张三，电话：12345678）\n（此件依申请公开）\n",
     "青川市人民政府", "2021-05-20", "（此件依申请公开）"),
    ("", None, None, None),                                   # the body's own date (2021年6月30日前) is not the 成文日期
    ("2021-05-20\n", None, None, None),                       # a bare ISO date without signature or 附注
])
def test_signature_date_note(parse, close: str, signature, date, note) -> None:
    s = parse(HEAD + BODY + close)
    assert (value(s, "signature"), value(s, "date"), value(s, "note")) == (signature, date, note)


def test_signature_in_attachment_is_not_the_main_one(parse) -> None:
    text = (HEAD + "现将《2021年城乡环境整治方案》印发给你们，请认真贯彻执行。\n石桥县人民政府办公室\n2021年3月2日\n"
            "（此件公开发布）\n附件\n石桥县2021年城乡环境整治方案\n为改善人居环境，制定本方案。\n"
            "石桥县整治工作领导小组\n2021年2月26日\n")
    s = parse(text)
    assert value(s, "signature") == "石桥县人民政府办公室"
    assert value(s, "date") == "2021-03-02"
    assert s.attachments is not None and text[s.attachments.start:s.attachments.end].startswith("附件\n石桥县2021年")
    assert "2021年2月26日" in text[s.attachments.start:s.attachments.end]


def test_body_attachment_note_cc_printer_spans(parse) -> None:
    text = (HEAD + BODY + "附件：1．任务清单\n      2．责任分工表\n青川市人民政府\n2021年5月20日\n（此件公开发布）\n"
            "附件1\n任务清单\n一、排查范围。\n抄送：市委各部门，市人大常委会办公室。\n"
            "  青川市人民政府办公室                  2021年5月21日印发\n")
    s = parse(text)
    assert text[s.body.start:s.body.end] == BODY.strip()
    assert s.body.value == ""
    assert value(s, "attachment_note") == "附件：1．任务清单 2．责任分工表"
    assert text[s.attachments.start:s.attachments.end] == "附件1\n任务清单\n一、排查范围。"
    assert value(s, "cc") == "市委各部门，市人大常委会办公室"
    assert value(s, "printer") == "青川市人民政府办公室 2021年5月21日印发"


@pytest.mark.parametrize("text, expected", [
    (HEAD + BODY + "— 1 —\n（此页无正文）\n青川市人民政府\n2021年5月20日\n", True),
    (HEAD + BODY + "青川市人民政府\n2021年5月20日\n", False),
    (HEAD + "对于此页无正文的情况，应当在页面上注明。现就有关事项通知如下：\n青川市人民政府\n2021年5月20日\n", False),
])
def test_no_body_page(parse, text: str, expected: bool) -> None:
    s = parse(text)
    assert s.no_body_page is expected
    assert value(s, "date") == "2021-05-20"


def test_spans_map_back_to_original_text(parse) -> None:
    text = ("臨江市人民政府辦公室文件\n臨政辦發［２０２１］９號\n關於做好政府信息公開工作的通知\n各縣（市、區）人民政府：\n"
            "為深入貫徹條例，進一步做好政府信息公開工作，現將有關事項通知如下：\n一、嚴格落實制度。\n"
            "臨江市人民政府辦公室\n２０２１年４月６日\n（此件公開發布）\n")
    s = parse(text)
    assert text[s.doc_number.start:s.doc_number.end] == "臨政辦發［２０２１］９號"
    assert s.doc_number.value == "临政办发〔2021〕9号"
    assert text[s.date.start:s.date.end] == "２０２１年４月６日"
    assert text[s.signature.start:s.signature.end] == "臨江市人民政府辦公室"
    assert text[s.note.start:s.note.end] == "（此件公開發布）"
    assert s.note.value == "（此件公开发布）"


def test_caption_date_of_a_resolution(parse) -> None:
    s = parse("青川市第十六届人民代表大会第三次会议\n关于政府工作报告的决议\n\n（2023年1月15日青川市第十六届人民代表大会第三次会议通过）\n"
              "会议听取和审议了政府工作报告，决定批准这个报告。\n")
    assert (s.doc_type, value(s, "date"), s.signature, s.is_official_document) == ("决议", "2023-01-15", None, True)
    assert s.issuer == "青川市第十六届人民代表大会第三次会议"


def test_draft_with_blank_date_keeps_its_signature(parse) -> None:
    s = parse(HEAD + BODY + "临江市住房和城乡建设局\n2024年　月　日\n（此件主动公开）\n")
    assert (value(s, "signature"), s.date, value(s, "note")) == ("临江市住房和城乡建设局", None, "（此件主动公开）")
    assert s.issuer == "临江市住房和城乡建设局"

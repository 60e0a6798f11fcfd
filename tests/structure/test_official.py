"""文种, issuer and the 公文 / not-a-公文 decision; news and web articles are not 公文."""
from __future__ import annotations

import pytest

BODY = "为加强管理，根据有关规定，结合我市实际，现就有关事项通知如下：\n一、压实责任。\n"


@pytest.mark.parametrize("text, official, doc_type, issuer", [
    ("青川市人民政府文件\n青政发〔2021〕15号\n关于加强燃气安全管理的通知\n各区人民政府：\n" + BODY
     + "青川市人民政府\n2021年5月20日\n", True, "通知", "青川市人民政府"),
    ("北岭市人民政府\n北政函〔2019〕88号\n北岭市人民政府关于同意设立湿地公园的批复\n市林业和草原局：\n"
     "你局请示收悉。经研究，现批复如下：同意设立。此复。\n北岭市人民政府\n2019年11月4日\n", True, "批复", "北岭市人民政府"),
    ("关于加强燃气安全管理的通知\n各区人民政府：\n" + BODY, True, "通知", None),              # recipients suffice
    ("青川市市场监督管理局\n关于注销食品经营许可证的公告\n根据行政许可法规定，依法予以注销。特此公告。\n"
     "青川市市场监督管理局\n2021年8月3日\n", True, "公告", "青川市市场监督管理局"),
    ("临江市人民政府\n关于提请审议《绿化条例（草案）》的议案\n临江市人大常委会：\n现提请审议。\n市长  郑卫国\n"
     "2021年9月20日\n", True, "议案", "临江市人民政府"),                                      # issuer from the title
    ("北岭市人民政府令\n第15号\n《北岭市城市停车管理办法》已经市人民政府常务会议通过，现予公布。\n市长  韩振宇\n2021年1月5日\n",
     True, "令", "北岭市人民政府"),
    ("通辽市人社局政务公开暂行办法\n第一条 为加强政务公开工作，根据有关规定，结合实际，制定本办法。\n",
     False, "办法", None),                                                                    # 文种 but no 公文 element
    ("首页 > 新闻中心\n我市召开2023年安全生产工作会议\n来源：青川日报    发布时间：2023-02-16 09:30\n"
     "本报讯（记者 杨文静）2月15日，全市安全生产工作会议召开。会议传达学习了《关于印发规划的通知》（安委〔2022〕7号）精神。\n",
     False, None, None),
    ("临江市政府印发关于加快发展现代物流业的实施意见\n2021-10-12 16:05  来源：临江发布\n近日，临江市人民政府印发《意见》，"
     "提出到2025年物流业增加值突破500亿元。\n（记者 冯建新）\n", False, None, None),               # a headline ending in 意见
    ("在全县2022年经济工作会议上的讲话\n县长  刘景和\n（2022年1月10日）\n同志们：\n这次会议的主要任务是，总结经济工作。\n",
     False, None, None),
    ("索引号 01526404-1/20230615-00002 发布机构 昌宁县人社局\n公开目录 政府信息公开制度 发布日期 2023-06-15\n"
     "昌宁县人社局政府信息公开制度\n为进一步落实政府信息公开，结合我局工作实际，制定本制度。\n", False, None, "昌宁县人社局"),
])
def test_official_doc_type_issuer(parse, text: str, official: bool, doc_type, issuer) -> None:
    s = parse(text)
    assert (s.is_official_document, s.doc_type, s.issuer) == (official, doc_type, issuer)


def test_doc_type_follows_the_title_not_the_number_code(parse) -> None:
    s = parse("杭州市人民政府\n杭政函〔2020〕12号\n杭州市人民政府关于同意某某事项的批复\n市发改委：\n"
              "你委请示收悉。经研究，现批复如下：同意。此复。\n杭州市人民政府\n2020年3月1日\n")
    assert s.doc_type == "批复"
    assert s.doc_number is not None and s.doc_number.value == "杭政函〔2020〕12号"


def test_empty_and_blank_texts(parse) -> None:
    for text in ("", "\n\n", "   ", "|\n|\n"):
        s = parse(text)
        assert not s.is_official_document and s.title is None and s.date is None

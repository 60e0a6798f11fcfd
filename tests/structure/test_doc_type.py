"""文种 from the title's ending, never from the 发文字号 code; from the closing phrase when there is no title."""
from __future__ import annotations

import pytest

from mishen.structure.doc_type import doc_type_of_closing, doc_type_of_title


@pytest.mark.parametrize("title, doc_type", [
    ("青川市人民政府关于加强燃气安全管理的通知", "通知"),
    ("关于印发《青川市2021年工作方案》的通知", "通知"),             # 印发 a 方案: still a 通知
    ("关于转发省人社厅关于做好就业工作的通知的通知", "通知"),
    ("关于市政协第0123号提案的复函", "函"),
    ("关于报送部门决算的函", "函"),
    ("北岭市人民政府关于同意设立湿地公园的批复", "批复"),               # code 北政函, title 批复
    ("关于2020年上半年就业补助资金使用情况的报告", "报告"),
    ("关于申请补助资金的请示", "请示"),
    ("关于推进乡村振兴的实施意见", "意见"),
    ("关于表彰先进集体的决定", "决定"),
    ("关于注销食品经营许可证的公告", "公告"),
    ("关于实行交通管制的通告", "通告"),
    ("关于表扬防汛工作突出单位的通报", "通报"),
    ("青川市人民政府常务会议纪要", "纪要"),
    ("关于提请审议《城市绿化条例（草案）》的议案", "议案"),
    ("北岭市人民政府令", "令"),
    ("关于启动防汛Ⅱ级应急响应的命令", "命令"),
    ("关于市人民政府工作报告的决议", "决议"),                          # ends with 决议, not 报告
    ("2022年国民经济和社会发展统计公报", "公报"),
    ("关于拟任干部任前公示", "公示"),
    ("石桥镇森林防火工作方案", "方案"),
    ("行政处罚自由裁量权适用规定", "规定"),
    ("门诊慢特病管理暂行办法", "办法"),
    ("住房租赁补贴发放实施细则", "细则"),
    ("关于征求《物业管理办法（征求意见稿）》意见的函", "函"),
    ("物业服务管理办法（征求意见稿）", "办法"),                         # trailing qualifier ignored
    ("关于做好防汛工作的通知（试行）", "通知"),
    ("通  知", "通知"),
    ("行政复议决定书", "决定"),                                         # …书 forms of enforcement / petition practice
    ("云溪县应急管理局行政处罚决定书", "决定"),
    ("信访事项复查意见书", "意见"),
    ("信访事项答复意见书", "意见"),
    ("责令限期改正通知书", "通知"),
])
def test_doc_type_of_title(title: str, doc_type: str) -> None:
    assert doc_type_of_title(title) == doc_type


@pytest.mark.parametrize("title", [
    "在全县经济工作会议上的讲话", "《门诊慢特病管理办法》政策解读", "2023年政务公开工作要点", "关于禁令", "政府信息公开制度汇编",
    "我市召开安全生产工作会议",
    "行政处罚事先告知书", "安全生产目标责任书", "建设项目环境影响报告书", "文明出行倡议书", "诚信经营承诺书",  # …书 naming no 文种
])
def test_titles_without_a_doc_type(title: str) -> None:
    assert doc_type_of_title(title) is None


@pytest.mark.parametrize("body, doc_type", [
    ("现将《2020年政务公开工作实施方案》印发给你们，请抓好落实。", "通知"),
    ("……请认真贯彻执行。特此通知。", "通知"),
    ("恳请安排补助资金。妥否，请批示。", "请示"),
    ("现将有关情况报告如下：……特此报告。", "报告"),
    ("请于5月10日前函复。特此函告。", "函"),
    ("同意你局意见。此复。", "批复"),
    ("特此公告。", "公告"),
    ("我们将加快拨付进度，确保资金发挥效益。", None),
])
def test_doc_type_of_closing(body: str, doc_type: str | None) -> None:
    assert doc_type_of_closing(body) == doc_type

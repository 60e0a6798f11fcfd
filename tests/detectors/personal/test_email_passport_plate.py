import pytest


@pytest.mark.parametrize("text, expected, role", [
    ("电子邮箱zhangsan@qq.com", ["zhangsan@qq.com"], "private"),              # the Chinese prefix stays out
    ("邮箱：li.si-2023@163.com。", ["li.si-2023@163.com"], "private"),
    ("投诉邮箱：xfb@nanjing.gov.cn", ["xfb@nanjing.gov.cn"], "public"),
    ("联系 wang@example.com.cn 即可", ["wang@example.com.cn"], "unknown"),
    ("请访问 www.gov.cn 或 @某某", [], None),
    ("用户名admin@内网", [], None),
])
def test_email(scan, text, expected, role):
    found = scan(text, "EMAIL")
    assert [f.text for f in found] == expected
    if role:
        assert found[0].evidence["role"] == role


@pytest.mark.parametrize("text, expected", [
    ("护照号码：E12345678", ["E12345678"]),
    ("护照EA1234567，", ["EA1234567"]),
    ("港澳通行证C12345678", ["C12345678"]),
    ("台胞证号码：12345678", ["12345678"]),
    ("往来台湾通行证T12345678", ["T12345678"]),
    ("编号12345678", []),                                                   # 8 digits without context
    ("型号E1234567", []),                                                   # too short
    ("代码E123456789", []),                                                 # too long
    ("护照號碼：Ｅ１２３４５６７８", ["Ｅ１２３４５６７８"]),                  # full-width, Traditional
])
def test_passport(scan, text, expected):
    assert [f.text for f in scan(text, "CN_PASSPORT")] == expected


@pytest.mark.parametrize("text, expected", [
    ("车牌号苏A12345的小型汽车", ["苏A12345"]),
    ("京A·F0236", ["京A·F0236"]),
    ("新能源车粤BD12345", ["粤BD12345"]),
    ("浙C2B3C4", ["浙C2B3C4"]),
    ("苏ABCDEF", []),                                                       # no digits
    ("苏I12345", []),                                                       # I is not used
    ("沪A123456789", []),                                                   # too long
    ("苏政发〔2023〕12号", []),
])
def test_plate(scan, text, expected):
    assert [f.text for f in scan(text, "LICENSE_PLATE")] == expected

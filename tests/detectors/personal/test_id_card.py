import pytest

from detectors.personal.recognizers.id_card import check_digit, load_region_codes, validate

VALID = "110101199003071233"  # check digit 3 under GB 11643


@pytest.mark.parametrize("text, expected, role", [
    (f"身份证号：{VALID}", [VALID], "private"),
    (f"身份证号{VALID}，电话", [VALID], "private"),                         # CJK right before the digits
    ("公民身份号码 11010119900307123X 无", ["11010119900307123X"], "unknown"),  # labelled, wrong check
    ("身份证号：110101199003071234", ["110101199003071234"], "unknown"),    # labelled typo: review
    ("编号110101199003071234", [], None),                                  # wrong check digit, no label
    ("1101 0119 9003 0712 33", ["1101 0119 9003 0712 33"], "private"),     # split by spaces
    ("号码110101199003\n071233。", ["110101199003\n071233"], "private"),   # PDF line break
    ("身份證號碼：１１０１０１１９９００３０７１２３３", ["１１０１０１１９９００３０７１２３３"], "private"),  # full-width, Traditional
    ("已遮蔽：110101********1233", ["110101********1233"], "masked"),
    ("身份证号：110101900307123", ["110101900307123"], "private"),         # 15-digit old form
    ("金额110101900307123元", [], None),                                    # bare 15 digits
    ("110101199013071233", [], None),                                       # month 13
    ("110101202902301234", [], None),                                       # impossible date
    ("990101199003071233", [], None),                                       # no such region
    ("索引号：01526404-1/20230615-00002", [], None),
    ("统一社会信用代码91320100MA1XXXXXXX", [], None),
    ("流水号1101011990030712331", [], None),                                # 19 digits
])
def test_id_card(scan, text, expected, role):
    found = scan(text, "CN_ID_CARD")
    assert [f.text for f in found] == expected
    if role:
        assert found[0].evidence["role"] == role


@pytest.mark.parametrize("number, problem", [
    (VALID, None), ("110101199003071234", "校验位错误"), ("110101199002301233", "出生日期无效"),
    ("000000199003071233", "行政区划代码无效"), ("1101011990030712", "长度不符"),
])
def test_validate(number, problem):
    assert validate(number, load_region_codes()) == problem


def test_check_digit_x():
    assert check_digit("11010519491231002") == "X"


def test_masked_replacement(scan):
    (f,) = scan(f"身份证号：{VALID}", "CN_ID_CARD")
    assert f.replacement == "110101********1233" and f.action.value == "redact" and f.rules == ["P2"]

import pytest

from detectors.personal.recognizers.bank_card import luhn_ok

CARD = "6222021234567890128"  # Luhn-valid UnionPay number


@pytest.mark.parametrize("text, expected", [
    (f"银行卡号：{CARD}", [CARD]),
    ("卡号6222 0212 3456 7890 128", ["6222 0212 3456 7890 128"]),
    ("账号：4539578763621486", ["4539578763621486"]),
    ("卡號：６２２２０２１２３４５６７８９０１２８", ["６２２２０２１２３４５６７８９０１２８"]),   # full-width, Traditional
    ("银行卡号：6222021234567890127", []),                                  # wrong Luhn digit
    ("编号1234567812345670", []),                                           # Luhn-valid, unknown BIN, no context
    ("身份证号110101199003071233", []),                                     # an ID number is not a card
    ("金额6222021234567890.12元", []),                                      # decimals
    ("统一社会信用代码91320100MA1XXXXXXX", []),
])
def test_bank_card(scan, text, expected):
    assert [f.text for f in scan(text, "BANK_CARD")] == expected


def test_keeps_last_four(scan):
    (f,) = scan(f"银行卡号：{CARD}", "BANK_CARD")
    assert f.replacement == "*" * 15 + "0128" and f.rules == ["P4"]


@pytest.mark.parametrize("digits, ok", [(CARD, True), ("4539578763621486", True), ("4539578763621487", False)])
def test_luhn(digits, ok):
    assert luhn_ok(digits) is ok

import pytest

from detectors.personal.recognizers.phone import classify


@pytest.mark.parametrize("text, expected, role", [
    ("手机13812345678", ["13812345678"], "private"),
    ("联系电话：138-1234-5678。", ["138-1234-5678"], "private"),
    ("电话 +86 138 1234 5678", ["+86 138 1234 5678"], "private"),
    ("手機１３８１２３４５６７８", ["１３８１２３４５６７８"], "private"),            # full-width, Traditional
    ("投诉电话：0511-84471234", ["0511-84471234"], "public"),
    ("监督电话（0511）84471234", ["（0511）84471234"], "public"),
    ("传真：025-83561234", ["025-83561234"], "public"),
    ("请拨打12345政务服务热线", ["12345"], "public"),
    ("服务电话400-810-1234", ["400-810-1234"], "public"),
    ("已遮蔽138****5678", ["138****5678"], "masked"),
    ("身份证号110101199003071233", [], None),                               # phone-like digits inside an ID
    ("索引号：01526404-1/20230615-00002", [], None),
    ("邮编212000，金额12345678901.5元", [], None),
    ("合同编号13812345678", [], None),
    ("共计12345元", [], None),                                              # a hotline number without context
    ("号码12812345678", [], None),                                          # no 12x mobile range
    ("2023-06-15 至 2023-06-21", [], None),                                  # dates
])
def test_phone(scan, text, expected, role):
    found = scan(text, "CN_PHONE")
    assert [f.text for f in found] == expected
    if role:
        assert found[0].evidence["role"] == role


@pytest.mark.parametrize("digits, kind", [
    ("13812345678", "mobile"), ("8613812345678", "mobile"), ("01084471234", "landline"),
    ("051184471234", "landline"), ("4008101234", "service"), ("01526404", None), ("05110847123", None),
])
def test_classify(digits, kind):
    assert classify(digits) == kind


def test_mobile_mask(scan):
    (f,) = scan("手机13812345678", "CN_PHONE")
    assert f.replacement == "138****5678" and f.action.value == "redact"

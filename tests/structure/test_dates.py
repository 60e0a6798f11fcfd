"""成文日期 parsing: Arabic, Chinese numerals with every zero, ISO; invalid dates refused."""
from __future__ import annotations

import pytest

from mishen.structure.dates import find_dates, parse_date


@pytest.mark.parametrize("text, iso", [
    ("2020年9月15日", "2020-09-15"),
    ("2020 年 9 月 15 日", "2020-09-15"),          # pdf extraction spacing
    ("二〇二〇年九月十五日", "2020-09-15"),         # 〇 U+3007
    ("二○二一年一月二十八日", "2021-01-28"),        # ○ U+25CB
    ("二O二二年十二月三十一日", "2022-12-31"),       # Latin O
    ("二0二二年十月十日", "2022-10-10"),            # digit zero
    ("二零一九年十月二十日", "2019-10-20"),          # 零
    ("二〇二三年七月三十日", "2023-07-30"),
    ("二〇二三年三月一日", "2023-03-01"),
    ("2020-09-15", "2020-09-15"),
    ("2020/9/5", "2020-09-05"),
    ("2020.09.05", "2020-09-05"),
])
def test_valid_dates(text: str, iso: str) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize("text", [
    "2020年2月30日", "2021年13月1日", "二〇二〇年九月三十二日", "二〇二〇年十三月一日", "2020-02-30", "九月十五日",
])
def test_invalid_or_partial_dates(text: str) -> None:
    assert parse_date(text) is None


def test_find_dates_skips_invalid_and_keeps_order() -> None:
    text = "自2020年9月1日起至2020年2月30日止，2021-01-05发布"
    assert [d[2] for d in find_dates(text)] == ["2020-09-01", "2021-01-05"]

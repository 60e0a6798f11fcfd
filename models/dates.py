"""Written dates of 公文 (成文日期): Chinese-numeral values and calendar validation.

Pure functions shared by the structure parser and the 附注 check, which each match dates their own way (the
parser also accepts the ISO dates of web copies; the 附注 check only 年月日 dates) but read them the same way.
"""
from __future__ import annotations

import datetime as dt

ZERO = "〇○◯OОo0零"                       # the zeros seen in year numerals: 二〇二〇, 二○二○, 二O二O …
CN_DIGIT = ZERO + "一二三四五六七八九"
_VALUE = {ch: 0 for ch in ZERO} | {ch: i for i, ch in enumerate("一二三四五六七八九", 1)}


def cn_year(text: str) -> int:
    """二〇二〇 -> 2020 (digit by digit)."""
    return int("".join(str(_VALUE[c]) for c in text))


def cn_number(text: str) -> int:
    """一..九, 十, 十五, 二十, 三十一 -> int (months and days)."""
    if "十" not in text:
        return _VALUE[text]
    tens, _, units = text.partition("十")
    return (_VALUE[tens] if tens else 1) * 10 + (_VALUE[units] if units else 0)


def iso_date(year: int, month: int, day: int) -> str | None:
    """yyyy-mm-dd, or None when it is not a calendar date (2月30日)."""
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None

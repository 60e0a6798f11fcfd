"""A small 成文日期 matcher: Arabic and Chinese-numeral dates (2023年9月5日, 二〇二三年九月五日).

Works on the normalised view (ASCII digits, Simplified). Only dates written with 年/月/日 count: the
ISO dates of web page headers (发布日期 2023-06-15) are not a 成文日期.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from models.dates import CN_DIGIT, cn_number, cn_year, iso_date

_SP = r"[ \t\u3000]*"
ARABIC = regex.compile(
    rf"(?<![0-9])(?P<y>(?:19|20)[0-9]{{2}}){_SP}年{_SP}(?P<m>1[0-2]|0?[1-9]){_SP}月"
    rf"{_SP}(?P<d>3[01]|[12][0-9]|0?[1-9]){_SP}[日曰号]")
CHINESE = regex.compile(
    rf"(?P<y>[一二][{CN_DIGIT}]{{3}}){_SP}年{_SP}(?P<m>十[一二]?|[一二三四五六七八九]){_SP}月"
    rf"{_SP}(?P<d>三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九]){_SP}[日曰号]")


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date in the view: span and ISO value."""

    start: int
    end: int
    iso: str


def find_dates(text: str) -> list[DateMatch]:
    """Every 年月日 date in ``text``, in order."""
    found: list[DateMatch] = []
    for m in ARABIC.finditer(text):
        iso = iso_date(int(m["y"]), int(m["m"]), int(m["d"]))
        if iso:
            found.append(DateMatch(m.start(), m.end(), iso))
    for m in CHINESE.finditer(text):
        iso = iso_date(cn_year(m["y"]), cn_number(m["m"]), cn_number(m["d"]))
        if iso:
            found.append(DateMatch(m.start(), m.end(), iso))
    return sorted(found, key=lambda d: d.start)

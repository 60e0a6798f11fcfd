"""成文日期: Arabic (2020年9月15日), Chinese numerals (二〇二〇年九月十五日, 〇/○/O/0/零) and ISO (2020-09-15)."""
from __future__ import annotations

import regex

from mishen.structure.patterns import ANY_DATE_RE, CN_DIGIT
from models.dates import cn_number, cn_year, iso_date
_ARABIC_PARTS = regex.compile(r"(\d{4})\D{1,4}(\d{1,2})\D{1,4}(\d{1,2})")
_CN_PARTS = regex.compile(rf"([{CN_DIGIT}]{{4}})\s{{0,2}}年\s{{0,2}}([十一二三四五六七八九]{{1,3}})\s{{0,2}}月\s{{0,2}}"
                          r"([十一二三四五六七八九]{1,3})\s{0,2}日")


def parse_date(text: str) -> str | None:
    """The ISO form of one written date, or None when it is not a valid calendar date."""
    match = _CN_PARTS.search(text)
    if match:
        return iso_date(cn_year(match.group(1)), cn_number(match.group(2)), cn_number(match.group(3)))
    match = _ARABIC_PARTS.search(text)
    if match:
        return iso_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    return None


def find_dates(text: str) -> list[tuple[int, int, str]]:
    """Every valid date in ``text``: (start, end, iso)."""
    out = []
    for match in ANY_DATE_RE.finditer(text):
        iso = parse_date(match.group())
        if iso:
            out.append((match.start(), match.end(), iso))
    return out

"""Masks of RULES §4, one pure function per kind of datum: the one implementation every stage uses.

Detectors put the default mask in a finding's ``replacement``, the policy chooses a style per category, and
redaction applies it; all three call these functions, so one value gets one mask everywhere.
"""
from __future__ import annotations

import re

COMPOUND_SURNAMES = frozenset(
    "欧阳 上官 司马 诸葛 长孙 东方 皇甫 尉迟 公孙 慕容 令狐 宇文 夏侯 轩辕 端木 独孤 南宫 西门 司徒 司空 澹台 "
    "公冶 太史 申屠 万俟 闻人 呼延 赫连 拓跋 百里 东郭 钟离 宗政 濮阳 淳于 单于 公羊 第五 左丘 仲孙 鲜于 "
    "闾丘 谷梁 乐正 漆雕 壤驷 公良 巫马 梁丘 段干 羊舌 微生 南门 东门 西门 公西 颛孙 子车 亓官 司寇 夹谷 ".split())

_DIGITS = re.compile(r"[0-9A-Za-z]")


def mask_name(name: str) -> str:
    """张三 -> 张*, 张三丰 -> 张**, 欧阳修文 -> 欧阳**, 买买提·艾力 -> 买***·**."""
    if "·" in name:
        return name[0] + "".join("·" if c == "·" else "*" for c in name[1:])
    keep = 2 if name[:2] in COMPOUND_SURNAMES and len(name) > 2 else 1
    return name[:keep] + "*" * max(1, len(name) - keep)


def mask_keep(text: str, head: int, tail: int) -> str:
    """Keep the first ``head`` and last ``tail`` digits/letters, star the others; separators stay."""
    positions = [i for i, c in enumerate(text) if _DIGITS.match(c)]
    hidden = set(positions[head:len(positions) - tail if tail else None])
    return "".join("*" if i in hidden else c for i, c in enumerate(text))


def mask_id_card(text: str) -> str:
    """110101199003071234 -> 110101********1234 (15-digit: 110101*****1234)."""
    return mask_keep(text, 6, 4)


def mask_phone(text: str) -> str:
    """Mobile 13812345678 / +86 138… -> 138****5678; landline 0870-7123456 -> 0870-***3456 (area code kept)."""
    digits = [c for c in text if c.isdigit()]
    if len(digits) >= 11 and "".join(digits[-11:]).startswith("1"):
        return mask_keep(text, len(digits) - 8, 4)
    area = sum(c.isdigit() for c in re.split(r"[-－—\s)）]", text, maxsplit=1)[0]) if re.search(r"[-－—\s)）]", text) else 0
    return mask_keep(text, area, 4)


def mask_bank_card(text: str) -> str:
    """Keep the last 4 digits."""
    return mask_keep(text, 0, 4)


def mask_document_number(text: str) -> str:
    """Passports and permits: first letter(s) and last 2 characters kept."""
    return mask_keep(text, 1, 2)


def mask_email(text: str) -> str:
    """zhangsan@qq.com -> z***@qq.com (a fixed number of stars: the length of the name is not revealed)."""
    local, at, domain = text.partition("@")
    return local[:1] + "***" + at + domain if at else "*" * len(text)


def mask_plate(text: str) -> str:
    """苏A12345 -> 苏A*****: province and issuing-office letter kept."""
    return text[:2] + "".join("*" if c.isalnum() else c for c in text[2:])


def mask_address(text: str, keep: int) -> str:
    """Keep the first ``keep`` characters (up to the county), replace the rest with ****."""
    return text[:keep] + "****" if keep < len(text) else text


def mask_all(text: str) -> str:
    """Sensitive personal information, secrets: removed entirely."""
    return "*" * len(text)

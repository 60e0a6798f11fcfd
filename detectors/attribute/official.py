"""Is this a 公文 (which must carry a 附注, rule A1) or a news / web article (which need not)?

The structure parser's ``is_official_document`` decides when it has filled the structure; until then (or
when it found nothing) a small judgement from the title's 文种 and the 公文 elements around it.
"""
from __future__ import annotations

import regex

from models import Structure

DOC_TYPES = ("命令", "令", "决定", "公告", "通告", "通知", "通报", "报告", "请示", "批复", "意见", "函", "复函",
             "纪要", "议案", "决议", "公报")
_TITLE = regex.compile(
    r"^\s*(?:[^\n。]{0,40}?关于)?[^\n。；]{2,90}?的?(?P<type>" + "|".join(sorted(DOC_TYPES, key=len, reverse=True))
    + r")\s*$", regex.M)
_DOC_NUMBER = regex.compile(r"[〔\[［﹝(（【]\s*(?:19|20)[0-9]{2}\s*[〕\]］﹞)）】]\s*[0-9]+\s*号")
_RECIPIENTS = regex.compile(r"^\s*[^\n。！？]{2,80}[:：]\s*$")
_ORG = regex.compile(r"局|委|政府|部门|单位|各|党委|党组|办|院|中心|公司|站|所|室|厅|会|同志|先生|女士")
_NOT_ORG = regex.compile(r"用户名|密码|电话|地址|邮箱|时间|来源|日期|浏览|联系人")
_NEWS = regex.compile(r"记者|通讯员|本报讯|责任编辑|编者按|新华社|人民网|新闻发布会上|据悉")
_HEAD_LINES = 12


def structure_filled(s: Structure | None) -> bool:
    """Whether the structure parser said anything about this document."""
    if s is None:
        return False
    return s.is_official_document or any(
        getattr(s, f) is not None for f in ("title", "date", "doc_number", "doc_type", "signature", "recipients"))


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines()[:_HEAD_LINES * 3] if line.strip()][:_HEAD_LINES]


def _is_recipients(line: str) -> bool:
    return bool(_RECIPIENTS.match(line) and _ORG.search(line) and not _NOT_ORG.search(line))


def _title_index(lines: list[str]) -> int | None:
    """The title line: the first with 关于 and a 文种, else the longest 文种 line (menus are short)."""
    found = [i for i, line in enumerate(lines) if _TITLE.match(line)]
    with_about = [i for i in found if "关于" in lines[i]]
    if with_about:
        return with_about[0]
    return max(found, key=lambda i: len(lines[i].strip()), default=None)


def title_doc_type(text: str) -> str | None:
    """The 文种 of the title among the first lines of the text."""
    lines = _lines(text)
    i = _title_index(lines)
    m = _TITLE.match(lines[i]) if i is not None else None
    return m["type"] if m else None


def looks_official(text: str) -> bool:
    """A 文种 title (with 关于, or followed by a 主送机关 line), plus a 发文字号, 主送机关 or 特此…, and no byline."""
    if _NEWS.search(text[:3000]):
        return False
    lines = _lines(text)
    i = _title_index(lines)
    if i is None:
        return False
    after = lines[i + 1:i + 4]
    to_someone = any(_is_recipients(line) for line in after)
    if "关于" not in lines[i] and not to_someone:
        return False
    head = "\n".join(lines)
    return bool(to_someone or _DOC_NUMBER.search(head) or regex.search(r"特此(?:通知|报告|函告|公告|函复)", text))


def is_official(structure: Structure | None, text: str) -> bool:
    if structure_filled(structure):
        return bool(structure and structure.is_official_document)
    return looks_official(text)

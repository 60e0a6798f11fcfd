"""The front of a 公文: where the body starts, the 标题 (one or several lines) and the 主送机关."""
from __future__ import annotations

from dataclasses import dataclass

import regex

from mishen.structure.doc_type import doc_type_of_title
from mishen.structure.flatten import Segment, is_agency
from mishen.structure.patterns import (
    ANY_DATE_RE, DOC_NUMBER_RE, HEADING_RE, NOT_TITLE_START, NOTE_RE, PARAGRAPH_PUNCT, SENTENCE_PUNCT,
)
_NAME_LINE_RE = regex.compile(r"[\p{Han}（）()]{2,40}")

MAX_TITLE_LINE = 80
MAX_TITLE = 160
FRONT_LIMIT = 40  # items looked at for the title
_RECIPIENT_WORDS = regex.compile(
    r"各|政府|局|委|办|厅|部|院|会|单位|部门|机构|机关|公司|中心|学校|站|所|队|处|室|科|股|组|街道|乡|镇|村|社区|"
    r"场|企业|银行|医院|党|团|同志|委员|代表|先生|女士"
)
_RECIPIENT_BAD_START = ("为", "根据", "按照", "依据", "依照", "经", "现", "近日", "近期", "我", "本", "据", "今年", "对",
                        "出席", "列席", "时间", "地点", "主持", "参加", "联系", "电话", "会议", "注", "说明", "附件", "抄送")


@dataclass(frozen=True, slots=True)
class Found:
    """A located element: items[first..last] (inclusive) and its value."""

    first: int
    last: int
    value: str


def squeeze(text: str) -> str:
    """Drop whitespace between CJK characters (layout spacing); other runs become one space."""
    text = regex.sub(r"(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])", "", text)
    return regex.sub(r"\s+", " ", text).strip()


def is_paragraph(text: str) -> bool:
    """A body paragraph rather than a heading-like line."""
    if any(p in text for p in SENTENCE_PUNCT) and len(text) >= 12:
        return True
    commas = sum(text.count(p) for p in PARAGRAPH_PUNCT)
    return (commas and len(text) >= 40) or len(text) > 100


def is_heading(text: str) -> bool:
    return HEADING_RE.match(text) is not None


def title_shaped(text: str) -> bool:
    """Could be (part of) a title: short, no sentence punctuation, not a body heading or a date line."""
    if not 2 <= len(text) <= MAX_TITLE_LINE or is_heading(text) or text.startswith(NOT_TITLE_START):
        return False
    if any(p in text for p in "。；;！!？?：:，,|") or ANY_DATE_RE.fullmatch(text.strip()):
        return False
    if NOTE_RE.fullmatch(text):  # （此件主动公开）, （征求意见稿）: never part of the title
        return False
    return DOC_NUMBER_RE.fullmatch(text) is None and not text.endswith("文件")


def body_start(items: list[Segment]) -> int:
    """Index of the first body paragraph (len(items) when there is none)."""
    for i, seg in enumerate(items):
        if is_paragraph(seg.text) and not is_recipients(seg.text):
            return i
    return len(items)


def _extend_title(items: list[Segment], first: int, last: int, stop: int) -> int:
    """Walk back over the lines that belong to the title ending at items[last]; returns the first index."""
    text = "".join(s.text for s in items[first:last + 1])
    while first > stop:
        prev = items[first - 1].text
        if not title_shaped(prev) or doc_type_of_title(prev) or len(text) + len(prev) > MAX_TITLE:
            break
        if "关于" not in text and "关于" in prev:  # 关于……“守护消费” / 铁拳行动的通知
            text = prev + text
            first -= 1
            continue
        if text.startswith("关于") and (is_agency(prev) or _NAME_LINE_RE.fullmatch(prev)):
            first -= 1  # the issuing body's name on the line above
        elif "关于" not in text and len(text) <= 10 and is_agency(prev):
            first -= 1  # 北岭市人民政府 / 专题会议纪要
        break
    return first


def find_title(items: list[Segment], limit: int, number_index: int | None = None) -> Found | None:
    """The title with a 文种 ending, among the lines before the body (strongest form, then first).

    A line below the 发文字号 is preferred: above it a 文种 ending is the 版头 (青川市人民政府常务会议纪要)."""
    best: tuple[int, Found] | None = None
    for i in range(min(limit, FRONT_LIMIT)):
        text = items[i].text
        if not title_shaped(text) or doc_type_of_title(text) is None:
            continue
        first = _extend_title(items, i, i, 0)
        value = squeeze(" ".join(s.text for s in items[first:i + 1]))
        score = 2 * ("关于" in value) + (len(value) >= 10) + (number_index is not None and first > number_index)
        if best is None or score > best[0]:
            best = (score, Found(first, i, value))
    return best[1] if best else None


def find_plain_title(items: list[Segment], limit: int) -> Found | None:
    """A web page's first heading line, when no line ends with a 文种."""
    for i in range(min(limit, 12)):
        text = items[i].text
        if title_shaped(text) and len(text) >= 6 and not is_agency(text):
            return Found(i, i, squeeze(text))
    return None


def is_recipients(text: str) -> bool:
    """A 主送机关 line: a short list of bodies ending with a colon."""
    if not text.endswith(("：", ":")) or len(text) > 150 or "如下" in text or text[:-1].endswith("们"):
        return False
    if any(p in text for p in "。；;！？") or is_heading(text) or text.startswith(_RECIPIENT_BAD_START):
        return False
    return _RECIPIENT_WORDS.search(text) is not None


def find_recipients(items: list[Segment], after: int, limit: int) -> Found | None:
    """The 主送机关 within the few lines after the title (several lines when they end with ，/、)."""
    for i in range(after, min(after + 5, limit + 1, len(items))):
        if not is_recipients(items[i].text):
            continue
        first = i
        while first > after and items[first - 1].text.endswith(("，", "、", ",")) and len(items[first - 1].text) < 80:
            first -= 1
        value = squeeze("".join(s.text for s in items[first:i + 1]))
        return Found(first, i, regex.sub(r"\s+", "", value.rstrip("：:")))
    return None

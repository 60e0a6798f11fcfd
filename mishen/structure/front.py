"""The front of a 公文: where the body starts, the 标题 (one or several lines) and the 主送机关."""
from __future__ import annotations

from dataclasses import dataclass

import regex

from mishen.structure.doc_type import doc_type_of_title
from mishen.structure.flatten import Segment, is_agency
from mishen.structure.patterns import (
    ANY_DATE_RE, DOC_NUMBER_RE, HEADING_RE, MARKER_LINE_RE, NOT_TITLE_START, NOTE_RE, PARAGRAPH_PUNCT, SENTENCE_PUNCT,
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

# A speech's salutation (各位代表：, 尊敬的…：) is not a 主送机关.
_SALUTATION_RE = regex.compile(
    r"尊敬的|亲爱的|[\p{Han}]{0,4}们[、，,]|各位(?:代表|委员|领导|来宾|嘉宾|同志|专家|朋友|老师|同学|家长|乡亲|市民|股东|同仁)"
)
# A private person addressed by name (黄建华：) in a 决定书 / 信访答复: common surname + one or two characters.
_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁沈任姚卢姜崔"
    "钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛"
    "邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝"
    "路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全"
    "佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池乐匡钮"
)
_COMPOUND_SURNAMES = "欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|令狐|司徒|夏侯|长孙|宇文|端木|澹台|呼延|独孤|南宫|西门"
_PERSON_RECIPIENT_RE = regex.compile(rf"(?:(?:{_COMPOUND_SURNAMES})[\p{{Han}}]{{1,2}}|[{_SURNAMES}][\p{{Han}}]{{1,2}})\s{{0,2}}[：:]")
_NOT_A_NAME = frozenset((
    "时间", "任务", "方式", "方案", "方法", "程序", "金额", "范围", "要求", "目标", "原则", "主题", "内容", "说明", "备注", "地点",
    "事由", "依据", "结论", "意见", "附件", "安排", "步骤", "成员", "组长", "常务", "高度", "程度", "宗旨", "阶段", "路线", "项目",
    "应急", "严禁", "关键", "重点", "全文", "全体", "明确", "工作", "同时", "乐观", "管理", "文件", "申请", "单位", "康复", "简介",
))


@dataclass(frozen=True, slots=True)
class Found:
    """A located element: items[first..last] (inclusive) and its value."""

    first: int
    last: int
    value: str


_CJK_SPACING = regex.compile(r"(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])")
_SPACES = regex.compile(r"\s+")


def squeeze(text: str) -> str:
    """Drop whitespace between CJK characters (layout spacing); other runs become one space."""
    return _SPACES.sub(" ", _CJK_SPACING.sub("", text)).strip()


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
    if NOTE_RE.fullmatch(text) or MARKER_LINE_RE.fullmatch(text):  # （此件主动公开）, 内部资料　注意保密
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
        elif _agency_above(prev, text):
            first -= 1  # 北岭市人民政府 / 专题会议纪要, 白沙县市场监督管理局 / 行政处罚决定书
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
            # a 文书 heading (…告知书, …责任书) keeps its agency line; a web headline under a site name does not
            first = i - 1 if i and text.endswith("书") and _agency_above(items[i - 1].text, text) else i
            return Found(first, i, squeeze(" ".join(s.text for s in items[first:i + 1])))
    return None


def _agency_above(prev: str, text: str) -> bool:
    """The issuing body's name on the line right above a title without 关于 (石桥县应急管理局 / 行政处罚事先告知书)."""
    return "关于" not in text and is_agency(prev) and not text.startswith(prev[:2])


def is_recipients(text: str) -> bool:
    """A 主送机关 line: a short list of bodies ending with a colon."""
    if not text.endswith(("：", ":")) or len(text) > 150 or "如下" in text or text[:-1].endswith("们"):
        return False
    if any(p in text for p in "。；;！？") or is_heading(text) or text.startswith(_RECIPIENT_BAD_START):
        return False
    if _SALUTATION_RE.match(text):
        return False
    return _RECIPIENT_WORDS.search(text) is not None or is_person_recipient(text)


def is_person_recipient(text: str) -> bool:
    """A private person addressed by name: ``黄建华：``, ``欧阳秀英：``."""
    return _PERSON_RECIPIENT_RE.fullmatch(text) is not None and text.rstrip("：: ") not in _NOT_A_NAME


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


def split_glued_recipients(items: list[Segment]) -> list[Segment]:
    """``各县人民政府，市直各部门：现将…`` (a web copy that lost the break after the 主送机关) -> recipients, body.

    Only the document's first paragraph, and only when it follows the front directly (not a body heading)."""
    para = next((i for i, seg in enumerate(items) if is_paragraph(seg.text)), None)
    if para is None or (para and is_heading(items[para - 1].text)):
        return items
    seg = items[para]
    colon = min((i for i in (seg.text.find("："), seg.text.find(":")) if i > 0), default=-1)
    head, rest = seg.text[:colon + 1], seg.text[colon + 1:]
    if colon < 0 or colon > 100 or not is_recipients(head) or not is_paragraph(rest.strip()):
        return items
    cut = seg.start + colon + 1
    skip = len(rest) - len(rest.lstrip())
    parts = [Segment(seg.start, cut, head), Segment(cut + skip, seg.end, rest.strip())]
    return items[:para] + parts + items[para + 1:]

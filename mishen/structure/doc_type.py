"""文种 from the title's ending (never from the 发文字号 code), or from the closing phrase when no title."""
from __future__ import annotations

import regex

# Longest first: 复函 before 函, 命令 before 令. 复函 is reported as 函.
DOC_TYPES: tuple[tuple[str, str], ...] = (
    ("命令", "命令"), ("决议", "决议"), ("决定", "决定"), ("公告", "公告"), ("通告", "通告"), ("通知", "通知"),
    ("通报", "通报"), ("报告", "报告"), ("请示", "请示"), ("批复", "批复"), ("意见", "意见"), ("复函", "函"),
    ("函", "函"), ("纪要", "纪要"), ("议案", "议案"), ("公报", "公报"), ("公示", "公示"), ("方案", "方案"),
    ("规定", "规定"), ("办法", "办法"), ("细则", "细则"), ("令", "令"),
)
# The …书 forms of enforcement and petition practice (行政执法文书, 信访文书) are the 文种 they name, addressed to
# a party: 行政处罚决定书 / 复议决定书 are 决定, 信访事项处理意见书 / 复查意见书 / 答复意见书 are 意见, 责令改正通知书
# is a 通知. Every other …书 (告知书 建议书 倡议书 承诺书 责任书 协议书 申请书 任务书, 报告书 as in 环境影响报告书)
# names no 文种.
_BOOK_FORMS: tuple[tuple[str, str], ...] = (("决定书", "决定"), ("意见书", "意见"), ("通知书", "通知"))
# A trailing qualifier that does not change the 文种: （试行）, （征求意见稿）, （草案）, （第2号）.
_TRAILER_RE = regex.compile(r"\s{0,2}[（(][^（）()]{1,12}[）)]\s{0,2}$")
_CLOSING: tuple[tuple[str, str], ...] = (
    (r"特此通知|现将[^。]{0,80}印发给你们|现(?:予|将有关事项)?通知如下", "通知"),
    (r"特此请示|妥否，?请批示|当否，?请批示|请予审批|请批复", "请示"),
    (r"特此报告", "报告"),
    (r"特此函告|特此函复|特此函达|请函复|此函", "函"),
    (r"此复|特此批复", "批复"),
    (r"特此公告", "公告"),
    (r"特此通告", "通告"),
    (r"特此通报", "通报"),
)
_CLOSING_RE = [(regex.compile(p), t) for p, t in _CLOSING]


def doc_type_of_title(title: str) -> str | None:
    """The 文种 a title ends with, or None."""
    text = regex.sub(r"\s+", "", title)
    text = _TRAILER_RE.sub("", text)
    for ending, doc_type in _BOOK_FORMS:
        if text.endswith(ending):
            return doc_type
    for ending, doc_type in DOC_TYPES:
        if text.endswith(ending):
            if doc_type == "令" and len(text) > 1 and text[-2] in "法禁指口":  # 法令, 禁令, 指令, 口令
                return None
            return doc_type
    return None


def doc_type_of_closing(body: str) -> str | None:
    """The 文种 a closing phrase implies (特此通知, 妥否，请批示 …); the last phrase in the body wins."""
    best: tuple[int, str] | None = None
    for pattern, doc_type in _CLOSING_RE:
        for match in pattern.finditer(body):
            if best is None or match.start() > best[0]:
                best = (match.start(), doc_type)
    return best[1] if best else None

"""PERSON_NAME (P1): reads the names the spaCy component put on the doc; tells private persons from officials
in a public role (领导分工, 局长/组长, 签发人, signatures) by the words around them."""
from __future__ import annotations

import regex
from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from detectors.personal import context
from models.masks import mask_name
from detectors.personal.names.component import USER_DATA_KEY
from detectors.personal.recognizers.base import MASKED, PRIVATE, PUBLIC, UNKNOWN, ChineseRecognizer

PUBLIC_BEFORE = ("局长", "书记", "副县长", "主任", "组长", "县长", "市长", "镇长", "区长", "乡长", "处长", "科长", "主席",
                 "部长", "厅长", "院长", "检察长", "庭长", "所长", "队长", "站长", "校长", "委员", "常委", "秘书长",
                 "签发人", "签发", "审核人", "核稿人", "拟稿人", "主持人", "分管", "负责同志", "联系人", "经办人",
                 "承办人", "领导", "董事长", "总经理", "法定代表人", "成员", "审判员", "书记员", "执法人员", "审判长",
                 "记者", "通讯员", "编辑", "审核", "发布人", "值班人员")
PUBLIC_AFTER = ("局长", "书记", "副县长", "主任", "县长", "市长", "镇长", "区长", "主持", "分管", "负责", "兼任", "组长",
                "处长", "科长", "部长", "院长", "同志任", "同志为", "同志不再")
PRIVATE_BEFORE = ("申请人", "投诉人", "举报人", "当事人", "被处罚人", "户主", "信访人", "来访人", "群众", "患者",
                  "学生", "村民", "居民", "监护人", "代理人", "驾驶人", "求助人", "反映人", "受助人", "参保人",
                  "持卡人", "户名", "姓名", "死者", "原告", "被告", "借款人", "业主", "纳税人", "困难户", "农户")
PRIVATE_AFTER = ("来电", "来信", "来访", "反映", "投诉", "举报", "之子", "之女", "等人", "（男", "，男", "，女",
                 "（女", "男，", "女，", "户", "家")
SECTION_PUBLIC = ("领导分工", "分工如下", "任免", "领导小组")
# 纪要 attendance lines: 出席：… / 列席：… / 参会人员：… — officials attending in their public role
ATTENDANCE = regex.compile(r"^[\s\u3000]*(?:出席|列席|参会|参加|缺席|请假|主持|记录)[^：:\n]{0,6}[：:]")
# 值班表: on-duty staff act in their public role (names public); their mobiles stay private (phone recognizer)
ROSTER_HEADERS = ("带班领导", "值班领导", "值班人员", "值班员", "带班人员")
ROSTER_ROW = regex.compile(r"\t|\u3000\S|[0-9]{7}")


def role_of(text: str, start: int, end: int) -> tuple[str, str | None]:
    """(role, context word) of a name at [start, end) (pure)."""
    words = PUBLIC_BEFORE + PRIVATE_BEFORE
    word = context.before(text, start, words, 10)
    if word is not None:
        return (PUBLIC if word in PUBLIC_BEFORE else PRIVATE), word
    word = context.after(text, end, PUBLIC_AFTER + PRIVATE_AFTER, 4)
    if word is not None:
        return (PUBLIC if word in PUBLIC_AFTER else PRIVATE), word
    line = context.line_of(text, start, end)
    if ATTENDANCE.match(line):
        return PUBLIC, line[:2]
    if ROSTER_ROW.search(line) and any(h in text for h in ROSTER_HEADERS):
        return PUBLIC, "值班表"
    for word in SECTION_PUBLIC:
        if word in text:
            return PUBLIC, word
    return UNKNOWN, None


class PersonNameRecognizer(ChineseRecognizer):
    ENTITY = "PERSON_NAME"
    DETECTOR = "person_name"

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        if nlp_artifacts is None:
            return []
        sources: dict[tuple[int, int], str] = nlp_artifacts.tokens.user_data.get(USER_DATA_KEY, {})
        out: list[RecognizerResult] = []
        for (start, end), source in sources.items():
            role, word = (MASKED, None) if source == "pseudonym" else role_of(text, start, end)
            score = 0.9 if source in ("label", "pseudonym") else 0.8
            out.append(self.result(start, end, score, role=role, pattern=f"姓名（{SOURCE_NAMES[source]}）",
                                   validation="LAC 人名识别+规则" if source == "lac" else "规则",
                                   context=word, replacement=text[start:end] if role == MASKED
                                   else mask_name(text[start:end])))
        return out


SOURCE_NAMES = {"lac": "LAC 模型", "label": "标签后姓名", "honorific": "同志/先生/女士前", "pseudonym": "化名（某）",
                "list": "人名列举", "table": "公示表格姓名列"}

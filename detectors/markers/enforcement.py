"""Law enforcement in progress whose release would hinder it or endanger a person — rule D9.

No contract category fits; DRAFT_STATUS (information still in process) is the closest. The rule id says D9."""
from __future__ import annotations

import regex

from detectors.markers._phrases import Phrase, PhraseDetector
from models import Category, Severity

_HINDER = "执法检查、调查取证正在进行，公开可能妨碍检查、调查、取证或危及人身安全，不予公开"


class EnforcementDetector(PhraseDetector):
    name = "enforcement_in_progress"
    category = Category.DRAFT_STATUS
    rule = "D9"
    severity = Severity.HIGH
    score = 0.8
    phrases = (
        Phrase(regex.compile(r"(?:拟|将|计划|定)于[^。\n]{0,30}?(?:突击检查|暗访|暗查|飞行检查|明察暗访|集中收网|统一收网|抓捕)"),
               "planned_inspection", _HINDER),
        Phrase(regex.compile(r"(?:暗访|暗查|飞行检查|突击检查)(?:的)?(?:时间|路线|对象|名单|安排|点位)"),
               "inspection_plan", _HINDER),
        Phrase(regex.compile(r"案件(?:正在|仍在|尚在)(?:侦办|办理|审理|侦查|调查)(?:中|过程中|阶段)?|尚未结案"),
               "case_open", _HINDER),
        Phrase(regex.compile(r"犯罪嫌疑人[^。\n]{0,12}?(?:在逃|尚未到案|正在追捕|仍未归案)"), "suspect_at_large", _HINDER),
        Phrase(regex.compile(r"(?:证据|线索)(?:收集|固定|核查)(?:工作)?(?:正在|尚未|仍在)(?:进行|完成)?"),
               "evidence", _HINDER),
    )

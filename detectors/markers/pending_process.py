"""Process information still under investigation or handling, 未决事项 — rule D8 (category DRAFT_STATUS).

There is no contract category for it; DRAFT_STATUS ("not final") is the closest. The rule id says which."""
from __future__ import annotations

import regex

from detectors.markers._phrases import Phrase, PhraseDetector
from models import Category, Severity

_WHY = "属于正在调查、讨论、处理过程中的过程性信息（未决事项），一般不予公开"


class PendingProcessDetector(PhraseDetector):
    name = "pending_process"
    category = Category.DRAFT_STATUS
    rule = "D8"
    severity = Severity.MEDIUM
    phrases = (
        Phrase(regex.compile(r"(?:正在|仍在|尚在)(?:调查|核查|侦查|审查|查处|调查核实|调查处理|核实)(?!研究)"
                             r"(?:之中|中|过程中|阶段)?"), "in_progress", _WHY),
        Phrase(regex.compile(r"(?:尚未|仍未|暂未|还未)(?:作出|形成|出具|得出|确定)(?:最终)?"
                             r"(?:调查结论|处理决定|处理意见|处罚决定|结论|处理结果)"), "no_conclusion", _WHY),
        Phrase(regex.compile(r"(?:调查|核查|处理)(?:结果|结论|意见)(?:尚未|暂未|待)(?:确定|出具|作出|明确|公布)"),
               "result_pending", _WHY),
        Phrase(regex.compile(r"(?:待|等待)(?:进一步)?(?:调查|核实|核查)(?:清楚)?(?:后|结果)"), "awaiting", _WHY),
        Phrase(regex.compile(r"(?:调查|核查)(?:工作)?(?:正在|仍在)(?:进行|开展)"), "ongoing", _WHY),
        Phrase(regex.compile(r"未决事项"), "undecided", _WHY),
    )

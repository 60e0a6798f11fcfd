"""Subjects that need strict review before release whatever the attribute — rule D12: 重大疫情, 重要地理信息,
统计数据 before official release, 农产品质量安全状况.

There is no contract category for it; SECRET_MARKER (content that may be secret until officially released) is
the closest. The rule id says D12; action review, severity medium (statistics low)."""
from __future__ import annotations

import regex

from detectors.markers._phrases import Phrase, PhraseDetector
from models import Category, Severity

_EPIDEMIC = "涉及重大传染病疫情或动物疫情，须经严格审查并以有权机关发布为准"
_GEO = "涉及重要地理信息数据（精确坐标、测绘成果、军事设施），须经严格保密审查"
_STATS = "统计数据尚未正式发布，须经严格审查，以统计部门正式发布的数据为准"
_FOOD = "涉及农产品质量安全状况，须经严格审查后发布"
_PLAGUES = r"(?:非洲猪瘟|禽流感|高致病性禽流感|口蹄疫|炭疽|鼠疫|霍乱|布病|狂犬病|传染病)"


class SensitiveSubjectDetector(PhraseDetector):
    name = "sensitive_subject"
    category = Category.SECRET_MARKER
    rule = "D12"
    severity = Severity.MEDIUM
    score = 0.7
    phrases = (
        Phrase(regex.compile(r"(?:新增|累计|现有)?(?:确诊|疑似)(?:病例|患者|感染者)[^。\n]{0,6}?\d+\s*(?:例|人|名)"),
               "case_counts", _EPIDEMIC),
        Phrase(regex.compile(r"(?:发生|暴发|爆发|出现|确诊)[^。，\n]{0,12}?" + _PLAGUES + r"(?:疫情)?"),
               "outbreak", _EPIDEMIC),
        Phrase(regex.compile(r"疫点|疫区(?:封锁|划定)"), "outbreak_zone", _EPIDEMIC),
        Phrase(regex.compile(r"(?:东经|北纬|经度|纬度|坐标)[:：\s]*\d{1,3}(?:\.\d{4,}|°\s*\d{1,2}′\s*\d{1,2}(?:\.\d+)?″)"),
               "coordinates", _GEO),
        Phrase(regex.compile(r"(?:涉密|重要)(?:地理信息|测绘成果)|(?:军事|国防)(?:设施|禁区|管理区)"), "geo", _GEO),
        Phrase(regex.compile(r"未经?(?:正式)?(?:发布|公布|审定)的?统计(?:数据|资料)|统计(?:数据|资料)(?:尚未|未)(?:正式)?(?:发布|公布)"
                             r"|快报数(?:据)?|(?:统计)?初步核算数"), "unreleased_stats", _STATS),
        Phrase(regex.compile(r"(?:农药残留|兽药残留|重金属)[^。\n]{0,10}?超标"), "farm_produce", _FOOD),
    )

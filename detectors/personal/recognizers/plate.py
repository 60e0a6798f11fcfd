"""LICENSE_PLATE (P5): 机动车号牌 — province abbreviation, issuing letter, 5 characters (6 for new energy)."""
from __future__ import annotations

import re
from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from detectors.personal import context
from models.masks import mask_plate
from detectors.personal.recognizers.base import PRIVATE, ChineseRecognizer

PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
# stdlib re: the same matches as the regex module here, in a third of the time (it skips to the province characters)
PATTERN = re.compile(
    r"[" + PROVINCES + r"][A-HJ-NP-Z][·•・ ]?(?:[DF][A-HJ-NP-Z0-9][0-9]{4}|[0-9]{5}[DF]|"
    r"[A-HJ-NP-Z0-9]{4}[A-HJ-NP-Z0-9挂学警港澳])(?![0-9A-Za-z])")
CONTEXT = ("车牌", "号牌", "车辆", "驾驶", "牌照", "机动车", "小型汽车", "轿车", "货车", "摩托车")


class LicensePlateRecognizer(ChineseRecognizer):
    ENTITY = "LICENSE_PLATE"
    DETECTOR = "license_plate"

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        out: list[RecognizerResult] = []
        for m in PATTERN.finditer(text):
            tail = m.group()[2:]
            if sum(c.isdigit() for c in tail) < 2:
                continue  # 苏ABCDE-like strings are words or codes, not plates
            word = context.before(text, m.start(), CONTEXT, 16)
            out.append(self.result(m.start(), m.end(), 0.9 if word else 0.75, role=PRIVATE, pattern="机动车号牌",
                                   validation="省份简称+发牌机关代号+序号", context=word,
                                   replacement=mask_plate(m.group())))
        return out

"""ORG_ID: 统一社会信用代码 (GB 32100). Not personal data: found so that it is never taken for an ID number."""
from __future__ import annotations

import re

import regex
from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from detectors.personal import context
from detectors.personal.recognizers.base import PUBLIC, ChineseRecognizer

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
PATTERN = regex.compile(r"(?<![0-9A-Za-z])[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Za-z])")
CONTEXT = ("统一社会信用代码", "信用代码", "组织机构代码", "社会信用代码", "注册号", "纳税人识别号")
DIGITS = re.compile(r"[0-9]{6}")   # every code holds six digits in a row (its 3rd to 8th characters)


def check_char(first17: str) -> str | None:
    """The GB 32100 check character of the first 17 characters (pure)."""
    try:
        total = sum(ALPHABET.index(c) * w for c, w in zip(first17, WEIGHTS))
    except ValueError:
        return None
    return ALPHABET[(31 - total % 31) % 31]


class OrgIdRecognizer(ChineseRecognizer):
    ENTITY = "ORG_ID"
    DETECTOR = "org_id"

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        out: list[RecognizerResult] = []
        if not DIGITS.search(text):
            return out
        for m in PATTERN.finditer(text.upper()):
            code = m.group()
            word = context.before(text, m.start(), CONTEXT, 16)
            valid = check_char(code[:17]) == code[17]
            if valid or word or not code.isdigit():
                out.append(self.result(m.start(), m.end(), 0.95 if valid else 0.6, role=PUBLIC,
                                       pattern="统一社会信用代码", validation="校验位有效" if valid else "格式",
                                       context=word, replacement=code))
        return out

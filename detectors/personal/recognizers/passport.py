"""CN_PASSPORT (P5): 护照, 港澳通行证, 回乡证, 台胞证, 往来台湾通行证 numbers."""
from __future__ import annotations

import re

import regex
from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from detectors.personal import context
from models.masks import mask_document_number
from detectors.personal.recognizers.base import PRIVATE, ChineseRecognizer

_B = r"(?<![0-9A-Za-z])"
_E = r"(?![0-9A-Za-z])"
# (name, pattern, needs context)
PATTERNS = (
    ("护照号码", regex.compile(_B + r"(?:E[0-9]{8}|E[A-HJ-NP-Z][0-9]{7}|G[0-9]{8})" + _E), False),
    ("公务/外交护照", regex.compile(_B + r"[PSD]E?[0-9]{7}" + _E), True),
    ("港澳通行证号码", regex.compile(_B + r"C[A-HJ-NP-Z0-9][0-9]{7}" + _E), False),
    ("往来台湾通行证号码", regex.compile(_B + r"[TL][0-9]{8}" + _E), True),
    ("回乡证号码", regex.compile(_B + r"[HM][0-9]{8}(?:[0-9]{2})?" + _E), True),
    ("台胞证号码", regex.compile(_B + r"[0-9]{8}(?:[0-9]{2}(?:[(（][A-Z][)）])?)?" + _E), True),
)
CONTEXT = ("护照", "通行证", "回乡证", "台胞证", "旅行证", "证件号码", "证件号", "出入境证件", "签证")
# every pattern holds seven digits in a row: most chunks have none, and this one scan (stdlib re) costs less than
# the six patterns' (regex, a look-behind tried at every position)
DIGITS = re.compile(r"[0-9]{7}")


class CnPassportRecognizer(ChineseRecognizer):
    ENTITY = "CN_PASSPORT"
    DETECTOR = "cn_passport"

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        out: list[RecognizerResult] = []
        if not DIGITS.search(text):
            return out
        for label, pattern, needs_context in PATTERNS:
            for m in pattern.finditer(text):
                word = context.before(text, m.start(), CONTEXT, 16)
                if needs_context and not word:
                    continue
                out.append(self.result(m.start(), m.end(), 0.9 if word else 0.6, role=PRIVATE, pattern=label,
                                       validation="格式符合", context=word,
                                       replacement=mask_document_number(m.group())))
        return out

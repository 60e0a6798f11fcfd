"""CN_ID_CARD (P2): 居民身份证号码, GB 11643 — 18 digits with ISO 7064 MOD 11-2 check, or the 15-digit form."""
from __future__ import annotations

import datetime as dt
import gzip
from importlib.resources import files

import regex
from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from detectors.personal import context, numbers
from models.masks import mask_id_card
from detectors.personal.recognizers.base import MASKED, PRIVATE, UNKNOWN, ChineseRecognizer

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK = "10X98765432"
CONTEXT = ("身份证", "身份证号", "身份证号码", "公民身份号码", "证件号码", "证件号", "身份号码", "身份证明")
MASKED_FORM = regex.compile(
    r"(?<![0-9A-Za-z*])[1-8][0-9]{5}(?:[0-9]{0,8}[*＊xX×]{4,12}[0-9]{0,8})[0-9]{0,3}[0-9Xx](?![0-9A-Za-z*])")


def load_region_codes() -> frozenset[str]:
    data = files("detectors.personal.data").joinpath("region_codes.txt.gz").read_bytes()
    return frozenset(gzip.decompress(data).decode("utf-8").split())


def check_digit(first17: str) -> str:
    return CHECK[sum(int(c) * w for c, w in zip(first17, WEIGHTS)) % 11]


def valid_date(yyyymmdd: str) -> bool:
    try:
        day = dt.date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:8]))
    except ValueError:
        return False
    return dt.date(1880, 1, 1) <= day <= dt.date.today()


def validate(number: str, regions: frozenset[str]) -> str | None:
    """None when valid, otherwise why not (pure)."""
    number = number.upper()
    if len(number) == 18:
        if not number[:17].isdigit():
            return "非数字"
        birth = number[6:14]
    elif len(number) == 15 and number.isdigit():
        birth = "19" + number[6:12]
    else:
        return "长度不符"
    if number[:6] not in regions and number[:4] + "00" not in regions:
        return "行政区划代码无效"
    if not valid_date(birth):
        return "出生日期无效"
    if len(number) == 18 and check_digit(number[:17]) != number[17]:
        return "校验位错误"
    return None


class CnIdCardRecognizer(ChineseRecognizer):
    ENTITY = "CN_ID_CARD"
    DETECTOR = "cn_id_card"

    def __init__(self) -> None:
        super().__init__()
        self.regions = load_region_codes()

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        out: list[RecognizerResult] = []
        for cand in numbers.candidates(text, frozenset({15, 18})):
            word = context.before(text, cand.start, CONTEXT, 16)
            problem = validate(cand.digits, self.regions)
            if problem == "校验位错误" and word:  # a typo in a labelled ID still discloses it: review
                out.append(self.result(
                    cand.start, cand.end, 0.6, role=UNKNOWN, pattern="18位身份证号", context=word,
                    validation="校验位错误（疑似录入错误），行政区划代码、出生日期有效",
                    replacement=mask_id_card(text[cand.start:cand.end])))
            if problem is not None or (len(cand.digits) == 15 and not word):
                continue  # a bare 15-digit number is too weak on its own
            out.append(self.result(
                cand.start, cand.end, 0.99 if len(cand.digits) == 18 else 0.85, role=PRIVATE,
                pattern=f"{len(cand.digits)}位身份证号" + ("（被分隔）" if cand.split else ""),
                validation="GB 11643 校验位、行政区划代码、出生日期均有效" if len(cand.digits) == 18
                else "15位旧号：行政区划代码、出生日期有效", context=word,
                replacement=mask_id_card(text[cand.start:cand.end])))
        for m in MASKED_FORM.finditer(text):
            if regions_ok(m.group(), self.regions):
                out.append(self.result(
                    m.start(), m.end(), 0.7, role=MASKED, pattern="已部分遮蔽的身份证号", validation="已遮蔽",
                    context=context.before(text, m.start(), CONTEXT, 16), replacement=m.group()))
        return out


def regions_ok(masked: str, regions: frozenset[str]) -> bool:
    """A masked ID keeps a valid region prefix and has 15 or 18 characters."""
    return len(masked) in (15, 18) and (masked[:6] in regions or masked[:4] + "00" in regions)

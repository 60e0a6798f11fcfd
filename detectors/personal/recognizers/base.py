"""Shared shape of this package's Presidio recognizers: results carry their own explanation and role."""
from __future__ import annotations

from typing import Any

from presidio_analyzer import LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

# role of the datum, read by the detector to choose severity and action
PRIVATE = "private"      # a private person's datum: high, redact
PUBLIC = "public"        # public contact / official in a public role: low, no action
MASKED = "masked"        # already masked in the text: low, no action
UNKNOWN = "unknown"      # no context either way: medium, review


class ChineseRecognizer(LocalRecognizer):
    """A recognizer for ``zh`` whose results carry pattern, validation, context, role and mask."""

    ENTITY = ""
    DETECTOR = ""

    def __init__(self) -> None:
        super().__init__(supported_entities=[self.ENTITY], name=self.DETECTOR, supported_language="zh")

    def load(self) -> None:  # data is loaded in the constructor
        return None

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        raise NotImplementedError

    def result(self, start: int, end: int, score: float, *, role: str, pattern: str, validation: str,
               context: str | None, replacement: str, entity: str | None = None, **extra: Any
               ) -> RecognizerResult:
        meta = {"recognizer_name": self.name, "recognizer_identifier": self.id, "pattern": pattern,
                "validation": validation, "context": context, "role": role, "replacement": replacement,
                **extra}
        return RecognizerResult(entity or self.ENTITY, start, end, score, recognition_metadata=meta)

"""The detectors the pipeline runs, listed explicitly. Each group package builds its own from settings."""
from __future__ import annotations

from detectors.base import Detector
from models import DeclaredAttribute, Document, NormalizedText
from mishen.settings import Settings


def build_detectors(settings: Settings) -> list[Detector]:
    """Every detector, constructed once per pipeline (models and dictionaries load here, not at import)."""
    from detectors import attribute, hidden, markers, personal, secrets

    return [
        *personal.build(settings),
        *secrets.build(settings),
        *markers.build(settings),
        *hidden.build(settings),
        *attribute.build(settings),
    ]


def declared_attribute(doc: Document, view: NormalizedText) -> DeclaredAttribute | None:
    """The 附注 attribute the document declares (value, raw text, span, reason, problems), if any."""
    from detectors.attribute import parse_declared

    return parse_declared(doc, view)

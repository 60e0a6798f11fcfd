"""Detectors of the personal group: Chinese personal data (RULES §4, P1–P7) with Presidio, spaCy and LAC."""
from __future__ import annotations

from detectors.base import Detector
from mishen.settings import Settings


def build(settings: Settings) -> list[Detector]:
    """The detectors of this group, in the order they run (the engine and its models load here)."""
    from detectors.personal import chunks
    from detectors.personal.detector import PersonalDataDetector
    from detectors.personal.engine import build_analyzer

    grain = chunks.PARAGRAPH if settings.paragraph_chunks else chunks.COARSE
    analyzer = build_analyzer(threads=settings.model_threads, cache_windows=settings.cache_windows)
    return [PersonalDataDetector(analyzer, cache_chunks=settings.cache_chunks, grain=grain)]

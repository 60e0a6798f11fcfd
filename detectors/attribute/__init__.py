"""Detectors of the attribute group: the 附注 line (rules A1–A3)."""
from __future__ import annotations

from detectors.attribute.detector import AttributeNoteDetector
from detectors.attribute.parse import analyse
from detectors.base import Detector
from mishen.settings import Settings
from models import DeclaredAttribute, Document, NormalizedText

__all__ = ["AttributeNoteDetector", "build", "parse_declared"]


def build(settings: Settings) -> list[Detector]:
    """The detectors of this group, in the order they run."""
    return [AttributeNoteDetector()]


def parse_declared(doc: Document, view: NormalizedText) -> DeclaredAttribute | None:
    """The attribute the 附注 declares: value, raw text, span, reason and problems (None when there is none)."""
    return analyse(doc, view).declared

"""Detectors of the attribute group."""
from __future__ import annotations

from detectors.base import Detector
from mishen.settings import Settings


def build(settings: Settings) -> list[Detector]:
    """The detectors of this group, in the order they run."""
    return []


def parse_declared(doc, view):
    return None

"""Detectors of the hidden-content group (RULES.md §6, rules H): what a reader can recover beyond the text."""
from __future__ import annotations

from detectors.base import Detector
from mishen.settings import Settings


def build(settings: Settings) -> list[Detector]:
    """The detectors of this group, in the order they run. All have scope "document"."""
    from detectors.hidden.comment import DocCommentDetector
    from detectors.hidden.hidden_link import HiddenLinkDetector
    from detectors.hidden.hidden_text import HiddenTextDetector
    from detectors.hidden.metadata import DocMetadataDetector
    from detectors.hidden.no_text_layer import NoTextLayerDetector
    from detectors.hidden.pdf_annotation import PdfAnnotationDetector
    from detectors.hidden.revision import DocRevisionDetector

    return [
        DocCommentDetector(), DocRevisionDetector(), HiddenTextDetector(), HiddenLinkDetector(),
        DocMetadataDetector(), PdfAnnotationDetector(), NoTextLayerDetector(),
    ]

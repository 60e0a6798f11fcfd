"""Detectors of the secrets group (RULES.md §5, rules S): 密级标志, secrecy markers, credentials, intranet."""
from __future__ import annotations

from detectors.base import Detector
from mishen.settings import Settings


def build(settings: Settings) -> list[Detector]:
    """The detectors of this group, in the order they run. All have scope "text"."""
    from detectors.secrets.classification_mark import ClassificationMarkDetector
    from detectors.secrets.credential import CredentialDetector
    from detectors.secrets.internal_network import InternalNetworkDetector
    from detectors.secrets.secret_marker import SecretMarkerDetector

    return [ClassificationMarkDetector(), SecretMarkerDetector(), CredentialDetector(), InternalNetworkDetector()]

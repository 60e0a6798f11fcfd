"""Detectors of the internal-marker group (RULES.md §3, rules D5–D13, A6): 文种 and internal markers."""
from __future__ import annotations

from detectors.base import Detector
from mishen.settings import Settings


def build(settings: Settings) -> list[Detector]:
    """The detectors of this group, in the order they run. All have scope "document"."""
    from detectors.markers.consultation import ConsultationDetector
    from detectors.markers.draft_status import DraftStatusDetector
    from detectors.markers.enforcement import EnforcementDetector
    from detectors.markers.party_document import PartyDocumentDetector
    from detectors.markers.pending_process import PendingProcessDetector
    from detectors.markers.personnel_case import PersonnelCaseDetector
    from detectors.markers.pure_forward import PureForwardDetector
    from detectors.markers.sensitive_subject import SensitiveSubjectDetector
    from detectors.markers.upward_request import UpwardRequestDetector

    return [
        UpwardRequestDetector(), ConsultationDetector(), DraftStatusDetector(), PartyDocumentDetector(),
        PureForwardDetector(), PendingProcessDetector(), EnforcementDetector(), SensitiveSubjectDetector(),
        PersonnelCaseDetector(),
    ]

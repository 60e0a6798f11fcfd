"""Helpers for policy tests: run the attribute detector and the policy on a text, with given findings."""
from __future__ import annotations

from collections.abc import Callable

import pytest

from detectors.attribute import AttributeNoteDetector, parse_declared
from mishen.policy import Policy, PolicyResult, evaluate, load_policy
from mishen.settings import Settings
from models import Action, Category, Document, Finding, Normalizer, Severity, SourceFormat, Structure


@pytest.fixture(scope="session")
def policy() -> Policy:
    return load_policy(Settings())


def finding(text: str, needle: str, category: Category, rules: list[str], action: Action = Action.REVIEW,
            severity: Severity = Severity.HIGH, nth: int = 0) -> Finding:
    """A detector's finding on the ``nth`` occurrence of ``needle`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Finding(category=category, start=start, end=start + len(needle), text=needle, score=0.9,
                   severity=severity, rules=rules, detector="test", explanation="测试", action=action)


@pytest.fixture(scope="session")
def judge(policy: Policy) -> Callable[..., PolicyResult]:
    normalizer = Normalizer()
    detector = AttributeNoteDetector()

    def run(text: str, findings: list[Finding] | None = None, structure: Structure | None = None) -> PolicyResult:
        doc = Document(source="t.txt", sha256="", format=SourceFormat.TXT, text=text, structure=structure)
        view = normalizer(text)
        found = detector.detect(doc, view) + list(findings or [])
        return evaluate(doc, parse_declared(doc, view), found, policy)

    return run

"""Shared fixtures: one Reviewer per test session (building detectors loads models and dictionaries)."""
from __future__ import annotations

import pytest

from mishen.pipeline import Reviewer
from mishen.settings import Settings


@pytest.fixture(scope="session")
def reviewer() -> Reviewer:
    return Reviewer(Settings())

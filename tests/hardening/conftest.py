"""Helpers of the hardening suite: a reviewer with other limits that shares the session's detectors."""
from __future__ import annotations

import copy
import time
from collections.abc import Callable

import pytest

from mishen.pipeline import Reviewer
from mishen.settings import Settings
from models import Report

# Generous on a loaded 2-core machine; a hang or a quadratic blow-up is minutes, not seconds.
MAX_SECONDS = 20.0


def with_settings(reviewer: Reviewer, **limits) -> Reviewer:
    """A copy of ``reviewer`` reading with other limits (detectors and policy are shared, not rebuilt)."""
    other = copy.copy(reviewer)
    other.settings = Settings(**limits)
    return other


def timed_review(reviewer: Reviewer, data: bytes, name: str) -> Report:
    started = time.perf_counter()
    report = reviewer.review_bytes(data, name)
    elapsed = time.perf_counter() - started
    assert elapsed < MAX_SECONDS, f"review of {name} took {elapsed:.1f} s"
    return report


def assert_offsets_hold(report: Report) -> None:
    for f in report.findings:
        assert report.span_text(f.part, f.start, f.end) == f.text, f.id


@pytest.fixture
def review(reviewer: Reviewer) -> Callable[..., Report]:
    def run(data: bytes, name: str, **limits) -> Report:
        return timed_review(with_settings(reviewer, **limits) if limits else reviewer, data, name)
    return run

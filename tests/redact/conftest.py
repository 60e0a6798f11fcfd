from __future__ import annotations

import pytest

from mishen.redact import MaskRegister, Redactor
from mishen.settings import Settings


@pytest.fixture
def redactor() -> Redactor:
    return Redactor(Settings(), MaskRegister())


@pytest.fixture
def redact(redactor):
    """Plan, write and verify one file with explicit findings: returns (public bytes, verification, result)."""
    from tests.redact.helpers import report_for

    def run(data: bytes, name: str, values, blocks=()):
        report = report_for(data, name, values)
        plan = redactor.plan(report)
        if blocks:
            from mishen.read import read_bytes
            plan.remove_blocks(read_bytes(data, name, Settings()), blocks)
        result = redactor.apply(data, name, plan)
        verification = redactor.verify(result.data, name, plan, result.rerendered_pages)
        return result.data, verification, result
    return run

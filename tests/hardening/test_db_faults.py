"""The queue database locked by another process: the gate answers publish false with a clear error in bounded
time and recovers when the lock goes. (Database gone or broken: tests/review/test_api.py.)"""
from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from mishen.review.app import create_app
from mishen.review.config import ServiceSettings
from tests.hardening.corpus import CLEAN

AUTH = {"Authorization": "Bearer t"}
PAGE = "\n".join(CLEAN)


@pytest.fixture
def locked(tmp_path: Path, reviewer) -> Iterator[tuple[TestClient, sqlite3.Connection]]:
    db = tmp_path / "q.db"
    settings = ServiceSettings(database_url=f"sqlite:///{db}", api_token="t", secret_key="k" * 32)
    with TestClient(create_app(settings, reviewer=reviewer), raise_server_exceptions=False) as client:
        assert client.post("/api/v1/gate", headers=AUTH, json={"text": PAGE}).json()["publish"] is True
        holder = sqlite3.connect(db, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
        try:
            yield client, holder
        finally:
            holder.close()


def test_gate_refuses_while_the_database_is_locked_and_recovers(locked) -> None:
    client, holder = locked
    started = time.monotonic()
    answer = client.post("/api/v1/gate", headers=AUTH, json={"text": PAGE + "\n附件：无"})
    assert time.monotonic() - started < 30
    assert answer.status_code == 503
    assert answer.json()["publish"] is False and answer.json()["error"]["code"] == "DATABASE_UNAVAILABLE"
    holder.execute("ROLLBACK")
    again = client.post("/api/v1/gate", headers=AUTH, json={"text": PAGE + "\n附件：无"})
    assert again.status_code == 200 and again.json()["publish"] is True


def test_queue_submission_while_locked_answers_a_clear_error(locked) -> None:
    client, _ = locked
    answer = client.post("/api/v1/documents", headers=AUTH, json={"text": PAGE + "\n附件：一"})
    assert answer.status_code == 503 and answer.json()["error"]["code"]

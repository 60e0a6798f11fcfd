"""Logs carry no document text: the pipeline and the gate over sample documents with personal data, with every
logger at DEBUG, and the token and passwords of the run never appear either."""
from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from mishen.review.app import create_app
from mishen.review.config import ServiceSettings
from mishen.review.security import Hasher
from mishen.review.store import Store
from mishen.review.views import Role
from tests.hardening.corpus import ID, with_id

SAMPLES = Path(__file__).resolve().parents[2] / "sample_docs"
PERSONAL = {"CN_ID_CARD", "CN_PHONE", "PERSON_NAME", "CN_PASSPORT", "EMAIL", "ADDRESS", "BANK_CARD", "CN_PLATE"}
TOKEN = "tok-" + "9f3a" * 6
PASSWORD = "pw-Zq8#log-check"


def _samples_with_personal_data() -> list[tuple[Path, list[str], bool]]:
    """(file, personal strings it holds, whether it must not pass)."""
    out = []
    for expected in sorted(SAMPLES.glob("*.expected.json")):
        spec = json.loads(expected.read_text("utf-8"))
        secrets = [m["text"] for m in spec.get("must_find", []) if m.get("category") in PERSONAL and m.get("text")]
        doc = next((p for p in SAMPLES.glob(expected.name.replace(".expected.json", ".*"))
                    if not p.name.endswith(".json")), None)
        if secrets and doc is not None:
            out.append((doc, secrets, spec.get("decision_not") == "pass"))
    return out


SAMPLES_WITH_DATA = _samples_with_personal_data()


def _logged(caplog: pytest.LogCaptureFixture) -> str:
    parts = []
    for record in caplog.records:
        parts.append(record.getMessage())
        parts.append(record.exc_text or "")
        if record.exc_info and record.exc_info[1] is not None:
            parts.append(repr(record.exc_info[1]))
    return "\n".join(parts)


def _assert_absent(logged: str, secrets: list[str]) -> None:
    leaked = [s for s in secrets if s in logged]
    assert not leaked, f"{len(leaked)} document strings found in the logs"


def test_there_are_samples_with_personal_data() -> None:
    assert len(SAMPLES_WITH_DATA) >= 5
    assert {p.suffix for p, _, _ in SAMPLES_WITH_DATA} >= {".docx", ".pdf", ".txt"}


def test_pipeline_logs_no_document_text(reviewer, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    secrets: list[str] = []
    for path, found, _ in SAMPLES_WITH_DATA:
        reviewer.review_path(path)
        data = path.read_bytes()
        reviewer.review_bytes(data[: len(data) // 2], path.name)       # broken copy: the crash/error path
        secrets += found
    assert caplog.records, "nothing was logged at all: the capture is not working"
    _assert_absent(_logged(caplog), secrets)


def test_gate_and_ui_log_no_document_text_token_or_password(reviewer, tmp_path,
                                                            caplog: pytest.LogCaptureFixture) -> None:
    settings = ServiceSettings(database_url=f"sqlite:///{tmp_path / 'logs.db'}", api_token=TOKEN,
                               secret_key="s" * 32)
    store = Store(settings.database_url, hasher=Hasher(light=True))
    store.migrate()
    store.add_user("drafter1", Role.DRAFTER, PASSWORD)
    caplog.set_level(logging.DEBUG)
    secrets = [ID, TOKEN, PASSWORD]
    with TestClient(create_app(settings, reviewer=reviewer, store=store), follow_redirects=False) as client:
        auth = {"Authorization": f"Bearer {TOKEN}"}
        assert client.post("/api/v1/gate", headers=auth, json={"text": with_id(ID)}).json()["publish"] is False
        for path, found, dirty in SAMPLES_WITH_DATA:
            answer = client.post("/api/v1/gate", headers=auth, files={"file": (path.name, path.read_bytes())})
            assert answer.status_code == 200
            if dirty:
                assert answer.json()["publish"] is False
            client.post("/api/v1/documents", headers=auth, files={"file": (path.name, path.read_bytes())})
            secrets += found
        client.post("/api/v1/gate", headers={"Authorization": "Bearer " + TOKEN[:-1]}, json={"text": "x"})
        page = client.get("/login").text
        csrf = page.split('name="csrf" value="', 1)[1].split('"', 1)[0]
        client.post("/login", data={"name": "drafter1", "password": PASSWORD + "x", "csrf": csrf})
        client.post("/login", data={"name": "drafter1", "password": PASSWORD, "csrf": csrf})
    store.close()
    _assert_absent(_logged(caplog), secrets)

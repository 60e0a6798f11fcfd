"""Prefect's environment for batch runs: reliable start-up, no telemetry, the user's settings respected."""
from __future__ import annotations

from pathlib import Path

import pytest

from mishen.batch.prefect_env import configure_prefect


def test_defaults_fill_what_is_unset(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    env: dict[str, str] = {}
    configure_prefect(tmp_path / "out", env, quiet=True)
    assert env["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"] == "120"
    assert env["DO_NOT_TRACK"] == "1" and env["PREFECT_SERVER_ANALYTICS_ENABLED"] == "false"
    assert env["PREFECT_HOME"] == str(tmp_path / ".prefect") and env["PREFECT_LOGGING_LEVEL"] == "WARNING"
    assert env["PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_BATCH_SIZE"] == "100"    # the temporary server's


@pytest.mark.parametrize(("given", "key", "kept"), [
    ({"PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "300"}, "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS",
     "300"),
    ({"PREFECT_HOME": "/srv/prefect"}, "PREFECT_HOME", "/srv/prefect"),
    ({"PREFECT_LOGGING_LEVEL": "DEBUG"}, "PREFECT_LOGGING_LEVEL", "DEBUG"),
    ({"PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_BATCH_SIZE": "1"}, "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_BATCH_SIZE",
     "1"),
])
def test_user_settings_win(tmp_path: Path, given: dict[str, str], key: str, kept: str) -> None:
    env = dict(given)
    configure_prefect(tmp_path, env, quiet=True)
    assert env[key] == kept


def test_a_long_lived_server_needs_no_home(tmp_path: Path) -> None:
    env = {"PREFECT_API_URL": "http://127.0.0.1:4200/api"}
    applied = configure_prefect(tmp_path, env)
    assert "PREFECT_HOME" not in env and "PREFECT_HOME" not in applied and "PREFECT_LOGGING_LEVEL" not in env
    assert "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_BATCH_SIZE" not in env   # that server has its own settings


def test_unwritable_home_falls_back_to_the_output_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "no" / "such" / "home"))
    env: dict[str, str] = {}
    configure_prefect(tmp_path / "out", env)
    assert env["PREFECT_HOME"] == str((tmp_path / "out" / ".prefect").resolve())

"""`mishen users add` (password from the environment, never printed) and `mishen serve` as a real process."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mishen.cli import app
from mishen.review.client import check_page, may_publish
from mishen.review.store import Store
from mishen.review.views import Role

SECRET = "a-long-secret-password"


@pytest.mark.parametrize(("args", "code"), [
    (["users", "add", "boss", "--role", "admin"], 0),
    (["users", "add", "boss", "--role", "superuser"], 2),
    (["users", "add", "bad name", "--role", "admin"], 1),
])
def test_users_add(tmp_path, monkeypatch, args: list[str], code: int) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("MISHEN_DATABASE_URL", url)
    monkeypatch.setenv("MISHEN_NEW_USER_PASSWORD", SECRET)
    result = CliRunner().invoke(app, args)
    assert result.exit_code == code, result.output
    assert SECRET not in result.output
    if code == 0:
        store = Store(url)
        try:
            assert store.authenticate("boss", SECRET).role is Role.ADMIN
        finally:
            store.close()
        again = CliRunner().invoke(app, args)
        assert again.exit_code == 1 and "已存在" in again.output


def test_users_add_prompts_for_the_password_without_echo(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("MISHEN_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    monkeypatch.delenv("MISHEN_NEW_USER_PASSWORD", raising=False)
    result = CliRunner().invoke(app, ["users", "add", "rev", "--role", "reviewer"], input=f"{SECRET}\n{SECRET}\n")
    assert result.exit_code == 0 and SECRET not in result.output


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _post(url: str, payload: dict, token: str) -> tuple[int, dict]:
    request = urllib.request.Request(url, data=json.dumps(payload).encode(), method="POST", headers={
        "Content-Type": "application/json", "Authorization": f"Bearer {token}"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def test_serve_answers_the_gate_over_http(tmp_path) -> None:
    port = _free_port()
    env = os.environ | {"MISHEN_DATABASE_URL": f"sqlite:///{tmp_path / 'serve.db'}", "MISHEN_API_TOKEN": "tok"}
    mishen = Path(sys.executable).with_name("mishen")
    process = subprocess.Popen([str(mishen), "serve", "--port", str(port)], env=env, cwd=tmp_path,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    clean = "关于做好防汛工作的通知\n各镇人民政府：\n请认真做好防汛工作，确保安全度汛。\n县水利局\n2020年9月15日\n（此件公开发布）"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(base + "/openapi.json", timeout=2).close()
                break
            except OSError:
                assert time.monotonic() < deadline and process.poll() is None, "mishen serve did not start"
                time.sleep(0.3)
        status, body = _post(base + "/api/v1/gate", {"text": "关于开会的通知\n秘密★1年\n请准时参加。"}, "tok")
        assert status == 200 and body["publish"] is False and body["findings"]
        status, body = _post(base + "/api/v1/gate", {"text": "关于开会的通知"}, "wrong")
        assert status == 401 and body["publish"] is False
        assert may_publish(base, "tok", text=clean) is True
        assert may_publish(base, "tok", title="秘密★1年", text=clean) is False
        assert may_publish(base, "wrong", text=clean) is False
    finally:
        process.terminate()
        process.wait(10)
    assert may_publish(base, "tok", text=clean) is False  # the server is gone: no publish
    assert check_page(base, "tok", text=clean)["error"]["code"] == "UNREACHABLE"

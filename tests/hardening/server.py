"""A real `mishen serve` in a subprocess for the fault and load tests (temporary SQLite, loopback, a token)."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from bench.procs import descendants, status_kb

TOKEN = "fault-token"
COMMAND = [sys.executable, "-m", "mishen.cli", "serve"]   # the `mishen serve` entry point, same interpreter


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(tmp_path: Path, port: int) -> subprocess.Popen:
    env = os.environ | {"MISHEN_DATABASE_URL": f"sqlite:///{tmp_path / 'queue.db'}", "MISHEN_API_TOKEN": TOKEN,
                        "MISHEN_SECRET_KEY": "k" * 32}
    with open(tmp_path / "server.log", "ab") as log:
        proc = subprocess.Popen([*COMMAND, "--port", str(port)], cwd=tmp_path, env=env,
                                stdout=subprocess.DEVNULL, stderr=log, start_new_session=True)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/login", timeout=2).close()
            return proc
        except OSError:
            assert proc.poll() is None, "server exited during start-up"
            time.sleep(0.3)
    os.kill(proc.pid, signal.SIGKILL)
    pytest.fail("server did not start within 90 s")


def call(port: int, method: str, path: str, body: dict | None = None) -> tuple[int, dict]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data, method=method, headers={
        "Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"{}")


def rss_kb(pid: int) -> int:
    """Current resident set of a process and all its descendants (`mishen serve` runs review processes) in kB."""
    return sum(status_kb(p, "VmRSS") for p in [pid, *descendants(pid)])


def kill(proc: subprocess.Popen) -> None:
    """SIGKILL the server this test started (by its pid) and reap it."""
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)

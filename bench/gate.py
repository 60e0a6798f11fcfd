"""Gate latency on loopback: `mishen serve` as a subprocess (token, temporary SQLite, 127.0.0.1 only), then
1, 10 and 50 concurrent clients, each with a keep-alive connection, for a bounded number of requests."""
from __future__ import annotations

import http.client
import json
import os
import secrets
import statistics
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.procs import MISHEN, free_port, status_kb, stop

LEVELS = (1, 10, 50)


@dataclass
class Level:
    clients: int
    latencies_ms: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    wall_s: float = 0.0

    def percentile(self, q: float) -> float:
        values = sorted(self.latencies_ms)
        return values[min(len(values) - 1, int(q * len(values)))] if values else float("nan")

    @property
    def per_s(self) -> float:
        return len(self.latencies_ms) / self.wall_s if self.wall_s else 0.0


@dataclass
class GateBench:
    levels: list[Level]
    start_s: float
    rss_mb: float
    body_chars: int


def start_server(folder: Path) -> tuple[subprocess.Popen, int, str]:
    token = secrets.token_urlsafe(24)
    port = free_port()
    env = {**os.environ, "MISHEN_API_TOKEN": token, "MISHEN_DATABASE_URL": f"sqlite:///{folder / 'gate.db'}",
           "MISHEN_SECRET_KEY": secrets.token_urlsafe(24)}
    log = (folder / "server.log").open("wb")
    process = subprocess.Popen([str(MISHEN), "serve", "--host", "127.0.0.1", "--port", str(port)], env=env,
                               stdout=log, stderr=subprocess.STDOUT, cwd=folder)
    return process, port, token


def wait_ready(port: int, process: subprocess.Popen, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("mishen serve exited during start-up; see server.log")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/openapi.json")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("mishen serve did not answer in time")


def client(port: int, token: str, bodies: list[bytes], count: int, level: Level, lock: threading.Lock,
           deadline: float) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    for i in range(count):
        if time.monotonic() > deadline:
            break
        t = time.perf_counter()
        conn.request("POST", "/api/v1/gate", body=bodies[i % len(bodies)], headers=headers)
        response = conn.getresponse()
        response.read()
        elapsed = (time.perf_counter() - t) * 1000
        with lock:
            level.latencies_ms.append(elapsed)
            level.statuses[response.status] = level.statuses.get(response.status, 0) + 1
    conn.close()


def run_level(port: int, token: str, bodies: list[bytes], clients: int, requests: int, limit_s: float) -> Level:
    level = Level(clients)
    lock = threading.Lock()
    per_client = max(1, requests // clients)
    deadline = time.monotonic() + limit_s
    threads = [threading.Thread(target=client, args=(port, token, bodies, per_client, level, lock, deadline))
               for _ in range(clients)]
    t = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    level.wall_s = time.perf_counter() - t
    return level


def bench_gate(texts: list[str], requests: int = 100, limit_s: float = 90) -> GateBench:
    bodies = [json.dumps({"title": text.split("\n", 1)[0], "text": text, "url": f"https://www.example.gov.cn/{i}.html"},
                         ensure_ascii=False).encode("utf-8") for i, text in enumerate(texts)]
    with tempfile.TemporaryDirectory(prefix="bench-gate-") as folder:
        t = time.perf_counter()
        process, port, token = start_server(Path(folder))
        try:
            wait_ready(port, process)
            start_s = time.perf_counter() - t
            run_level(port, token, bodies, 1, 5, limit_s)            # warm-up
            levels = [run_level(port, token, bodies, c, max(requests, 2 * c), limit_s) for c in LEVELS]
            rss = status_kb(process.pid, "VmHWM") / 1024
        finally:
            stop(process)
    return GateBench(levels, start_s, rss, int(statistics.mean(map(len, texts))))

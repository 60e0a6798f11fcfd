"""`mishen serve --workers 2` as a real process: one server process hands the reviews to two review processes;
both review, the gate fails closed, a review process that dies is replaced (its request refused, never passed),
the review processes end with the server, concurrent SQLite writers from several processes are safe."""
from __future__ import annotations

import asyncio
import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import uvicorn
from sqlalchemy import func, select

from bench.procs import cmdline, cpu_s, descendants
from mishen.review.commands import default_workers, listening_socket
from mishen.review.config import ServiceSettings
from mishen.review.processes import ReviewProcesses, _digest
from mishen.review.security import Hasher
from mishen.review.store import Store
from mishen.review.tables import AuditRow
from mishen.review.views import Role
from tests.review.conftest import PASSWORD

TOKEN = "workers-token"
CLEAN = "关于做好防汛工作的通知\n各镇人民政府：\n请认真做好防汛工作，确保安全度汛。\n县水利局\n2020年9月15日\n（此件公开发布）"
DIRTY = CLEAN.replace("确保安全度汛。", "确保安全度汛。联系人：王建国，身份证号110101199003071234，电话13812345678。")
ACCESS = re.compile(r"\[(\d+)\] 127\.0\.0\.1:(\d+) - \"(\w+) (\S+) HTTP")


class Server:
    def __init__(self, process: subprocess.Popen, port: int, log: Path, url: str) -> None:
        self.process, self.port, self.log, self.url = process, port, log, url

    def review_processes(self) -> list[int]:
        """The review processes: the children of the server's fork server (which holds the template Reviewer)."""
        servers = [p for p in descendants(self.process.pid) if "forkserver" in cmdline(p)]
        return sorted({child for server in servers for child in descendants(server)})

    def served_by(self, client_port: int, path: str) -> int | None:
        """The process id that logged the request from ``client_port`` to ``path``."""
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            for pid, port, _method, logged in ACCESS.findall(self.log.read_text()):
                if int(port) == client_port and logged.split("?")[0] == path:
                    return int(pid)
            time.sleep(0.05)
        return None

    def request(self, method: str, path: str, body: bytes | None = None,
                headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes, int]:
        """One request on a fresh connection (so the kernel picks the worker): status, headers, body, client port."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            client_port = conn.sock.getsockname()[1]
            response = conn.getresponse()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read(), client_port
        finally:
            conn.close()

    def gate(self, text: str) -> tuple[int, dict, int]:
        status, _, body, client_port = self.request("POST", "/api/v1/gate", json.dumps({"text": text}).encode(), {
            "Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
        return status, json.loads(body), client_port


@pytest.fixture
def server(tmp_path) -> Iterator[Server]:
    url = f"sqlite:///{tmp_path / 'queue.db'}"   # a new database: the parent migrates it before the workers start
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "MISHEN_MODEL_THREADS"}
    env |= {"MISHEN_DATABASE_URL": url, "MISHEN_API_TOKEN": TOKEN}
    log = tmp_path / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen([str(Path(sys.executable).with_name("mishen")), "serve", "--port", str(port),
                                    "--workers", "2"], env=env, cwd=tmp_path, stdout=out, stderr=subprocess.STDOUT)
    running = Server(process, port, log, url)
    try:
        deadline = time.monotonic() + 180
        while b"Application startup complete" not in log.read_bytes():   # after the review processes loaded
            assert process.poll() is None, "mishen serve --workers 2 exited during start-up"
            assert time.monotonic() < deadline, "the server did not start in time"
            time.sleep(0.3)
        store = Store(url, hasher=Hasher(light=True))  # no migrate() here: the schema is the server's
        store.add_user("rev1", Role.REVIEWER, PASSWORD)
        store.close()
        yield running
    finally:
        if process.poll() is None:
            process.terminate()
            process.wait(30)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_the_listening_socket_keeps_tcp_nodelay_on_accepted_connections() -> None:
    """Without IPPROTO_TCP on the socket, keep-alive answers wait ~40 ms for delayed ACKs (uvicorn #3149)."""
    port = _free_port()
    config = uvicorn.Config("x:y", host="127.0.0.1", port=port, log_config=None)
    sock = listening_socket(config)

    async def accepted_nodelay() -> int:
        accepted = asyncio.get_running_loop().create_future()

        def on_connect(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            accepted.set_result(writer.get_extra_info("socket").getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            writer.close()

        server = await asyncio.start_server(on_connect, sock=sock)
        _, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            return await asyncio.wait_for(accepted, 10)
        finally:
            writer.close()
            server.close()

    try:
        assert sock.proto == socket.IPPROTO_TCP
        assert asyncio.run(accepted_nodelay()) != 0
    finally:
        sock.close()


URLS = [f"http://www.example.gov.cn/art/{i}.html" for i in range(8)]


@pytest.fixture
def processes() -> ReviewProcesses:
    """One review a process: the queue's order on its own (no process starts before the first job)."""
    processes = ReviewProcesses(2, ServiceSettings(), depth=1)
    yield processes
    processes.close()


@pytest.fixture
def pipelined() -> ReviewProcesses:
    processes = ReviewProcesses(2, ServiceSettings())   # DEPTH reviews a process
    yield processes
    processes.close()


PAGE = {url: _digest(url) for url in URLS}


def test_a_review_takes_a_free_process_its_pages_last_one_first(processes) -> None:
    async def run() -> list[int]:
        processes._remember(PAGE[URLS[0]], 1)
        first = await processes.turn(PAGE[URLS[0]])        # both free: its page's last process
        second = await processes.turn(PAGE[URLS[1]])       # a new page: the free one
        return [first, second]

    assert asyncio.run(run()) == [1, 0]


def test_a_freed_process_takes_a_waiting_page_it_reviewed_last_within_the_lookahead(processes) -> None:
    async def run() -> list[tuple[str, int]]:
        got: list[tuple[str, int]] = []
        await processes.turn(None), await processes.turn(None)          # both busy
        processes._remember(PAGE[URLS[2]], 1)
        processes._remember(PAGE[URLS[5]], 1)                           # beyond the lookahead when it waits
        waiting = [asyncio.ensure_future(_took(processes, url, got)) for url in URLS[:6]]
        await asyncio.sleep(0)
        processes.release(1)            # process 1 takes URLS[2] (its page, 3rd in line), not URLS[0]
        await asyncio.sleep(0)
        processes.release(0)            # process 0 takes the longest waiting: URLS[0]
        await asyncio.sleep(0)
        processes.release(1)            # URLS[5] is 4th in line (URLS[1], [3], [4] before it): not seen
        await asyncio.sleep(0)
        for task in waiting:
            task.cancel()
        return got

    assert asyncio.run(run()) == [(URLS[2], 1), (URLS[0], 0), (URLS[1], 1)]


async def _took(processes: ReviewProcesses, url: str, got: list) -> None:
    got.append((url, await processes.turn(PAGE[url])))


def test_a_review_that_gives_up_while_waiting_leaves_the_queue(processes) -> None:
    async def run() -> tuple[int, int]:
        await processes.turn(None), await processes.turn(None)
        gone = asyncio.ensure_future(processes.turn(None))
        stays = asyncio.ensure_future(processes.turn(None))
        await asyncio.sleep(0)
        gone.cancel()
        await asyncio.sleep(0)
        processes.release(0)
        return await stays, len(processes._waiting)

    assert asyncio.run(run()) == (0, 0)


def test_a_free_process_never_waits_behind_a_review_that_gave_up(processes) -> None:
    async def run() -> int:
        await processes.turn(None), await processes.turn(None)
        gone = asyncio.ensure_future(processes.turn(None))
        await asyncio.sleep(0)
        gone.cancel()                   # given up, but its handler has not run yet when the processes free up
        processes.release(0), processes.release(1)
        return await asyncio.wait_for(processes.turn(None), 1)

    assert asyncio.run(run()) == 0


def test_a_busy_process_takes_a_second_review_only_when_none_is_idle(pipelined) -> None:
    async def run() -> list[int]:
        pipelined._remember(PAGE[URLS[2]], 0)
        got = [await pipelined.turn(None), await pipelined.turn(None)]    # the idle ones first: 0, then 1
        got.append(await asyncio.wait_for(pipelined.turn(PAGE[URLS[2]]), 1))   # queued behind its page's process
        got.append(await asyncio.wait_for(pipelined.turn(None), 1))       # the other one
        third = asyncio.ensure_future(pipelined.turn(None))                # both hold two: it waits here
        await asyncio.sleep(0)
        assert not third.done()
        pipelined.release(1)
        got.append(await asyncio.wait_for(third, 1))
        return got

    assert asyncio.run(run()) == [0, 1, 0, 1, 1]


def test_nothing_is_queued_behind_a_big_document(pipelined) -> None:
    async def run() -> tuple[int, int, bool]:
        await pipelined.turn(None, big=True)          # process 0 reviews a big file
        await pipelined.turn(None)                    # process 1 a page
        queued = await asyncio.wait_for(pipelined.turn(None), 1)   # behind the page, not the big file
        waits = asyncio.ensure_future(pipelined.turn(None))        # 1 holds two, 0 a big file: it waits here
        await asyncio.sleep(0)
        waiting = not waits.done()
        pipelined.release(0, big=True)
        return queued, await asyncio.wait_for(waits, 1), waiting

    assert asyncio.run(run()) == (1, 0, True)


def test_the_pages_remembered_are_bounded_and_kept_as_digests(processes, monkeypatch) -> None:
    monkeypatch.setattr("mishen.review.processes.PAGES_REMEMBERED", 3)
    for url in URLS:
        processes._remember(_digest(url), 0)
    assert len(processes._last) == 3
    assert all(isinstance(k, bytes) and len(k) == 16 for k in processes._last)   # no URL kept


def test_default_workers_is_the_core_count_at_most_four() -> None:
    assert 1 <= default_workers() <= min(4, os.cpu_count() or 1)



def test_both_review_processes_review_and_the_gate_fails_closed(server: Server) -> None:
    processes = server.review_processes()
    assert len(processes) == 2 and server.process.pid not in processes
    before = {pid: cpu_s(pid) for pid in processes}
    for round_ in range(4):  # distinct pages (no report cache), 8 at a time
        pages = [(CLEAN + f"\n第{round_}-{i}稿", True) if i % 2 else (DIRTY + f"\n第{round_}-{i}稿", False)
                 for i in range(8)]
        with ThreadPoolExecutor(8) as pool:
            answers = list(pool.map(lambda page: (server.gate(page[0]), page[1]), pages))
        for (status, body, _), publish in answers:
            assert status == 200 and body["publish"] is publish and body["error"] is None
            if not publish:
                assert {"PERSON_NAME", "CN_ID_CARD", "CN_PHONE"} <= {f["category"] for f in body["findings"]}
    assert all(cpu_s(pid) > before[pid] for pid in processes), "a review process did no review"
    store = Store(server.url)
    try:  # every answer was recorded in the audit trail
        with store.sessions() as session:
            assert session.scalar(select(func.count()).select_from(AuditRow).where(AuditRow.action == "gate")) >= 32
    finally:
        store.close()


def test_a_review_process_that_dies_is_replaced_and_its_page_is_not_passed(server: Server) -> None:
    victim = server.review_processes()[0]
    os.kill(victim, signal.SIGKILL)
    deadline = time.monotonic() + 90
    for round_ in range(20):  # 4 at a time, so both review processes are asked
        with ThreadPoolExecutor(4) as pool:
            answers = list(pool.map(server.gate, [CLEAN + f"\n第{round_}-{i}稿" for i in range(4)]))
        assert all(body["publish"] is False for status, body, _ in answers if status != 200)   # refused, not passed
        now = server.review_processes()
        if all(status == 200 for status, _, _ in answers) and len(now) == 2 and victim not in now:
            break
        assert time.monotonic() < deadline, "the dead review process was not replaced"
    else:
        pytest.fail("the server did not recover from a dead review process")


def test_review_processes_end_with_the_server(server: Server) -> None:
    processes = server.review_processes()
    assert processes
    os.kill(server.process.pid, signal.SIGKILL)   # the server dies without a chance to stop them
    server.process.wait(10)
    deadline = time.monotonic() + 30
    while any(Path(f"/proc/{pid}").exists() and _state(pid) != "Z" for pid in processes):
        assert time.monotonic() < deadline, "a review process outlived the server"
        time.sleep(0.2)


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return "Z"


WRITER = """
import sys
from mishen.review.store import Store
store = Store(sys.argv[1])
for i in range(int(sys.argv[2])):
    store.record_event("writer", "gate", after={"n": i})
store.close()
"""


def test_concurrent_sqlite_writers_in_several_processes(sqlite_url: str) -> None:
    store = Store(sqlite_url)
    store.migrate()
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, sqlite_url, "150"], stderr=subprocess.PIPE)
               for _ in range(3)]
    errors = [w.communicate(timeout=120)[1] for w in writers]
    assert [w.returncode for w in writers] == [0, 0, 0], b"".join(errors).decode(errors="replace")[-2000:]
    try:
        with store.sessions() as session:
            assert session.scalar(select(func.count()).select_from(AuditRow).where(AuditRow.actor == "writer")) == 450
    finally:
        store.close()

"""`mishen serve --workers 2` as a real process: both workers answer the gate correctly, a login made on one worker
is valid on the other (one session secret), the schema is migrated before the workers start, workers end with
their parent, concurrent SQLite writers from several processes are safe. The worker that answered a request is
read from the server's access log (process id and client port on every line)."""
from __future__ import annotations

import asyncio
import html
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
from urllib.parse import urlencode

import pytest
import uvicorn
from sqlalchemy import func, select

from mishen.review.commands import PARENT_ENV, default_workers, prepare_workers
from mishen.review.supervisor import reuse_port_sockets
from mishen.review.config import ServiceSettings
from mishen.review.security import Hasher
from mishen.review.store import Store
from mishen.review.tables import AuditRow
from mishen.review.views import Role
from tests.review.conftest import PASSWORD

TOKEN = "workers-token"
CLEAN = "关于做好防汛工作的通知\n各镇人民政府：\n请认真做好防汛工作，确保安全度汛。\n县水利局\n2020年9月15日\n（此件公开发布）"
DIRTY = CLEAN.replace("确保安全度汛。", "确保安全度汛。联系人：王建国，身份证号110101199003071234，电话13812345678。")
SHARED = ("MISHEN_SECRET_KEY", "MISHEN_MODEL_THREADS", "MISHEN_MIGRATE_ON_START", PARENT_ENV)
ACCESS = re.compile(r"\[(\d+)\] 127\.0\.0\.1:(\d+) - \"(\w+) (\S+) HTTP")


class Server:
    def __init__(self, process: subprocess.Popen, port: int, log: Path, url: str) -> None:
        self.process, self.port, self.log, self.url = process, port, log, url

    def workers(self) -> list[int]:
        return [int(p) for p in re.findall(r"\[(\d+)\] Application startup complete", self.log.read_text())]

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
    env = {k: v for k, v in os.environ.items() if k not in SHARED}
    env |= {"MISHEN_DATABASE_URL": url, "MISHEN_API_TOKEN": TOKEN}   # no secret key: the parent makes one
    log = tmp_path / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen([str(Path(sys.executable).with_name("mishen")), "serve", "--port", str(port),
                                    "--workers", "2"], env=env, cwd=tmp_path, stdout=out, stderr=subprocess.STDOUT)
    running = Server(process, port, log, url)
    try:
        deadline = time.monotonic() + 180
        while len(running.workers()) < 2:
            assert process.poll() is None, "mishen serve --workers 2 exited during start-up"
            assert time.monotonic() < deadline, "the workers did not start in time"
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


def test_the_listening_sockets_keep_tcp_nodelay_on_accepted_connections() -> None:
    """Without IPPROTO_TCP on the sockets, keep-alive answers wait ~40 ms for delayed ACKs (uvicorn #3149)."""
    port = _free_port()
    config = uvicorn.Config("mishen.review.commands:worker_app", factory=True, host="127.0.0.1", port=port,
                            workers=2, log_config=None)
    sock, other = reuse_port_sockets(config, 2)
    other.close()

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


def test_reuse_port_sockets_share_one_port_and_release_it_on_failure() -> None:
    config = uvicorn.Config("x:y", host="127.0.0.1", port=0, log_config=None)
    sockets = reuse_port_sockets(config, 3)
    try:
        assert len({s.getsockname() for s in sockets}) == 1 and sockets[0].getsockname()[1] != 0
        taken = socket.socket()
        taken.bind(("127.0.0.1", 0))   # a port held without SO_REUSEPORT cannot be shared
        taken.listen()
        busy = uvicorn.Config("x:y", host="127.0.0.1", port=taken.getsockname()[1], log_config=None)
        with pytest.raises(OSError):
            reuse_port_sockets(busy, 2)
        taken.close()
    finally:
        for s in sockets:
            s.close()


def test_keep_alive_clients_are_spread_over_the_workers(server: Server) -> None:
    """One shared listening socket gave a burst of 10 keep-alive clients 9 to one worker; per-worker sockets
    with SO_REUSEPORT spread them (20 clients: all on one worker has probability 2 * 0.5**20)."""
    def client(_: int) -> int:
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
        try:
            conn.request("GET", "/login")
            client_port = conn.sock.getsockname()[1]
            conn.getresponse().read()
            return client_port
        finally:
            conn.close()

    with ThreadPoolExecutor(20) as pool:
        ports = list(pool.map(client, range(20)))
    served = [server.served_by(p, "/login") for p in ports]
    assert set(served) == set(server.workers()), served


def test_default_workers_is_the_core_count_at_most_four() -> None:
    assert 1 <= default_workers() <= min(4, os.cpu_count() or 1)



@pytest.fixture
def environment() -> Iterator[None]:
    """The environment as it was before the test, restored afterwards (prepare_workers writes to it)."""
    saved = dict(os.environ)
    for name in SHARED:
        os.environ.pop(name, None)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def test_the_parent_prepares_what_the_workers_share(tmp_path, environment) -> None:
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    prepare_workers(ServiceSettings(database_url=url))
    assert len(os.environ["MISHEN_SECRET_KEY"]) >= 32 and os.environ["MISHEN_MODEL_THREADS"] == "1"
    assert os.environ["MISHEN_MIGRATE_ON_START"] == "false" and os.environ[PARENT_ENV] == str(os.getpid())
    worker = ServiceSettings()   # what a worker reads from the environment it inherits
    assert worker.secret_key == os.environ["MISHEN_SECRET_KEY"] and worker.model_threads == 1
    assert not worker.migrate_on_start
    store = Store(url, hasher=Hasher(light=True))
    try:
        assert store.add_user("u1", Role.ADMIN, PASSWORD).name == "u1"   # the schema is there
    finally:
        store.close()


def test_the_parent_keeps_what_the_user_set(environment) -> None:
    os.environ |= {"MISHEN_SECRET_KEY": "s" * 40, "MISHEN_MODEL_THREADS": "2"}
    prepare_workers(ServiceSettings(database_url="sqlite:////nonexistent-dir/deeper/queue.db"))
    assert os.environ["MISHEN_SECRET_KEY"] == "s" * 40 and os.environ["MISHEN_MODEL_THREADS"] == "2"
    assert "MISHEN_MIGRATE_ON_START" not in os.environ   # migration failed: the workers try (and fail closed)


def test_both_workers_answer_the_gate_and_fail_closed(server: Server) -> None:
    workers = set(server.workers())
    assert len(workers) == 2 and server.process.pid not in workers   # the supervisor itself serves nothing
    pages = [(CLEAN, True), (DIRTY, False)] * 4
    seen: set[int] = set()
    for _ in range(6):  # rounds of 8 concurrent requests on fresh connections, until both workers have answered
        with ThreadPoolExecutor(8) as pool:
            answers = list(pool.map(lambda page: (server.gate(page[0]), page[1]), pages))
        for (status, body, client_port), publish in answers:
            assert status == 200 and body["publish"] is publish and body["error"] is None
            if not publish:
                assert {"PERSON_NAME", "CN_ID_CARD", "CN_PHONE"} <= {f["category"] for f in body["findings"]}
            seen.add(server.served_by(client_port, "/api/v1/gate"))
        if seen >= workers:
            break
    assert seen == workers, "the gate was not answered by both workers"
    store = Store(server.url)
    try:  # every answer was recorded in the audit trail, from both processes
        with store.sessions() as session:
            assert session.scalar(select(func.count()).select_from(AuditRow).where(AuditRow.action == "gate")) >= 8
    finally:
        store.close()


def test_a_login_made_on_one_worker_is_valid_on_the_other(server: Server) -> None:
    for _ in range(30):  # until the login form and the login itself are served by different workers
        status, headers, page, form_port = server.request("GET", "/login")
        assert status == 200
        cookie = headers["set-cookie"].split(";", 1)[0]
        csrf = html.unescape(re.search(r'name="csrf" value="([^"]+)"', page.decode()).group(1))
        form = urlencode({"csrf": csrf, "name": "rev1", "password": PASSWORD}).encode()
        status, headers, _, login_port = server.request("POST", "/login", form, {
            "Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie})
        assert status == 303 and headers["location"] == "/", "the CSRF token of the other worker was refused"
        if server.served_by(form_port, "/login") != server.served_by(login_port, "/login"):
            break
    else:
        pytest.fail("30 logins all had both steps served by one worker")
    session = headers["set-cookie"].split(";", 1)[0]
    login_worker = server.served_by(login_port, "/login")
    served: set[int] = set()
    for _ in range(30):  # the logged-in queue page, until the other worker has served it too
        status, headers, page, port = server.request("GET", "/", headers={"Cookie": session})
        assert status == 200 and "rev1" in page.decode(), "a worker did not accept the session"
        served.add(server.served_by(port, "/"))
        if served - {login_worker}:
            break
    assert served - {login_worker}, "no request reached the worker that did not make the login"
    status, headers, _, _ = server.request("GET", "/", headers={"Cookie": "mishen_session=forged"})
    assert status == 303 and headers["location"] == "/login"


def test_workers_end_with_their_parent(server: Server) -> None:
    workers = server.workers()
    os.kill(server.process.pid, signal.SIGKILL)   # the supervisor dies without a chance to stop its workers
    server.process.wait(10)
    deadline = time.monotonic() + 30
    while any(Path(f"/proc/{pid}").exists() and _state(pid) != "Z" for pid in workers):
        assert time.monotonic() < deadline, "a worker outlived its parent (it would keep the port)"
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

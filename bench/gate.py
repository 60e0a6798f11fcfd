"""Gate latency on loopback: `mishen serve --workers N` as a subprocess (token, temporary SQLite, 127.0.0.1 only),
then 1, 10 and 50 concurrent clients, each with a keep-alive connection, for a bounded number of requests, in
three scenarios of ~5,000-character CMS pages (公文 made by bench.corpus.Writer, personal data in some):

- ``new``: every request a page never seen before;
- ``edited``: the CMS re-checks pages after an edit: a pool of pages, each reviewed once beforehand, then each
  request sends a page of the pool with one more paragraph changed (a sentence added or a number changed), so
  the unchanged paragraphs are what a per-paragraph (per-chunk) cache could reuse;
- ``identical``: the same pages re-submitted byte for byte (the gate's whole-report cache).

Which pages are dirty is known by construction (personal data of private individuals written into them: a
mobile number, or residents with ID numbers and addresses); a dirty page answered
``publish: true`` is counted and must stay 0. Peak RSS is summed over the server's processes (server, review processes,
multiprocessing helper): the sum of each process's own peak, an upper bound of the peak of the sum; beside it the
largest sum of current RSS, and of PSS, at one sample. The review processes are forked from one template and share
its pages: RSS counts a shared page once per process, PSS once in all (the memory the server really holds)."""
from __future__ import annotations

import http.client
import json
import os
import random
import re
import secrets
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bench.corpus import AREAS, CONTACT, LIST_ROW, ORGS, WORKS, Writer
from bench.procs import MISHEN, PeakWatcher, cpu_s, descendants, free_port, stop

LEVELS = (1, 10, 50)
SCENARIOS = ("new", "edited", "identical")
PAGE_CHARS = 5000
POOL = 20            # pages of the edited / identical pools (per level)
NUMBER = re.compile(r"\d+")


@dataclass
class Page:
    paragraphs: list[str]
    dirty: bool
    personal_at: int = -1        # index of the paragraph with personal data (never edited away)

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs) + "\n"

    def body(self, url: str) -> bytes:
        title, _, rest = self.text.partition("\n")
        return json.dumps({"title": title, "text": rest, "url": url}, ensure_ascii=False).encode("utf-8")


class Pages:
    """Seeded pages of about ``PAGE_CHARS`` characters; about ``dirty_share`` of them carry personal data."""

    def __init__(self, seed: int, dirty_share: float = 0.4) -> None:
        self.rng = random.Random(seed)
        self.writer = Writer(self.rng)
        self.dirty_share = dirty_share

    def page(self) -> Page:
        r, w = self.rng, self.writer
        year = r.randrange(2020, 2025)
        org = r.choice(ORGS)
        head = [f"关于做好{year}年{r.choice(WORKS)}工作的通知", f"某县{org[1:3]}发〔{year}〕{r.randrange(1, 99)}号",
                "各乡镇人民政府、街道办事处，县各有关部门："]
        tail = ["", f"某县{org}", f"{year}年{r.randrange(1, 13)}月{r.randrange(1, 29)}日", "（此件公开发布）"]
        body: list[str] = []
        size = sum(map(len, head + tail))
        while size < PAGE_CHARS - 150:
            para = "".join(w.sentence() for _ in range(r.randrange(3, 6)))
            body.append(para)
            size += len(para) + 1
        page = Page(head + body + tail, dirty=r.random() < self.dirty_share)
        if page.dirty:
            at = len(head) + r.randrange(len(body))
            page.paragraphs.insert(at, self.personal())
            page.personal_at = at
        return page

    def personal(self) -> str:
        """Personal data of private individuals (P2/P3/P6: a mobile number, or residents with ID numbers and home
        addresses), which must never be published. An office landline with its contact's name is left out: the
        policy may treat it as public-role contact information (RULES P1/P3), so it is not a dirty page."""
        r, w = self.rng, self.writer
        if r.random() < 0.5:
            return CONTACT.format(name=w.name(), mobile=w.mobile(), email=f"zw{r.randrange(10**5)}@example.gov.cn")
        return "\n".join(LIST_ROW.format(i=i, name=w.name(), sex=r.choice("男女"), id=w.id_card(), area=r.choice(AREAS),
                                         village=r.choice("王李张刘陈") + "庄", n=r.randrange(1, 12),
                                         m=r.randrange(1, 99), mobile=w.mobile()) for i in range(1, r.randrange(3, 8)))

    def edited(self, page: Page) -> Page:
        """``page`` with one paragraph changed: a sentence added, or a number in it changed."""
        r = self.rng
        body = [i for i in range(3, len(page.paragraphs) - 4) if i != page.personal_at]
        i = r.choice(body)
        paragraphs = list(page.paragraphs)
        numbers = list(NUMBER.finditer(paragraphs[i]))
        if numbers and r.random() < 0.5:
            m = r.choice(numbers)
            changed = str(int(m.group()) + r.randrange(1, 9))
            paragraphs[i] = paragraphs[i][:m.start()] + changed + paragraphs[i][m.end():]
        else:
            paragraphs[i] += f"{r.choice(AREAS)}要对照{r.choice(WORKS)}任务清单逐项销号，{r.randrange(2, 30)}日内报送整改情况。"
        return Page(paragraphs, page.dirty, page.personal_at)


@dataclass
class Level:
    clients: int
    latencies_ms: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    wall_s: float = 0.0
    dirty: int = 0
    dirty_published: int = 0     # must be 0
    clean: int = 0
    clean_published: int = 0
    cached: int = 0              # answered from the gate's whole-report cache (timings_ms has "cache")
    server_cpu_s: float = 0.0    # CPU the server process used during the level
    review_cpu_s: float = 0.0    # CPU its review processes (and their fork server) used during the level

    def cpu_ms(self, seconds: float) -> float:
        """CPU milliseconds a request."""
        return seconds / len(self.latencies_ms) * 1000 if self.latencies_ms else float("nan")

    def percentile(self, q: float) -> float:
        values = sorted(self.latencies_ms)
        return values[min(len(values) - 1, int(q * len(values)))] if values else float("nan")

    @property
    def per_s(self) -> float:
        return len(self.latencies_ms) / self.wall_s if self.wall_s else 0.0

    def add(self, ms: float, status: int, dirty: bool, body: dict) -> None:
        self.latencies_ms.append(ms)
        self.statuses[status] = self.statuses.get(status, 0) + 1
        publish = body.get("publish") is True
        if dirty:
            self.dirty += 1
            self.dirty_published += publish
        else:
            self.clean += 1
            self.clean_published += publish
        self.cached += "cache" in (body.get("timings_ms") or {})


@dataclass
class GateBench:
    workers: int
    scenarios: dict[str, list[Level]]
    start_s: float
    rss_mb: float                                   # sum over the server's processes of each one's peak
    rss_by_process: list[tuple[float, str]]
    body_chars: int
    total_rss_mb: float = 0.0                       # largest sum of current RSS at one sample (0.5 s apart)
    total_pss_mb: float = 0.0                       # the same in PSS: shared pages counted once

    @property
    def dirty_published(self) -> int:
        return sum(level.dirty_published for levels in self.scenarios.values() for level in levels)


def start_server(folder: Path, workers: int) -> tuple[subprocess.Popen, int, str]:
    token = secrets.token_urlsafe(24)
    port = free_port()
    env = {**os.environ, "MISHEN_API_TOKEN": token, "MISHEN_DATABASE_URL": f"sqlite:///{folder / 'gate.db'}",
           "MISHEN_SECRET_KEY": secrets.token_urlsafe(24)}
    log = (folder / "server.log").open("wb")
    process = subprocess.Popen([str(MISHEN), "serve", "--host", "127.0.0.1", "--port", str(port),
                                "--workers", str(workers)], env=env, stdout=log, stderr=subprocess.STDOUT, cwd=folder)
    return process, port, token


def wait_ready(port: int, process: subprocess.Popen, log: Path, timeout: float = 180) -> None:
    """Until the server answers and has started (its start-up waits for the review processes to load)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("mishen serve exited during start-up; see server.log")
        started = log.read_bytes().count(b"Application startup complete") if log.exists() else 0
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/openapi.json")
            if conn.getresponse().status == 200 and started >= 1:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError("mishen serve did not answer in time")


Next = Callable[[int, int], tuple[bytes, bool]]   # (client, i) -> request body, dirty


def client(port: int, token: str, next_page: Next, index: int, count: int, level: Level, lock: threading.Lock,
           deadline: float) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    for i in range(count):
        if time.monotonic() > deadline:
            break
        body, dirty = next_page(index, i)
        t = time.perf_counter()
        conn.request("POST", "/api/v1/gate", body=body, headers=headers)
        response = conn.getresponse()
        answer = response.read()
        elapsed = (time.perf_counter() - t) * 1000
        with lock:
            level.add(elapsed, response.status, dirty, json.loads(answer or b"{}"))
    conn.close()


def run_level(port: int, token: str, next_page: Next, clients: int, requests: int, limit_s: float,
              server_pid: int | None = None) -> Level:
    """``clients`` keep-alive clients sending ``requests`` in all; with ``server_pid``, the CPU the server and its
    review processes used meanwhile is kept too (what a request costs, whatever the machine's other load)."""
    level = Level(clients)
    before = _tree_cpu(server_pid)
    lock = threading.Lock()
    per_client = max(1, requests // clients)
    deadline = time.monotonic() + limit_s
    threads = [threading.Thread(target=client, args=(port, token, next_page, k, per_client, level, lock, deadline))
               for k in range(clients)]
    t = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    level.wall_s = time.perf_counter() - t
    after = _tree_cpu(server_pid)
    level.server_cpu_s = after.get(server_pid, 0.0) - before.get(server_pid, 0.0)
    level.review_cpu_s = sum(after[p] - before.get(p, 0.0) for p in after if p != server_pid)
    return level


def _tree_cpu(pid: int | None) -> dict[int, float]:
    """CPU seconds of a process and each of its descendants, by pid."""
    return {} if pid is None else {p: cpu_s(p) for p in (pid, *descendants(pid))}


def post_once(port: int, token: str, body: bytes) -> None:
    """One request on a fresh connection (the kernel picks the worker), answer read and dropped."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    conn.request("POST", "/api/v1/gate", body=body, headers={"Authorization": f"Bearer {token}",
                                                             "Content-Type": "application/json"})
    conn.getresponse().read()
    conn.close()


def scenario(name: str, pages: Pages, port: int, token: str, requests: int) -> Next:
    """What the clients of one level send in scenario ``name``; pools are reviewed once first (not timed). New
    pages are written before the level starts: writing one costs 0.4 ms of CPU, which a CMS on another machine
    would not take from the server's two cores."""
    lock = threading.Lock()
    if name == "new":
        fresh = [pages.page() for _ in range(requests)]

        def new_page(k: int, i: int) -> tuple[bytes, bool]:
            with lock:
                page = fresh.pop()
            return page.body(f"https://www.example.gov.cn/new/{k}-{i}.html"), page.dirty
        return new_page
    pool = [pages.page() for _ in range(POOL)]
    for n, page in enumerate(pool):
        post_once(port, token, page.body(f"https://www.example.gov.cn/{name}/{n}.html"))
    if name == "identical":
        def same_page(k: int, i: int) -> tuple[bytes, bool]:
            n = (k * 7 + i) % POOL
            return pool[n].body(f"https://www.example.gov.cn/{name}/{n}.html"), pool[n].dirty
        return same_page

    def edited_page(k: int, i: int) -> tuple[bytes, bool]:
        with lock:
            n = pages.rng.randrange(POOL)
            pool[n] = pages.edited(pool[n])   # edits accumulate, as a page's successive drafts do
            page = pool[n]
        return page.body(f"https://www.example.gov.cn/{name}/{n}.html"), page.dirty
    return edited_page


def bench_gate(requests: int = 100, workers: int = 2, limit_s: float = 120, seed: int = 20241207) -> GateBench:
    pages = Pages(seed)
    sizes = [len(pages.page().text) for _ in range(20)]
    with tempfile.TemporaryDirectory(prefix="bench-gate-") as folder:
        t = time.perf_counter()
        process, port, token = start_server(Path(folder), workers)
        try:
            with PeakWatcher(process.pid) as watcher:
                wait_ready(port, process, Path(folder) / "server.log")
                start_s = time.perf_counter() - t
                for _ in range(4 * workers):          # warm-up on fresh connections: every worker reviews
                    post_once(port, token, pages.page().body("https://www.example.gov.cn/warm-up.html"))
                results = {name: [run_level(port, token, scenario(name, pages, port, token, max(requests, 3 * c)),
                                            c, max(requests, 3 * c), limit_s, process.pid) for c in LEVELS]
                           for name in SCENARIOS}
                watcher.sample()
        finally:
            stop(process)
    by_process = sorted(((kb / 1024, cmd[:80]) for kb, cmd in watcher.peaks.values()), reverse=True)
    return GateBench(workers, results, start_s, sum(mb for mb, _ in by_process), by_process,
                     int(sum(sizes) / len(sizes)), watcher.peak_total_rss_kb / 1024, watcher.peak_total_pss_kb / 1024)

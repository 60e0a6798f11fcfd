"""`mishen batch CORPUS --workers N` end to end (Prefect temporary server included), with the peak memory of the
CLI process, of each worker process and of Prefect's server; checks every document is accounted for."""
from __future__ import annotations

import csv
import os
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.procs import MISHEN, ROOT, PeakWatcher


@dataclass
class BatchRun:
    workers: int
    docs: int
    accounted: int
    errors: int
    exit_code: int
    wall_s: float
    main_mb: float
    worker_mb: float
    server_mb: float
    chars: int


def run_batch(corpus: Path, docs: int, workers: int) -> BatchRun:
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as folder:
        out = Path(folder) / "out"
        env = {**os.environ, "MISHEN_DATABASE_URL": f"sqlite:///{Path(folder) / 'queue.db'}"}
        log = (Path(folder) / "batch.log").open("wb")
        t = time.perf_counter()
        process = subprocess.Popen([str(MISHEN), "batch", str(corpus), "--workers", str(workers), "--out", str(out)],
                                   env=env, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
        with PeakWatcher(process.pid) as watcher:
            code = process.wait()
            watcher.sample()
        wall = time.perf_counter() - t
        rows = list(csv.DictReader((out / "summary.csv").open(encoding="utf-8-sig"))) if (out / "summary.csv").exists() else []
        if code > 2:
            print((Path(folder) / "batch.log").read_text(errors="replace")[-3000:])
    return BatchRun(
        workers=workers, docs=docs, accounted=len(rows), errors=sum(1 for r in rows if r["错误"]), exit_code=code,
        wall_s=wall, main_mb=watcher.peak_mb(lambda pid, cmd: pid == process.pid),
        worker_mb=watcher.peak_mb(lambda pid, cmd: "multiprocessing" in cmd),
        server_mb=watcher.peak_mb(lambda pid, cmd: "uvicorn" in cmd),
        chars=sum(int(r["字数"] or 0) for r in rows))

"""Cold start of `mishen scan FILE` (a fresh process each time) and what it imports (no Prefect allowed)."""
from __future__ import annotations

import re
import statistics
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from bench.procs import MISHEN, PYTHON, ROOT


@dataclass
class ColdStart:
    runs_s: list[float]
    imports_prefect: bool
    slowest_imports: list[tuple[str, float]]     # (top-level package, cumulative ms)

    @property
    def median_s(self) -> float:
        return statistics.median(self.runs_s)


def cold_start(path: Path, runs: int = 3) -> ColdStart:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([str(MISHEN), "scan", str(path), "--format", "json"], capture_output=True, cwd=ROOT)
        times.append(time.perf_counter() - t)
    trace = subprocess.run([str(PYTHON), "-X", "importtime", "-m", "mishen.cli", "scan", str(path), "--format",
                            "json"], capture_output=True, text=True, cwd=ROOT).stderr
    return ColdStart(times, _imports(trace, "prefect"), _slowest(trace))


def _imports(trace: str, package: str) -> bool:
    return any(re.search(rf"\|\s*{package}(\.|$)", line.rstrip()) for line in trace.splitlines())


def _slowest(trace: str, top: int = 6) -> list[tuple[str, float]]:
    """Top-level imports by cumulative time (``import time: self | cumulative | name`` lines, depth 0)."""
    found = []
    for line in trace.splitlines():
        match = re.match(r"import time:\s+\d+ \|\s+(\d+) \| (\S.*)$", line)
        if match and not match.group(2).startswith(" "):
            found.append((match.group(2).strip(), int(match.group(1)) / 1000))
    return sorted(found, key=lambda x: -x[1])[:top]

"""Process helpers for the benchmarks (Linux /proc): peak memory, descendants, free ports."""
from __future__ import annotations

import os
import socket
import subprocess
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
MISHEN = ROOT / ".venv" / "bin" / "mishen"


def status_kb(pid: int, field: str) -> int:
    """A field of /proc/PID/status in kB (VmHWM = peak resident set, VmRSS = current); 0 if the process is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def pss_kb(pid: int) -> int:
    """Proportional set size in kB (each page shared by n processes counts 1/n); 0 if the process is gone.
    Summed over processes that share memory (forked from one template), PSS counts every page once, RSS as often
    as it is mapped."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def cpu_s(pid: int) -> float:
    """CPU time (user + system) a process has used, in seconds; 0 if it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


def cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def descendants(pid: int) -> list[int]:
    found: list[int] = []
    todo = [pid]
    while todo:
        parent = todo.pop()
        children: list[str] = []
        for task in Path(f"/proc/{parent}/task").glob("*"):   # a child belongs to the thread that started it
            try:
                children += (task / "children").read_text().split()
            except OSError:
                continue
        for child in map(int, children):
            found.append(child)
            todo.append(child)
    return found


class PeakWatcher:
    """Polls a process tree and keeps each process's peak RSS (VmHWM) with its command line."""

    def __init__(self, pid: int, interval: float = 0.5) -> None:
        self.pid = pid
        self.interval = interval
        self.peaks: dict[int, tuple[int, str]] = {}
        self.peak_total_rss_kb = 0     # the largest sum of current RSS over the tree at one sample
        self.peak_total_pss_kb = 0     # the same for PSS: the tree's real memory at its largest sample
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> PeakWatcher:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self.interval)

    def sample(self) -> None:
        total_rss = total_pss = 0
        for pid in [self.pid, *descendants(self.pid)]:
            peak = status_kb(pid, "VmHWM")
            if peak:
                old = self.peaks.get(pid, (0, ""))
                self.peaks[pid] = (max(old[0], peak), old[1] or cmdline(pid))
            total_rss += status_kb(pid, "VmRSS")
            total_pss += pss_kb(pid)
        self.peak_total_rss_kb = max(self.peak_total_rss_kb, total_rss)
        self.peak_total_pss_kb = max(self.peak_total_pss_kb, total_pss)

    def peak_mb(self, predicate) -> float:
        values = [kb for pid, (kb, cmd) in self.peaks.items() if predicate(pid, cmd)]
        return max(values, default=0) / 1024


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stop(process: subprocess.Popen, timeout: float = 20) -> None:
    """End a process this benchmark started (by its own handle), politely first."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def machine() -> dict[str, str]:
    import platform

    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    mem = status_total_mb()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT).stdout
    dirty = subprocess.run(["git", "status", "--porcelain"], capture_output=True, text=True, cwd=ROOT).stdout
    return {"cpu": cpu, "cores": str(os.cpu_count()), "memory": f"{mem:.0f} MB", "python": platform.python_version(),
            "date": time.strftime("%Y-%m-%d %H:%M %Z"), "commit": commit.strip() + (" (+ uncommitted work)" if dirty else ""),
            "load": " ".join(f"{x:.2f}" for x in os.getloadavg())}


def status_total_mb() -> float:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            return int(line.split()[1]) / 1024
    return 0.0

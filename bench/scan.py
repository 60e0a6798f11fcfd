"""Benchmark: review every file of a folder (default sample_docs/) with one Reviewer.

Prints engine load time, docs/s, chars/s, per-stage medians and peak RSS, as a Markdown table row block to paste
into bench/RESULTS.md. Run: `.venv/bin/python bench/scan.py [FOLDER] [--repeat N]`.
"""
from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mishen.cli import expand  # noqa: E402
from mishen.pipeline import Reviewer  # noqa: E402
from mishen.settings import Settings  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", nargs="?", default="sample_docs", type=Path)
    parser.add_argument("--repeat", type=int, default=3, help="passes over the folder (the first warms caches)")
    args = parser.parse_args()

    t0 = time.perf_counter()
    reviewer = Reviewer(Settings())
    load_s = time.perf_counter() - t0
    files = expand([args.folder])
    stages: dict[str, list[float]] = {}
    best = None
    for _ in range(args.repeat):
        chars = 0
        t = time.perf_counter()
        for path in files:
            report = reviewer.review_path(path)
            chars += len(report.document.text)
            for stage, ms in report.timings_ms.items():
                stages.setdefault(stage, []).append(ms)
        elapsed = time.perf_counter() - t
        best = elapsed if best is None else min(best, elapsed)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    print(f"machine: {platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}; "
          f"date {date.today()}; commit {commit}")
    print(f"folder {args.folder}: {len(files)} files, {chars} chars; best of {args.repeat} passes")
    print("| engine load s | docs/s | chars/s | s per pass | peak RSS MB |")
    print("|---|---|---|---|---|")
    print(f"| {load_s:.2f} | {len(files) / best:.1f} | {chars / best:,.0f} | {best:.2f} | {rss_mb:.0f} |")
    print("\n| stage | median ms | p95 ms |")
    print("|---|---|---|")
    for stage, values in stages.items():
        values.sort()
        p95 = values[min(len(values) - 1, int(0.95 * len(values)))]
        print(f"| {stage} | {statistics.median(values):.1f} | {p95:.1f} |")


if __name__ == "__main__":
    main()

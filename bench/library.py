"""Full review throughput of the library (no Prefect): one process, two processes, per stage, per detector."""
from __future__ import annotations

import cProfile
import io
import multiprocessing
import pstats
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path

STAGES = ("extract", "structure", "detect", "decide", "total")


@dataclass
class Run:
    workers: int
    docs: int = 0
    chars: int = 0
    wall_s: float = 0.0
    load_s: float = 0.0
    by_format: dict[str, list[tuple[int, float]]] = field(default_factory=dict)   # format -> (chars, total ms)
    stages: dict[str, list[float]] = field(default_factory=dict)

    def chars_per_s(self, fmt: str | None = None) -> float:
        if fmt is None:
            return self.chars / self.wall_s if self.wall_s else 0.0
        pairs = self.by_format.get(fmt, [])
        ms = sum(t for _, t in pairs)
        return sum(c for c, _ in pairs) / (ms / 1000) if ms else 0.0


def _review(path: str) -> tuple[str, int, dict[str, float]]:
    from mishen.batch.worker import BatchConfig, reviewer_for

    reviewer, _ = reviewer_for(_CONFIG[0])
    report = reviewer.review_bytes(Path(path).read_bytes(), Path(path).name)
    return Path(path).suffix.lstrip("."), len(report.document.text), dict(report.timings_ms)


_CONFIG: list = []   # set in each bench worker process by _init (bench code, not product code)


def _init(config) -> None:
    from mishen.batch.worker import reviewer_for

    _CONFIG[:] = [config]
    reviewer_for(config)   # build the Reviewer before the clock starts


def throughput(paths: list[Path], workers: int) -> Run:
    """Review every path on ``workers`` processes (spawned, one Reviewer each); engine load timed apart."""
    from mishen.batch.worker import BatchConfig
    from mishen.settings import Settings

    config = BatchConfig.build(Settings(), Path("/tmp"), "bench")
    run = Run(workers=workers)
    started = time.perf_counter()
    context = multiprocessing.get_context("spawn")
    with context.Pool(workers, initializer=_init, initargs=(config,)) as pool:
        pool.map(_noop, range(workers))          # wait until every worker has built its Reviewer
        run.load_s = time.perf_counter() - started
        t = time.perf_counter()
        results = pool.map(_review, [str(p) for p in paths], chunksize=1)
        run.wall_s = time.perf_counter() - t
    for fmt, chars, timings in results:
        run.docs += 1
        run.chars += chars
        run.by_format.setdefault(fmt, []).append((chars, timings.get("total", 0.0)))
        for stage in STAGES:
            if stage in timings:
                run.stages.setdefault(stage, []).append(timings[stage])
    return run


def _noop(_: int) -> None:
    time.sleep(0.2)


def stage_table(run: Run) -> list[tuple[str, float, float, float]]:
    """(stage, share of total time %, median ms, p95 ms)."""
    total = sum(run.stages.get("total", [])) or 1.0
    rows = []
    for stage in STAGES:
        values = sorted(run.stages.get(stage, []))
        if values:
            rows.append((stage, 100 * sum(values) / total, statistics.median(values),
                         values[min(len(values) - 1, int(0.95 * len(values)))]))
    return rows


def per_detector(paths: list[Path]) -> list[tuple[str, float]]:
    """Milliseconds per 100k characters of each detector on the same documents (one process)."""
    from mishen.pipeline import Reviewer
    from mishen.read import read_bytes
    from mishen.structure import parse_structure

    reviewer = Reviewer()
    spent: dict[str, float] = {d.name: 0.0 for d in reviewer.detectors}
    chars = 0
    for path in paths:
        doc = read_bytes(path.read_bytes(), path.name, reviewer.settings)
        view = reviewer.normalizer(doc.text)
        doc.structure = parse_structure(doc, view)
        chars += len(doc.text)
        for detector in reviewer.detectors:
            t = time.perf_counter()
            detector.detect(doc, view)
            spent[detector.name] += time.perf_counter() - t
    return sorted(((name, 1000 * s * 100_000 / max(chars, 1)) for name, s in spent.items()), key=lambda x: -x[1])


def profile(paths: list[Path], top: int = 15) -> str:
    """cProfile of reviewing ``paths`` in one process: the top entries by own time."""
    from mishen.pipeline import Reviewer

    reviewer = Reviewer()
    data = [(p.read_bytes(), p.name) for p in paths]
    profiler = cProfile.Profile()
    profiler.enable()
    for blob, name in data:
        reviewer.review_bytes(blob, name)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).strip_dirs().sort_stats("tottime").print_stats(top)
    lines = out.getvalue().splitlines()
    start = next((i for i, line in enumerate(lines) if line.strip().startswith("ncalls")), 0)
    return "\n".join(lines[start:start + top + 1])

"""Run the benchmarks and print the Markdown for bench/RESULTS.md.

    .venv/bin/python -m bench                       # everything, 1,000-document corpus (~15 min on 2 cores)
    .venv/bin/python -m bench --docs 200 --sample 60 --only library,cold   # a quick subset

Stages: library (1 and 2 worker processes, per stage, per detector), baselines (Presidio zh, + LAC, mishen on the
same txt texts), profile (cProfile top entries), gate (`mishen serve --workers 2`: new, re-checked
and identical ~5k-char pages, p50/p95/p99 at 1/10/50 clients, server RSS), cold
(`mishen scan` one file, no Prefect import), batch (`mishen batch` over the whole corpus, 2 workers, RSS).
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

from bench import report
from bench.corpus import make_corpus, write_corpus
from bench.procs import machine

STAGES = ("library", "baselines", "profile", "gate", "cold", "batch")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=1000, help="corpus size (the batch stage reviews all of it)")
    parser.add_argument("--sample", type=int, default=200, help="documents for the library throughput runs")
    parser.add_argument("--baseline-docs", type=int, default=40, help="txt documents for the baselines")
    parser.add_argument("--gate-requests", type=int, default=100, help="requests per concurrency level")
    parser.add_argument("--gate-workers", type=int, default=2, help="worker processes of `mishen serve` (gate)")
    parser.add_argument("--workers", type=int, default=2, help="workers of the batch stage")
    parser.add_argument("--only", default=",".join(STAGES), help="comma-separated stages to run")
    parser.add_argument("--json", type=Path, help="also write the raw figures here")
    args = parser.parse_args()
    stages = [s for s in args.only.split(",") if s]
    unknown = set(stages) - set(STAGES)
    if unknown:
        parser.error(f"unknown stage(s): {', '.join(sorted(unknown))}")

    figures: dict = {"machine": machine(), "args": vars(args) | {"json": str(args.json)}}
    report.header(figures["machine"], args)
    with tempfile.TemporaryDirectory(prefix="bench-corpus-") as folder:
        t = time.perf_counter()
        drafts = make_corpus(args.docs)
        corpus = write_corpus(drafts, Path(folder))
        figures["corpus"] = report.corpus(drafts, time.perf_counter() - t)
        paths = sorted(corpus.iterdir())
        step = max(1, len(paths) // max(1, args.sample))
        sample = paths[::step][:args.sample]
        txt = [p for p in paths if p.suffix == ".txt"][:args.baseline_docs]
        for stage in stages:
            started = time.perf_counter()
            figures[stage] = run_stage(stage, args, corpus, paths, sample, txt)
            print(f"\n_(stage {stage}: {time.perf_counter() - started:.0f} s)_", flush=True)
    if args.json:
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=2, default=str), encoding="utf-8")


def run_stage(stage: str, args, corpus: Path, paths: list[Path], sample: list[Path], txt: list[Path]):
    if stage == "library":
        from bench.library import per_detector, throughput

        runs = [throughput(sample, workers) for workers in (1, 2)]
        detectors = per_detector(txt[:15])
        report.library(runs, detectors)
        return {"runs": [asdict(r) | {"chars_per_s": r.chars_per_s(), "txt_chars_per_s": r.chars_per_s("txt")}
                         for r in runs], "detectors": detectors}
    if stage == "baselines":
        from bench.baselines import run_mishen, run_presidio

        texts = [p.read_text(encoding="utf-8") for p in txt]
        results = [run_presidio(texts, False), run_presidio(texts, True), run_mishen(txt)]
        report.baselines(results)
        return [asdict(r) | {"chars_per_s": r.chars_per_s} for r in results]
    if stage == "profile":
        from bench.library import profile

        text = profile(txt[:10])
        report.profile(text)
        return text
    if stage == "gate":
        from bench.gate import bench_gate

        result = bench_gate(args.gate_requests, args.gate_workers)  # its own ~5,000-char pages, seeded
        report.gate(result)
        return asdict(result)
    if stage == "cold":
        from bench.coldstart import cold_start

        result = cold_start(min(txt, key=lambda p: p.stat().st_size))
        report.cold(result)
        return asdict(result)
    from bench.batch_run import run_batch

    result = run_batch(corpus, len(paths), args.workers)
    report.batch(result)
    return asdict(result)


if __name__ == "__main__":
    sys.exit(main())

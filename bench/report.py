"""Markdown output of the benchmarks (printed as each stage finishes)."""
from __future__ import annotations

import statistics
from collections import Counter


def header(machine: dict[str, str], args) -> None:
    print(f"## Run of {machine['date']}\n")
    print(f"- machine: {machine['cpu']}, {machine['cores']} cores, {machine['memory']}, Python {machine['python']}; "
          f"load average at start {machine['load']} (the machine is shared)")
    print(f"- commit: {machine['commit']}")
    print(f"- command: `.venv/bin/python -m bench --docs {args.docs} --sample {args.sample} "
          f"--baseline-docs {args.baseline_docs} --gate-requests {args.gate_requests} "
          f"--gate-workers {args.gate_workers} --only {args.only}`", flush=True)


def corpus(drafts, seconds: float) -> dict:
    sizes = [len(d.text) for d in drafts]
    formats = Counter(d.format for d in drafts)
    print(f"- corpus: {len(drafts)} drafts ({', '.join(f'{n} {f}' for f, n in sorted(formats.items()))}), "
          f"{sum(sizes):,} chars, median {statistics.median(sizes):,.0f}, min {min(sizes):,}, max {max(sizes):,}; "
          f"generated and written in {seconds:.1f} s", flush=True)
    return {"docs": len(drafts), "chars": sum(sizes), "formats": dict(formats)}


def library(runs, detectors) -> None:
    print("\n### Full review throughput (library, no Prefect)\n")
    print("| worker processes | docs | chars | wall s | docs/s | chars/s | txt chars/s per process | engine load s |")
    print("|---|---|---|---|---|---|---|---|")
    for r in runs:
        print(f"| {r.workers} | {r.docs} | {r.chars:,} | {r.wall_s:.1f} | {r.docs / r.wall_s:.1f} | "
              f"{r.chars_per_s():,.0f} | {r.chars_per_s('txt'):,.0f} | {r.load_s:.1f} |")
    from bench.library import stage_table

    print("\n| stage (1 process) | share of time | median ms | p95 ms |")
    print("|---|---|---|---|")
    for stage, share, median, p95 in stage_table(runs[0]):
        print(f"| {stage} | {share:.0f}% | {median:.1f} | {p95:.1f} |")
    print("\nChars/s per format (1 process): " + ", ".join(
        f"{fmt} {runs[0].chars_per_s(fmt):,.0f}" for fmt in sorted(runs[0].by_format)))
    print("\n| detector | ms per 100k chars |")
    print("|---|---|")
    for name, ms in detectors:
        print(f"| {name} | {ms:,.0f} |")
    print(flush=True)


def baselines(results) -> None:
    print("\n### Baselines on the same txt texts (one process)\n")
    print("| system | chars | s | chars/s | load s | found |")
    print("|---|---|---|---|---|---|")
    for r in results:
        found = ", ".join(f"{k} {v}" for k, v in sorted(r.found.items(), key=lambda kv: -kv[1])[:6])
        print(f"| {r.name} | {r.chars:,} | {r.seconds:.1f} | {r.chars_per_s:,.0f} | {r.load_s:.1f} | {found} |")
    stock, lac, ours = results
    print(f"\nmishen / stock Presidio: {ours.chars_per_s / stock.chars_per_s:.2f}×; "
          f"mishen / Presidio + LAC: {ours.chars_per_s / lac.chars_per_s:.2f}×", flush=True)


def profile(text: str) -> None:
    print("\n### Profile (cProfile, one process, 10 txt drafts, by own time)\n")
    print("```\n" + text + "\n```", flush=True)


def gate(result) -> None:
    titles = {"new": "new pages (every request a page never seen before)",
              "edited": "re-checked pages (a pool of pages, one more paragraph changed per request)",
              "identical": "identical re-submission (same bytes; whole-report cache)"}
    print(f"\n### Gate latency on loopback (`mishen serve --workers {result.workers}`, "
          f"~{result.body_chars:,}-char pages)\n")
    for name, levels in result.scenarios.items():
        print(f"\n{titles.get(name, name)}:\n")
        print("| concurrent clients | requests | p50 ms | p95 ms | p99 ms | requests/s | CPU ms a request: server / "
              "review | status codes | dirty published / dirty | clean published / clean | from report cache |")
        print("|---|---|---|---|---|---|---|---|---|---|---|")
        for level in levels:
            print(f"| {level.clients} | {len(level.latencies_ms)} | {level.percentile(0.5):,.0f} | "
                  f"{level.percentile(0.95):,.0f} | {level.percentile(0.99):,.0f} | {level.per_s:.1f} | "
                  f"{level.cpu_ms(level.server_cpu_s):.1f} / {level.cpu_ms(level.review_cpu_s):.1f} | "
                  f"{level.statuses} | {level.dirty_published} / {level.dirty} | "
                  f"{level.clean_published} / {level.clean} | {level.cached} |")
    processes = ", ".join(f"{mb:.0f}" for mb, _ in result.rss_by_process)
    print(f"\nServer: ready in {result.start_s:.1f} s (every worker loaded); peak RSS {result.rss_mb:.0f} MB summed "
          f"over {len(result.rss_by_process)} processes ({processes} MB); at the largest sample "
          f"{result.total_rss_mb:.0f} MB RSS and {result.total_pss_mb:.0f} MB PSS in all (PSS counts the pages the "
          f"review processes share with their template once); dirty pages published: "
          f"{result.dirty_published} (must be 0)", flush=True)


def cold(result) -> None:
    print("\n### Cold start of `mishen scan` on one file\n")
    print(f"- wall: median {result.median_s:.2f} s of {len(result.runs_s)} runs "
          f"({', '.join(f'{s:.2f}' for s in result.runs_s)})")
    print(f"- Prefect imported on that path: {'YES' if result.imports_prefect else 'no'}")
    print("- slowest top-level imports (cumulative ms): " + ", ".join(f"{n} {ms:,.0f}" for n, ms in result.slowest_imports),
          flush=True)


def batch(result) -> None:
    print(f"\n### `mishen batch` over the corpus ({result.workers} worker processes, Prefect temporary server)\n")
    print("| docs | accounted for | error items | exit | wall s | docs/s | chars/s | CLI peak MB | worker peak MB | "
          "Prefect server peak MB |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    print(f"| {result.docs} | {result.accounted} | {result.errors} | {result.exit_code} | {result.wall_s:.1f} | "
          f"{result.docs / result.wall_s:.1f} | {result.chars / result.wall_s:,.0f} | {result.main_mb:.0f} | "
          f"{result.worker_mb:.0f} | {result.server_mb:.0f} |", flush=True)

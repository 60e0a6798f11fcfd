"""Write a batch's summary files into the output folder: summary.html, summary.csv, summary.xlsx."""
from __future__ import annotations

import os
from pathlib import Path

from mishen.batch.results import DocResult
from mishen.batch.sheets import write_csv, write_xlsx
from mishen.batch.summary import Summary, summarize
from mishen.batch.summary_html import render_summary

SUMMARY_FILES = ("summary.html", "summary.csv", "summary.xlsx")


def write_summary(rows: list[DocResult], out_dir: Path) -> Summary:
    out_dir.mkdir(parents=True, exist_ok=True)
    summary = summarize(rows)
    _atomic(out_dir / "summary.html", lambda p: p.write_text(render_summary(summary), encoding="utf-8"))
    _atomic(out_dir / "summary.csv", lambda p: write_csv(summary, p))
    _atomic(out_dir / "summary.xlsx", lambda p: write_xlsx(summary, p))
    return summary


def _atomic(target: Path, write) -> None:
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    write(tmp)
    tmp.replace(target)

"""`mishen redact FILE... --out DIR`: review, plan the whole batch (one mask per value), write, verify."""
from __future__ import annotations

import logging
from pathlib import Path

from rich.console import Console
from rich.table import Table

from mishen.redact import MaskRegister, RedactionRecord, Redactor
from models import Decision

log = logging.getLogger(__name__)
REGISTER_NAME = "mask-register.json"
_LABELS = {Decision.PASS: "可发布", Decision.REVIEW: "待人工确认", Decision.BLOCK: "未通过核验"}


def run_redact(paths: list[Path], out: Path, register_path: Path | None, resolution: int,
               console: Console | None = None) -> int:
    """Exit status: 0 every public version verified and nothing pending; 1 something left for a reviewer
    or a leak found (that public file is not written); 2 a file could not be read."""
    from mishen.pipeline import Reviewer
    from mishen.settings import Settings

    console = console or Console(stderr=True)
    settings = Settings()
    reviewer = Reviewer(settings)
    register = MaskRegister(register_path or out / REGISTER_NAME)
    redactor = Redactor(settings, register, resolution=resolution)
    reports, unreadable, stems = [], [], set()
    for path in paths:
        if path.stem in stems:  # <stem>.redactions.json would overwrite the other file's record
            unreadable.append((path, "与前一文件同名（仅扩展名不同），请分开处理"))
            continue
        stems.add(path.stem)
        report = reviewer.review_path(path)
        if report.error and report.error.code != "DETECTOR_FAILED":
            unreadable.append((path, report.error.message))
        else:
            reports.append((path, report, redactor.plan(report)))
    records: list[tuple[Path, RedactionRecord]] = []
    for path, report, plan in reports:  # every plan has proposed its masks: now write with the final ones
        try:
            records.append((path, redactor.write(path, report, plan, out)))
        except ValueError as exc:
            unreadable.append((path, str(exc)))
    register.save()
    _summary(console, records, unreadable, out)
    if unreadable:
        return 2
    return 0 if all(r.decision is Decision.PASS for _, r in records) else 1


def _summary(console: Console, records: list[tuple[Path, RedactionRecord]], failed: list[tuple[Path, str]],
             out: Path) -> None:
    table = Table(title="脱密公开版", title_justify="left")
    for column in ("文件", "公开版", "遮盖/删除", "待人工审查", "核验", "结论", "用时"):
        table.add_column(column)
    for path, r in records:
        verified = "通过" if r.verification.clean else f"发现 {len(r.verification.hits)} 处泄露"
        if r.verification.problems:
            verified += f"，{len(r.verification.problems)} 项残留"
        table.add_row(path.name, r.public or "（未生成）", str(len(r.changes)), str(len(r.pending)), verified,
                      _LABELS[r.decision], f"{r.timings_ms.get('total', 0):.0f} ms")
    for path, message in failed:
        table.add_row(path.name, "（未生成）", "—", "—", "—", message, "—")
    console.print(table)
    console.print(f"公开版和脱密记录已写入：{out.resolve()}（遮盖登记 {REGISTER_NAME} 为内部文件，不得随公开版发布）")

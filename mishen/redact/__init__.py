"""脱密后公开: public versions of reviewed documents, in their own format, verified leak-free.

    redactor = Redactor(settings, MaskRegister(out / "mask-register.json"))
    plans = [redactor.plan(report) for report in reports]      # the whole batch proposes its masks
    records = [redactor.write(path, report, plan, out) for …]  # one value, one mask, in every file
    redactor.register.save()

``write`` re-reads the original (which stays untouched), writes ``<stem>.public.<ext>`` and
``<stem>.redactions.json``, and runs the leak verifier on the written bytes; a public file that fails
verification is not left behind (decision block).
"""
from __future__ import annotations

import hashlib
import time
from pathlib import Path

from mishen.read import read_bytes
from mishen.redact.docx_writer import WriteResult, write_docx
from mishen.redact.match import Matcher
from mishen.redact.pdf_writer import DEFAULT_RESOLUTION, write_pdf
from mishen.redact.plan import EntryKind, Plan, PlanEntry, plan_from_report
from mishen.redact.record import RedactionRecord, changes, decide, pending
from mishen.redact.register import MaskRegister
from mishen.redact.text_writer import write_html, write_txt
from mishen.redact.verify import Verification, Verifier
from mishen.settings import Settings
from models import Report

__all__ = ["EntryKind", "MaskRegister", "Plan", "PlanEntry", "RedactionRecord", "Redactor", "public_name",
           "record_name"]



def public_name(path: Path) -> str:
    return f"{path.stem}.public{path.suffix}"


def record_name(path: Path) -> str:
    return f"{path.stem}.redactions.json"


class Redactor:
    def __init__(self, settings: Settings | None = None, register: MaskRegister | None = None,
                 resolution: int = DEFAULT_RESOLUTION) -> None:
        self.settings = settings or Settings()
        self.register = register or MaskRegister()
        self.matcher = Matcher()
        self.verifier = Verifier(self.matcher, self.settings)
        self.resolution = resolution

    def plan(self, report: Report, accepted: set[str] | None = None) -> Plan:
        return plan_from_report(report, self.matcher, self.register, accepted)

    def apply(self, data: bytes, name: str, plan: Plan) -> WriteResult:
        """The public bytes for ``data`` (no files written)."""
        plan.finalize(self.register)
        fmt = plan.format
        if fmt == "docx":
            return write_docx(data, plan, self.matcher)
        if fmt == "pdf":
            doc = read_bytes(data, name, self.settings)
            return write_pdf(data, plan, self.matcher, doc, self.resolution)
        if fmt == "html":
            return write_html(data, plan, self.matcher)
        if fmt in ("txt", "md"):
            return write_txt(data, plan, self.matcher)
        raise ValueError(f"不支持生成此格式的公开版：{fmt}")

    def verify(self, public: bytes, name: str, plan: Plan, rerendered: list[int] | None = None) -> Verification:
        return self.verifier.verify(public, name, plan, rerendered)

    def write(self, path: Path, report: Report, plan: Plan, out_dir: Path) -> RedactionRecord:
        """Write the public version and its record into ``out_dir``; the original is only read."""
        started = time.perf_counter()
        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() != plan.sha256:
            raise ValueError(f"{path.name} 在审查后已被修改，请重新审查后再生成公开版")
        out_dir.mkdir(parents=True, exist_ok=True)
        target = out_dir / public_name(path)
        if target.resolve() == path.resolve():
            raise ValueError("公开版不能覆盖原件")
        result = self.apply(data, path.name, plan)
        written = time.perf_counter()
        verification = self.verify(result.data, target.name, plan, result.rerendered_pages)
        verified = time.perf_counter()
        items = pending(plan, report)
        warnings = [*plan.problems, *result.warnings]
        decision = decide(verification, plan, result.warnings, items, report)
        if verification.clean:
            target.write_bytes(result.data)
        else:
            target.unlink(missing_ok=True)  # a leaking public version is never left behind
        record = RedactionRecord(
            source=path.name, sha256=plan.sha256, format=plan.format,
            public=target.name if verification.clean else None,
            public_sha256=hashlib.sha256(result.data).hexdigest() if verification.clean else None,
            decision=decision, report_decision=report.decision, verification=verification,
            changes=changes(plan, self.register, result.replaced),
            removed={k: v for k, v in sorted(result.removed.items()) if v},
            pending=items, rerendered_pages=result.rerendered_pages, warnings=warnings,
            timings_ms={"write": _ms(started, written), "verify": _ms(written, verified),
                        "total": _ms(started, time.perf_counter())})
        (out_dir / record_name(path)).write_text(record.to_json(), encoding="utf-8")
        return record


def _ms(a: float, b: float) -> float:
    return round((b - a) * 1000, 1)

"""review(source) -> Report: read, structure, detect, decide. No Prefect here; CLI, gate and flows call it."""
from __future__ import annotations

import logging
import time
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from detectors.registry import build_detectors, declared_attribute
from mishen.policy import evaluate, load_policy
from mishen.read import ReadError, format_from_name, read_bytes, read_path
from mishen.settings import Settings
from mishen.structure import parse_structure
from models import (
    Decision, Document, Finding, HiddenPartInfo, Normalizer, Report, ReportDocument, ReportError, Script,
)

log = logging.getLogger(__name__)


def _version() -> str:
    try:
        return version("mishen")
    except PackageNotFoundError:  # running from a source tree
        return "0+unknown"


class Reviewer:
    """Holds what is expensive to build (models, dictionaries, policy) and reviews many documents."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.normalizer = Normalizer()
        self.detectors = build_detectors(self.settings)
        self.policy = load_policy(self.settings)
        self.version = _version()

    def review_path(self, path: Path) -> Report:
        started = time.perf_counter()
        try:
            doc = read_path(path, self.settings)
        except ReadError as exc:
            return self.error_report(path.name, exc.code, exc.message, started)
        except Exception as exc:  # a reader crash is a finding about the file, never a pass
            log.warning("reader crashed on a file: %s", type(exc).__name__)
            return self.error_report(path.name, "UNREADABLE", f"无法读取文件（{type(exc).__name__}）", started)
        return self.review_document(doc, started)

    def review_bytes(self, data: bytes, name: str) -> Report:
        started = time.perf_counter()
        try:
            doc = read_bytes(data, name, self.settings)
        except ReadError as exc:
            return self.error_report(name, exc.code, exc.message, started)
        except Exception as exc:
            log.warning("reader crashed on a file: %s", type(exc).__name__)
            return self.error_report(name, "UNREADABLE", f"无法读取文件（{type(exc).__name__}）", started)
        return self.review_document(doc, started)

    def review_document(self, doc: Document, started: float | None = None) -> Report:
        """Review an extracted document. A crash in any stage after reading is a blocking error report."""
        started = time.perf_counter() if started is None else started
        try:
            return self._review(doc, started)
        except Exception as exc:
            log.warning("review failed after reading: %s", type(exc).__name__)
            report = self.error_report(doc.source, "DETECTOR_FAILED",
                                       f"审查过程出错（{type(exc).__name__}），需人工审查", started)
            report.document = ReportDocument.of(doc)
            return report

    def _review(self, doc: Document, started: float) -> Report:
        timings = {"extract": _ms(started)}
        t = time.perf_counter()
        doc.script = self.normalizer.detect_script(doc.text)
        view = self.normalizer(doc.text)
        doc.structure = parse_structure(doc, view)
        timings["structure"] = _ms(t)

        t = time.perf_counter()
        findings, failed = self._detect(doc, view)
        for i, finding in enumerate(findings, 1):
            finding.id = f"f{i}"
        declared = declared_attribute(doc, view)
        timings["detect"] = _ms(t)

        t = time.perf_counter()
        result = evaluate(doc, declared, findings, self.policy, view)
        timings["decide"] = _ms(t)
        timings["total"] = _ms(started)
        error = None
        decision = result.decision
        if failed:
            error = ReportError(code="DETECTOR_FAILED", message="检测器出错：" + "、".join(failed) + "；需人工审查")
            decision = Decision.BLOCK
        elif doc.pages_without_text and decision is Decision.PASS:
            decision = Decision.REVIEW
        findings = result.findings
        used = {f.id for f in findings if f.id}
        next_id = len(findings) + 1
        for finding in findings:  # findings the policy added (e.g. ATTR_CONFLICT) without an id
            if not finding.id:
                while f"f{next_id}" in used:
                    next_id += 1
                finding.id = f"f{next_id}"
                used.add(finding.id)
        return Report(
            document=ReportDocument.of(doc),
            hidden_parts=[HiddenPartInfo(id=h.id, kind=h.kind, location=h.location, text=h.document.text,
                                         attrs=h.attrs) for h in doc.hidden_parts],
            declared_attribute=declared, findings=findings, suggestion=result.suggestion,
            decision=decision, error=error, timings_ms=timings, version=self.version,
        )

    def _detect(self, doc: Document, view) -> tuple[list[Finding], list[str]]:
        """Run every detector on the main text and the text ones on every hidden part. Crashes are recorded."""
        findings: list[Finding] = []
        failed: list[str] = []
        for detector in self.detectors:
            try:
                findings.extend(detector.detect(doc, view))
            except Exception as exc:
                log.warning("detector %s failed: %s", detector.name, type(exc).__name__)
                failed.append(detector.name)
        text_detectors = [d for d in self.detectors if d.scope == "text"]
        for part in doc.hidden_parts:
            part_view = self.normalizer(part.document.text)
            for detector in text_detectors:
                try:
                    part_findings = detector.detect(part.document, part_view)
                except Exception as exc:
                    log.warning("detector %s failed on a hidden part: %s", detector.name, type(exc).__name__)
                    failed.append(detector.name)
                    continue
                for f in part_findings:
                    f.part = part.id
                    f.location = part.location
                findings.extend(part_findings)
        findings.sort(key=lambda f: (f.part is not None, f.part or "", f.start, f.end))
        return findings, sorted(set(failed))

    def error_report(self, name: str, code: str, message: str, started: float) -> Report:
        """A file that could not be read: decision block, the error said plainly, nothing passes."""
        doc = ReportDocument(source=name, sha256="", format=format_from_name(name), text="",
                             is_official_document=False, script=Script.SIMPLIFIED)
        return Report(document=doc, decision=Decision.BLOCK, error=ReportError(code=code, message=message),
                      timings_ms={"total": _ms(started)}, version=self.version)


def review(source: Path | str, settings: Settings | None = None) -> Report:
    """Review one file. Builds a Reviewer each call: for many files, keep one Reviewer and reuse it."""
    return Reviewer(settings).review_path(Path(source))


def _ms(since: float) -> float:
    return round((time.perf_counter() - since) * 1000, 2)

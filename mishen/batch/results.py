"""What one document's batch task hands back: ids, counts and labels — never document text or findings."""
from __future__ import annotations

from collections import Counter
from enum import StrEnum

from pydantic import BaseModel, Field

from models import Decision, Report, Severity

INVALID_DECLARED = "表述无效"   # an 附注 was found but its wording is not a valid attribute


class Status(StrEnum):
    REVIEWED = "reviewed"    # reviewed in this run
    SKIPPED = "skipped"      # same content and detector version already reviewed (resumed batch)
    FAILED = "failed"        # the file could not be processed at all (I/O error after retries, crash)


class DocResult(BaseModel):
    source: str = Field(description="path relative to the batch folder, or as given")
    sha256: str = ""
    detector_version: str = ""
    status: Status
    item_id: int | None = Field(None, description="id of the queue item the report went to")
    decision: Decision = Decision.BLOCK
    format: str | None = None
    chars: int = 0
    declared: str | None = Field(None, description="declared 公开属性; None = not declared")
    suggested: str | None = None
    conflict: bool = False
    opinion: str | None = None
    categories: dict[str, int] = Field(default_factory=dict, description="number of findings per category")
    findings: int = 0
    serious: int = Field(0, description="findings of severity high or critical")
    error_code: str | None = None
    error_message: str | None = Field(None, description="Chinese, never document text")
    report: str | None = Field(None, description="file name of the HTML report in the output folder")
    timings_ms: dict[str, float] = Field(default_factory=dict)

    @property
    def is_error(self) -> bool:
        return self.status is Status.FAILED or self.error_code is not None

    @property
    def attention(self) -> tuple:
        """Sort key: documents needing attention first (errors, block, review, conflicts, most findings)."""
        order = {Decision.BLOCK: 0, Decision.REVIEW: 1, Decision.PASS: 2}
        return (not self.is_error, order[self.decision], not self.conflict, -self.serious, -self.findings,
                self.source)


def result_of(report: Report, source: str, sha256: str, version: str, item_id: int | None,
              report_name: str | None) -> DocResult:
    """Counts and labels of a report; its text and findings stay out."""
    declared = report.declared_attribute
    if declared is None:
        declared_value = None
    else:
        declared_value = declared.value.value if declared.value else INVALID_DECLARED
    suggestion = report.suggestion
    serious = sum(1 for f in report.findings if f.severity in (Severity.HIGH, Severity.CRITICAL))
    return DocResult(
        source=source, sha256=sha256, detector_version=version, status=Status.REVIEWED, item_id=item_id,
        decision=report.decision, format=report.document.format.value if report.document.format else None,
        chars=len(report.document.text), declared=declared_value,
        suggested=suggestion.attribute.value if suggestion else None,
        conflict=bool(suggestion and suggestion.conflicts_with_declared),
        opinion=suggestion.opinion.value if suggestion else None,
        categories=dict(Counter(f.category.value for f in report.findings)), findings=len(report.findings),
        serious=serious, error_code=report.error.code if report.error else None,
        error_message=report.error.message if report.error else None, report=report_name,
        timings_ms=dict(report.timings_ms),
    )


def failed_result(source: str, exc: BaseException | None, sha256: str = "") -> DocResult:
    """A document the batch could not process: an error item, decision block, the batch goes on."""
    kind = type(exc).__name__ if exc is not None else "未知错误"
    return DocResult(source=source, sha256=sha256, status=Status.FAILED, decision=Decision.BLOCK,
                     error_code="BATCH_FAILED", error_message=f"批量审查未能处理该文件（{kind}），请单独审查")

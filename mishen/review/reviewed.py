"""What a review hands the server: the report as JSON bytes and the few fields the gate decides on."""
from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass

from models import Decision, Report


def publishable(decision: Decision, failed: bool) -> bool:
    """The gate's one rule: only a report decided ``pass`` without any error lets a page go out."""
    return decision is Decision.PASS and not failed


@dataclass(frozen=True, slots=True)
class Reviewed:
    """A review as the server keeps and answers it, made where the review ran: the report's JSON up to its timings
    (bytes: the report cache and every answer share them, nothing is copied or parsed again per request), its
    timings and version, and what the gate decides on. Before, each new page's report was pickled across, copied
    for the cache, dumped to JSON, parsed back into a dict and dumped again for the answer: 0.4 ms a page
    measured alone, 0.6–1.1 ms of the gate server's CPU a new page (bench/RESULTS.md)."""

    head: bytes                  # '{"schema":…,"error":…' — the report's JSON without its last two fields
    timings: dict[str, float]
    version: str
    decision: Decision
    failed: bool                 # the report has an error
    sha256: str | None
    weight: int                  # characters of text in the report (the cache's budget)

    @classmethod
    def of(cls, report: Report) -> Reviewed:
        whole = report.model_dump_json(by_alias=True, exclude={"timings_ms", "version"}).encode("utf-8")
        return cls(whole[:-1], dict(report.timings_ms), report.version, report.decision, report.error is not None,
                   report.document.sha256 or None,
                   len(report.document.text) + sum(len(h.text) for h in report.hidden_parts) + 1)

    @property
    def publish(self) -> bool:
        return publishable(self.decision, self.failed)

    def json(self, **extra: object) -> bytes:
        """The report's JSON (``Report.to_json``: the same fields in the same order), ``extra`` fields after."""
        tail = {"timings_ms": self.timings, "version": self.version, **extra}
        return self.head + b"," + json.dumps(tail, ensure_ascii=False, separators=(",", ":")).encode("utf-8")[1:]

    def report(self) -> Report:
        """The report itself, for the queue."""
        return Report.model_validate_json(self.json())

    def timed(self, timings: dict[str, float]) -> Reviewed:
        return dataclasses.replace(self, timings=timings)

"""``<stem>.redactions.json`` (schema mishen.redactions/1): every change with its rule ids, what was
removed, what is left for a reviewer and the verifier's result. It names values only by their HMAC
(the mask register's key), never in clear, so it can travel with the public version."""
from __future__ import annotations

from pydantic import BaseModel, Field

from mishen.redact.plan import EntryKind, Plan
from mishen.redact.register import MaskRegister
from mishen.redact.verify import Verification
from models import Decision, Report

SCHEMA = "mishen.redactions/1"


class Change(BaseModel):
    kind: EntryKind
    finding_id: str | None
    category: str | None
    rules: list[str]
    location: str | None
    part: str | None
    ref: str | None = None
    mask: str | None = Field(description="the replacement written; '' = removed whole; null for removed parts")
    value_hmac: str | None = Field(default=None, description="HMAC-SHA256 of the canonical value (register key)")
    occurrences: int | None = Field(default=None, description="how many times the value was replaced in the file")


class Pending(BaseModel):
    finding_id: str
    category: str
    action: str
    location: str | None


class RedactionRecord(BaseModel):
    schema_: str = Field(default=SCHEMA, alias="schema")
    source: str
    sha256: str
    format: str | None
    public: str | None = Field(description="file name of the public version; null when it was not written")
    public_sha256: str | None = None
    decision: Decision = Field(description="block: leak found or the plan could not be applied; review: items "
                                           "left for a reviewer or the report was not pass; pass: verified clean")
    report_decision: Decision = Field(description="the review's decision on the internal version")
    verification: Verification
    changes: list[Change] = Field(default_factory=list)
    removed: dict[str, int] = Field(default_factory=dict)
    pending: list[Pending] = Field(default_factory=list)
    rerendered_pages: list[int] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    timings_ms: dict[str, float] = Field(default_factory=dict)

    model_config = {"populate_by_name": True}

    def to_json(self) -> str:
        return self.model_dump_json(by_alias=True, indent=2)


def changes(plan: Plan, register: MaskRegister, replaced: dict[str, int]) -> list[Change]:
    out = []
    for e in plan.entries:
        masked = e.kind is EntryKind.MASK
        out.append(Change(kind=e.kind, finding_id=e.finding_id, category=e.category, rules=e.rules,
                          location=e.location, part=e.part, ref=e.ref, mask=e.mask if masked else None,
                          value_hmac=register.digest(e.key) if masked else None,
                          occurrences=replaced.get(e.key, 0) if masked else None))
    return out


def pending(plan: Plan, report: Report) -> list[Pending]:
    by_id = {f.id: f for f in report.findings}
    return [Pending(finding_id=i, category=by_id[i].category.value, action=by_id[i].action.value,
                    location=by_id[i].location) for i in plan.pending if i in by_id]


def decide(verification: Verification, plan: Plan, warnings: list[str], pending_items: list[Pending],
           report: Report) -> Decision:
    """block on a leak or an unsafe plan; review while anything is left to a person; else pass."""
    if not verification.clean or plan.problems:
        return Decision.BLOCK
    if pending_items or warnings or report.decision is not Decision.PASS:
        return Decision.REVIEW
    return Decision.PASS

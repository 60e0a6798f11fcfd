"""What the store hands out: plain records, no ORM objects, no open sessions."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from models import Attribute, Finding, Opinion, Report


class Role(StrEnum):
    DRAFTER = "drafter"      # submits, sees own items
    REVIEWER = "reviewer"    # decides
    ADMIN = "admin"          # manages users; may also decide


class Status(StrEnum):
    PENDING = "pending"
    IN_REVIEW = "in_review"
    DONE = "done"


class Verdict(StrEnum):
    ACCEPT = "accept"        # the finding stands: it must be handled before publication
    REJECT = "reject"        # a false alarm


REASON_REQUIRED = {Attribute.ON_REQUEST, Attribute.NOT_DISCLOSED}


class StoreError(Exception):
    """A queue operation that is not allowed; ``message`` is Chinese, for the user."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(code)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class User:
    id: int
    name: str
    role: Role

    def can_decide(self) -> bool:
        return self.role in (Role.REVIEWER, Role.ADMIN)


@dataclass(frozen=True)
class SubmitResult:
    item_id: int
    created: bool


@dataclass(frozen=True)
class ItemSummary:
    id: int
    title: str | None
    source: str
    doc_number: str | None
    issuer: str | None
    submitted_by: str
    received_at: datetime
    status: Status
    claimed_by: str | None
    decision: str
    suggested_attribute: str | None
    final_attribute: str | None
    opinion: str | None
    due: date | None = None
    overdue: bool = False
    decided_by: str | None = None
    decided_at: datetime | None = None
    doc_date: date | None = None
    publish_due: date | None = None       # R3: 主动公开 within 20 working days of the document date
    publish_overdue: bool = False
    report_due: date | None = None        # R4: a 不予公开 decision reported within 5 working days
    report_overdue: bool = False
    reported_at: datetime | None = None

    @property
    def any_overdue(self) -> bool:
        return self.overdue or self.publish_overdue or self.report_overdue


@dataclass(frozen=True)
class ReviewedFinding:
    finding: Finding
    span_sha256: str
    verdict: Verdict | None
    decided_by: str | None


@dataclass(frozen=True)
class AuditEvent:
    id: int
    at: datetime
    actor: str
    action: str
    target: str | None
    before: dict | None
    after: dict | None


@dataclass
class Item:
    summary: ItemSummary
    lineage: str
    sha256: str
    report: Report
    findings: list[ReviewedFinding]
    basis: str | None
    reason: str | None
    decided_by: str | None
    decided_at: datetime | None
    history: list[AuditEvent] = field(default_factory=list)

    @property
    def id(self) -> int:
        return self.summary.id


@dataclass(frozen=True)
class PublicVersion:
    """A public version made at approval (its bytes are fetched separately; none when verification failed)."""

    id: int
    name: str
    format: str
    clean: bool
    verification: dict
    sha256: str | None
    created_by: str
    created_at: datetime


@dataclass(frozen=True)
class FinalOpinion:
    """A reviewer's final word on an item."""

    attribute: Attribute
    opinion: Opinion
    basis: str
    reason: str = ""

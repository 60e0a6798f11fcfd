"""SQLAlchemy 2 tables of the review queue. Migrations in migrations/ must match these definitions."""
from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    JSON, Boolean, DateTime, LargeBinary, ForeignKey, Index, Integer, String, Text, TypeDecorator, UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on every backend (SQLite drops the zone; it is put back on read)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    pass


class UserRow(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class DocumentRow(Base):
    """A queue item: one submitted version of a document (immutable content, identified by its sha256)."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    lineage: Mapped[str] = mapped_column(String(255), index=True)
    source: Mapped[str] = mapped_column(String(255))
    title: Mapped[str | None] = mapped_column(String(500))
    doc_number: Mapped[str | None] = mapped_column(String(100))
    issuer: Mapped[str | None] = mapped_column(String(200))
    submitted_by: Mapped[str] = mapped_column(String(64), index=True)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    status: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    final_attribute: Mapped[str | None] = mapped_column(String(16))
    opinion: Mapped[str | None] = mapped_column(String(16))
    basis: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str | None] = mapped_column(Text)
    decided_by: Mapped[str | None] = mapped_column(String(64))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    doc_date: Mapped[str | None] = mapped_column(String(10))  # 成文日期, ISO (R3)
    reported_at: Mapped[datetime | None] = mapped_column(UTCDateTime())  # 不予公开 reported (R4)


class ReportRow(Base):
    __tablename__ = "reports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), unique=True)
    decision: Mapped[str] = mapped_column(String(16), index=True)
    suggested_attribute: Mapped[str | None] = mapped_column(String(16), index=True)
    report_json: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class FindingRow(Base):
    """A finding's key and facts; its text stays in the report only (here: the sha256 of the span)."""

    __tablename__ = "findings"
    __table_args__ = (UniqueConstraint("report_id", "finding_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    finding_id: Mapped[str] = mapped_column(String(16))
    category: Mapped[str] = mapped_column(String(32))
    group_name: Mapped[str] = mapped_column(String(32))
    part: Mapped[str | None] = mapped_column(String(100))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    span_sha256: Mapped[str] = mapped_column(String(64))
    severity: Mapped[str] = mapped_column(String(16))
    action: Mapped[str] = mapped_column(String(16))
    rules: Mapped[list[str]] = mapped_column(JSON)


class DecisionRow(Base):
    """A reviewer's verdict on a span, kept across re-submitted drafts of the same lineage."""

    __tablename__ = "decisions"
    __table_args__ = (UniqueConstraint("lineage", "span_sha256", "category"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    lineage: Mapped[str] = mapped_column(String(255))
    span_sha256: Mapped[str] = mapped_column(String(64))
    category: Mapped[str] = mapped_column(String(32))
    verdict: Mapped[str] = mapped_column(String(16))
    decided_by: Mapped[str] = mapped_column(String(64))
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class PublicVersionRow(Base):
    """A public version made at approval; a version that failed verification keeps no data."""

    __tablename__ = "public_versions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(255))
    format: Mapped[str] = mapped_column(String(16))
    clean: Mapped[bool] = mapped_column(Boolean)
    verification: Mapped[dict] = mapped_column(JSON)
    data: Mapped[bytes | None] = mapped_column(LargeBinary)
    sha256: Mapped[str | None] = mapped_column(String(64))
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class AuditRow(Base):
    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_document", "document_id", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(32))
    document_id: Mapped[int | None] = mapped_column(Integer)
    target: Mapped[str | None] = mapped_column(String(100))
    before: Mapped[dict | None] = mapped_column(JSON)
    after: Mapped[dict | None] = mapped_column(JSON)

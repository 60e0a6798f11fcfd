"""The one storage interface of the review queue; SQLite by default, PostgreSQL through the same code."""
from __future__ import annotations

import hashlib
import threading
from contextlib import AbstractContextManager, nullcontext
from datetime import datetime, timedelta

from sqlalchemy import and_, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from mishen.review import deadlines
from mishen.review.db import make_engine, migrate
from mishen.review.records import item_of, stored_report, summary_of
from mishen.review.security import Hasher
from mishen.review.store_public import PublicStore
from mishen.review.store_spans import SpanStore
from mishen.review.store_users import UserStore
from mishen.review.tables import (
    AuditRow, DecisionRow, DocumentRow, FindingRow, ReportRow, utcnow,
)
from mishen.review.views import (
    REASON_REQUIRED, AuditEvent, FinalOpinion, Item, ItemSummary, Role, Status, StoreError, SubmitResult, User,
    Verdict,
)
from models import Report


def span_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Store(UserStore, PublicStore, SpanStore):
    """Queue items, their reports and findings, reviewers' decisions, users and the audit trail."""

    def __init__(self, url: str, claim_ttl: timedelta = timedelta(hours=2), hasher: Hasher | None = None) -> None:
        self.engine = make_engine(url)
        # SQLite lets one writer in at a time and makes the others sleep and retry (1, 2, 5, 10 … ms): ten gate
        # requests recording their answers at once waited up to ~50 ms that way. This process's audit writes
        # queue on a lock instead, which hands over at once (identical pages, 10 clients: p95 57 -> 20 ms).
        self._audit_turn: AbstractContextManager = (
            threading.Lock() if self.engine.dialect.name == "sqlite" else nullcontext())
        self.hasher = hasher or Hasher()
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.claim_ttl = claim_ttl

    def migrate(self) -> None:
        migrate(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    # --- audit ---------------------------------------------------------------------------------------

    def record_event(self, actor: str, action: str, item_id: int | None = None, target: str | None = None,
                     before: dict | None = None, after: dict | None = None) -> None:
        """One audit row in its own transaction, through the table rather than the ORM session: the gate writes one
        per answer, and the session's unit of work cost ≈ 0.5 ms of the server process's time each."""
        with self._audit_turn, self.engine.begin() as connection:
            connection.execute(AuditRow.__table__.insert(), _audit_row(actor, action, item_id, target, before, after))

    def history(self, item_id: int) -> list[AuditEvent]:
        with self.sessions() as session:
            rows = session.scalars(select(AuditRow).where(AuditRow.document_id == item_id).order_by(AuditRow.id))
            return [AuditEvent(r.id, r.at, r.actor, r.action, r.target, r.before, r.after) for r in rows]

    # --- submission ----------------------------------------------------------------------------------

    def submit(self, report: Report, submitted_by: str, lineage: str | None = None,
               content_sha256: str | None = None, received_at: datetime | None = None) -> SubmitResult:
        """Enqueue a reviewed document; the same content (sha256) submitted again answers the existing item."""
        sha = report.document.sha256 or content_sha256
        if not sha:
            raise StoreError("NO_HASH", "缺少文件内容摘要")
        existing = self._item_id_by_hash(sha)
        if existing is not None:
            self.record_event(submitted_by, "resubmit", existing, after={"sha256": sha})
            return SubmitResult(existing, created=False)
        try:
            with self.sessions.begin() as session:
                item_id = self._insert(session, report, sha, submitted_by, lineage or default_lineage(report, sha),
                                       received_at or utcnow())
        except IntegrityError:  # the same content submitted concurrently
            existing = self._item_id_by_hash(sha)
            if existing is None:
                raise
            return SubmitResult(existing, created=False)
        return SubmitResult(item_id, created=True)

    def _item_id_by_hash(self, sha: str) -> int | None:
        with self.sessions() as session:
            return session.scalar(select(DocumentRow.id).where(DocumentRow.sha256 == sha))

    def _insert(self, session: Session, report: Report, sha: str, submitted_by: str, lineage: str,
                received_at: datetime) -> int:
        doc = report.document
        row = DocumentRow(sha256=sha, lineage=lineage[:255], source=doc.source[:255],
                          title=(doc.title or None) and doc.title[:500], doc_number=doc.doc_number,
                          issuer=doc.issuer, submitted_by=submitted_by, received_at=received_at,
                          status=Status.PENDING.value, doc_date=doc.date if deadlines.parse_iso(doc.date) else None)
        session.add(row)
        session.flush()
        suggested = report.suggestion.attribute.value if report.suggestion else None
        report_row = ReportRow(document_id=row.id, decision=report.decision.value, suggested_attribute=suggested,
                               report_json=stored_report(report).to_json(), created_at=utcnow())
        session.add(report_row)
        session.flush()
        if report.findings:   # one executemany, not an ORM object per finding (a batch enqueues thousands)
            session.execute(insert(FindingRow), [
                {"report_id": report_row.id, "finding_id": f.id, "category": f.category.value,
                 "group_name": f.group.value, "part": f.part, "start": f.start, "end": f.end,
                 "span_sha256": span_hash(f.text), "severity": f.severity.value, "action": f.action.value,
                 "rules": list(f.rules)} for f in report.findings])
        _audit(session, submitted_by, "submit", row.id, None, None,
               {"sha256": sha, "lineage": lineage, "decision": report.decision.value, "findings": len(report.findings)})
        return row.id

    # --- reading -------------------------------------------------------------------------------------

    def get_item(self, item_id: int) -> Item:
        with self.sessions() as session:
            pair = session.execute(select(DocumentRow, ReportRow).join(ReportRow)
                                   .where(DocumentRow.id == item_id)).first()
            if pair is None:
                raise StoreError("NOT_FOUND", "没有这个审查事项")
            doc, rep = pair
            rows = session.scalars(select(DecisionRow).where(DecisionRow.lineage == doc.lineage))
            decisions = {(d.span_sha256, d.category): d for d in rows}
            item = item_of(doc, rep, decisions, utcnow())
        item.history = self.history(item_id)
        return item

    def list_items(self, viewer: User | None = None, status: str | None = None, attribute: str | None = None,
                   decision: str | None = None, opinion: str | None = None, overdue: bool = False,
                   limit: int = 500) -> list[ItemSummary]:
        query = select(DocumentRow, ReportRow).join(ReportRow).order_by(DocumentRow.received_at.desc(),
                                                                         DocumentRow.id.desc())
        query = self._visible(query, viewer)
        for column, value in ((DocumentRow.status, status), (ReportRow.suggested_attribute, attribute),
                              (ReportRow.decision, decision), (DocumentRow.opinion, opinion)):
            if value:
                query = query.where(column == value)
        now = utcnow()
        with self.sessions() as session:
            items = [summary_of(d, r, now) for d, r in session.execute(query.limit(limit))]
        return [i for i in items if i.any_overdue] if overdue else items

    def counts(self, viewer: User | None = None) -> dict[str, int]:
        query = self._visible(select(DocumentRow.status, func.count()).group_by(DocumentRow.status), viewer)
        with self.sessions() as session:
            found = {s: n for s, n in session.execute(query)}
        counts = {s.value: found.get(s.value, 0) for s in Status}
        counts["all"] = sum(counts.values())
        return counts

    @staticmethod
    def _visible(query, viewer: User | None):
        if viewer is not None and viewer.role is Role.DRAFTER:
            query = query.where(DocumentRow.submitted_by == viewer.name)
        return query

    # --- reviewing -----------------------------------------------------------------------------------

    def claim(self, item_id: int, user: User) -> None:
        """Take the item; only one reviewer holds it at a time (a stale claim may be taken over)."""
        _require_reviewer(user)
        with self.sessions.begin() as session:
            self._claim(session, item_id, user)

    def _claim(self, session: Session, item_id: int, user: User) -> None:
        now = utcnow()
        free = or_(DocumentRow.claimed_by.is_(None), DocumentRow.claimed_by == user.name,
                   DocumentRow.claimed_at < now - self.claim_ttl)
        before = session.execute(select(DocumentRow.claimed_by, DocumentRow.status)
                                 .where(DocumentRow.id == item_id)).first()
        result = session.execute(
            update(DocumentRow).where(and_(DocumentRow.id == item_id, DocumentRow.status != Status.DONE.value, free))
            .values(claimed_by=user.name, claimed_at=now, status=Status.IN_REVIEW.value))
        if result.rowcount != 1:
            raise _claim_error(before)
        if before.claimed_by != user.name:
            _audit(session, user.name, "claim", item_id, None, {"claimed_by": before.claimed_by},
                   {"claimed_by": user.name})

    def release(self, item_id: int, user: User) -> None:
        """Give the item back; its holder or an admin may."""
        with self.sessions.begin() as session:
            row = session.get(DocumentRow, item_id, with_for_update=True)
            if row is None:
                raise StoreError("NOT_FOUND", "没有这个审查事项")
            if row.claimed_by is None:
                return
            if row.claimed_by != user.name and user.role is not Role.ADMIN:
                raise StoreError("CLAIMED", f"该事项正由 {row.claimed_by} 审查")
            _audit(session, user.name, "release", item_id, None, {"claimed_by": row.claimed_by}, {"claimed_by": None})
            row.claimed_by, row.claimed_at = None, None
            if row.status == Status.IN_REVIEW.value:
                row.status = Status.PENDING.value

    def decide_finding(self, item_id: int, finding_id: str, verdict: Verdict, user: User) -> None:
        """Accept or reject one finding; the verdict is kept for the span in every draft of this lineage."""
        _require_reviewer(user)
        with self.sessions.begin() as session:
            self._claim(session, item_id, user)
            doc = session.get(DocumentRow, item_id)
            finding = session.scalar(select(FindingRow).join(ReportRow).where(
                ReportRow.document_id == item_id, FindingRow.finding_id == finding_id))
            if finding is None:
                raise StoreError("NOT_FOUND", "没有这个问题项")
            key = (DecisionRow.lineage == doc.lineage, DecisionRow.span_sha256 == finding.span_sha256,
                   DecisionRow.category == finding.category)
            row = session.scalar(select(DecisionRow).where(*key))
            before = {"verdict": row.verdict, "by": row.decided_by} if row else None
            if row is None:
                row = DecisionRow(lineage=doc.lineage, span_sha256=finding.span_sha256, category=finding.category,
                                  verdict=verdict.value, decided_by=user.name, decided_at=utcnow())
                session.add(row)
            else:
                row.verdict, row.decided_by, row.decided_at = verdict.value, user.name, utcnow()
            _audit(session, user.name, "decide_finding", item_id, finding_id, before,
                   {"verdict": verdict.value, "category": finding.category})

    def record_opinion(self, item_id: int, user: User, final: FinalOpinion) -> None:
        """The final attribute and opinion with 依据 (and 理由 where the attribute needs one); closes the item."""
        _require_reviewer(user)
        if not final.basis.strip():
            raise StoreError("BASIS_REQUIRED", "请填写审查依据")
        if final.attribute in REASON_REQUIRED and not final.reason.strip():
            raise StoreError("REASON_REQUIRED", f"公开属性为“{final.attribute.value}”时必须说明理由")
        with self.sessions.begin() as session:
            self._claim(session, item_id, user)
            row = session.get(DocumentRow, item_id)
            before = {"status": row.status, "final_attribute": row.final_attribute, "opinion": row.opinion}
            row.final_attribute, row.opinion = final.attribute.value, final.opinion.value
            row.basis, row.reason = final.basis.strip(), final.reason.strip() or None
            row.decided_by, row.decided_at = user.name, utcnow()
            row.status, row.claimed_by, row.claimed_at = Status.DONE.value, None, None
            _audit(session, user.name, "opinion", item_id, None, before,
                   {"status": row.status, "final_attribute": row.final_attribute, "opinion": row.opinion})

    def reopen(self, item_id: int, user: User) -> None:
        _require_reviewer(user)
        with self.sessions.begin() as session:
            row = session.get(DocumentRow, item_id)
            if row is None:
                raise StoreError("NOT_FOUND", "没有这个审查事项")
            if row.status != Status.DONE.value:
                return
            _audit(session, user.name, "reopen", item_id, None, {"status": row.status},
                   {"status": Status.PENDING.value})
            row.status = Status.PENDING.value


def default_lineage(report: Report, sha: str) -> str:
    """Drafts of one document share a lineage: its 发文字号, else its title, else its content hash."""
    doc = report.document
    if doc.doc_number:
        return f"docno:{doc.doc_number}"
    if doc.title:
        return f"title:{doc.title}"
    return f"sha256:{sha}"


def _require_reviewer(user: User) -> None:
    if not user.can_decide():
        raise StoreError("FORBIDDEN", "只有审查人员可以审查")


def _claim_error(before) -> StoreError:
    if before is None:
        return StoreError("NOT_FOUND", "没有这个审查事项")
    if before.status == Status.DONE.value:
        return StoreError("CLOSED", "该事项已审结，需重新打开后才能修改")
    return StoreError("CLAIMED", f"该事项正由 {before.claimed_by} 审查")


def _audit(session: Session, actor: str, action: str, item_id: int | None, target: str | None,
           before: dict | None, after: dict | None) -> None:
    session.add(AuditRow(**_audit_row(actor, action, item_id, target, before, after)))


def _audit_row(actor: str, action: str, item_id: int | None, target: str | None, before: dict | None,
               after: dict | None) -> dict:
    return {"at": utcnow(), "actor": actor, "action": action, "document_id": item_id, "target": target,
            "before": before, "after": after}

"""Rows -> the plain records the store hands out; what of a report is kept."""
from __future__ import annotations

import hashlib
from datetime import datetime

from mishen.review import deadlines
from mishen.review.tables import DecisionRow, DocumentRow, ReportRow
from mishen.review.views import Item, ItemSummary, ReviewedFinding, Status, Verdict
from models import Attribute, Report


def stored_report(report: Report) -> Report:
    """The report as kept: hidden parts only where a finding points into them (their text is evidence)."""
    used = {f.part for f in report.findings if f.part is not None}
    return report.model_copy(update={"hidden_parts": [h for h in report.hidden_parts if h.id in used]})


def summary_of(doc: DocumentRow, rep: ReportRow, now: datetime) -> ItemSummary:
    due = deadlines.review_due(doc.received_at)
    status = Status(doc.status)
    done = status is Status.DONE
    attribute = doc.final_attribute or rep.suggested_attribute
    doc_date = deadlines.parse_iso(doc.doc_date)
    publish_due = deadlines.publish_due(doc_date) if attribute == Attribute.PROACTIVE.value else None
    report_due = (deadlines.report_due(doc.decided_at)
                  if done and doc.final_attribute == Attribute.NOT_DISCLOSED.value else None)
    return ItemSummary(
        id=doc.id, title=doc.title, source=doc.source, doc_number=doc.doc_number, issuer=doc.issuer,
        submitted_by=doc.submitted_by, received_at=doc.received_at, status=status, claimed_by=doc.claimed_by,
        decision=rep.decision, suggested_attribute=rep.suggested_attribute, final_attribute=doc.final_attribute,
        opinion=doc.opinion, due=due, overdue=not done and deadlines.is_overdue(due, now),
        decided_by=doc.decided_by, decided_at=doc.decided_at, doc_date=doc_date, publish_due=publish_due,
        publish_overdue=bool(publish_due) and not done and deadlines.is_overdue(publish_due, now),
        report_due=report_due, reported_at=doc.reported_at,
        report_overdue=bool(report_due) and doc.reported_at is None and deadlines.is_overdue(report_due, now))


def item_of(doc: DocumentRow, rep: ReportRow, decisions: dict[tuple[str, str], DecisionRow], now: datetime) -> Item:
    report = Report.model_validate_json(rep.report_json)
    findings = []
    for f in report.findings:
        key = hashlib.sha256(f.text.encode("utf-8")).hexdigest()
        decision = decisions.get((key, f.category.value))
        findings.append(ReviewedFinding(finding=f, span_sha256=key,
                                        verdict=Verdict(decision.verdict) if decision else None,
                                        decided_by=decision.decided_by if decision else None))
    return Item(summary=summary_of(doc, rep, now), lineage=doc.lineage, sha256=doc.sha256, report=report,
                findings=findings, basis=doc.basis, reason=doc.reason, decided_by=doc.decided_by,
                decided_at=doc.decided_at)

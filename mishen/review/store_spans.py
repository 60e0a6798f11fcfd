"""A reviewer's own spans: add a finding the detectors missed, or move the bounds of one they found.

The finding goes into the kept report (so the invariant span_text(part, start, end) == text holds) and
into the findings table; the reviewer's verdict on the new span is 确认. The audit trail records offsets
and category, never the text. The automatic decision and suggestion of the report are not recomputed.
"""
from __future__ import annotations

import hashlib
import re

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from mishen.review.tables import AuditRow, DecisionRow, DocumentRow, FindingRow, ReportRow, utcnow
from mishen.review.views import StoreError, User, Verdict
from models import CATEGORY_GROUP, Action, Category, Finding, Group, Report, Severity

ADDABLE_RULES: dict[Category, str] = {
    Category.PERSON_NAME: "P1", Category.CN_ID_CARD: "P2", Category.CN_PHONE: "P3", Category.BANK_CARD: "P4",
    Category.CN_PASSPORT: "P5", Category.LICENSE_PLATE: "P5", Category.EMAIL: "P6", Category.ADDRESS: "P6",
    Category.SENSITIVE_PERSONAL: "P7", Category.CLASSIFICATION_MARK: "S1", Category.SECRET_MARKER: "S2",
    Category.CREDENTIAL: "S3", Category.INTERNAL_NETWORK: "S3",
}
MAX_SPAN = 500


class SpanStore:
    sessions: sessionmaker[Session]

    def add_finding(self, item_id: int, user: User, text: str, category: Category, occurrence: int = 1) -> str:
        """Mark the ``occurrence``-th appearance of ``text`` in the main text; answers the new finding's id."""
        if category not in ADDABLE_RULES:
            raise StoreError("BAD_CATEGORY", "只能补充个人信息和涉密内容类别")
        if not text.strip() or len(text) > MAX_SPAN:
            raise StoreError("BAD_SPAN", f"请填写正文中的原文（1 至 {MAX_SPAN} 个字符）")
        with self.sessions.begin() as session:
            doc, rep, report = self._open(session, item_id, user)
            starts = [m.start() for m in re.finditer(re.escape(text), report.document.text)]
            if not 1 <= occurrence <= len(starts):
                raise StoreError("NOT_IN_TEXT", "正文中没有找到这段文字（或没有这么多处）")
            start = starts[occurrence - 1]
            if any(f.part is None and (f.start, f.end, f.category) == (start, start + len(text), category)
                   for f in report.findings):
                raise StoreError("DUPLICATE", "这段文字已有同类问题项")
            finding = Finding(id=_new_id(report), category=category, start=start, end=start + len(text), text=text,
                              score=1.0, severity=Severity.HIGH, rules=[ADDABLE_RULES[category]],
                              detector="reviewer", explanation=f"审查人 {user.name} 补充的漏报内容",
                              action=Action.REDACT)
            report.findings.append(finding)
            session.add(_row(rep.id, finding))
            self._save(session, doc, rep, report, finding, user)
            _event(session, user, "add_finding", item_id, finding.id, None,
                   {"category": category.value, "start": finding.start, "end": finding.end})
            return finding.id

    def edit_finding(self, item_id: int, finding_id: str, user: User, text: str) -> None:
        """New bounds for a finding: ``text`` is where it should be, overlapping its present span."""
        if not text.strip() or len(text) > MAX_SPAN:
            raise StoreError("BAD_SPAN", f"请填写新的范围（1 至 {MAX_SPAN} 个字符）")
        with self.sessions.begin() as session:
            doc, rep, report = self._open(session, item_id, user)
            index = next((i for i, f in enumerate(report.findings) if f.id == finding_id), None)
            if index is None:
                raise StoreError("NOT_FOUND", "没有这个问题项")
            old = report.findings[index]
            if old.group in (Group.ATTRIBUTE, Group.HIDDEN_CONTENT):
                raise StoreError("NOT_A_SPAN", "该类问题项不能调整范围")
            source = _part_text(report, old.part)
            starts = [m.start() for m in re.finditer(re.escape(text), source)
                      if m.start() < old.end and old.start < m.start() + len(text)]
            if not starts:
                raise StoreError("NOT_OVERLAPPING", "新的范围必须是原文中与原范围重叠的一段文字")
            start = min(starts, key=lambda s: abs(s - old.start))
            new = old.model_copy(update={"start": start, "end": start + len(text), "text": text, "replacement": None,
                                         "explanation": f"{old.explanation}（范围经审查人 {user.name} 调整）"})
            report.findings[index] = new
            row = session.scalar(select(FindingRow).where(FindingRow.report_id == rep.id,
                                                          FindingRow.finding_id == finding_id))
            row.start, row.end, row.span_sha256 = new.start, new.end, _sha(text)
            self._save(session, doc, rep, report, new, user)
            _event(session, user, "edit_finding", item_id, finding_id, {"start": old.start, "end": old.end},
                   {"start": new.start, "end": new.end})

    def _open(self, session: Session, item_id: int, user: User) -> tuple[DocumentRow, ReportRow, Report]:
        if not user.can_decide():
            raise StoreError("FORBIDDEN", "只有审查人员可以审查")
        self._claim(session, item_id, user)  # the item must be open and theirs
        doc = session.get(DocumentRow, item_id)
        rep = session.scalar(select(ReportRow).where(ReportRow.document_id == item_id))
        return doc, rep, Report.model_validate_json(rep.report_json)

    @staticmethod
    def _save(session: Session, doc: DocumentRow, rep: ReportRow, report: Report, finding: Finding,
              user: User) -> None:
        """Keep the report and record 确认 for the finding's span in this lineage."""
        rep.report_json = report.to_json()
        key = (DecisionRow.lineage == doc.lineage, DecisionRow.span_sha256 == _sha(finding.text),
               DecisionRow.category == finding.category.value)
        row = session.scalar(select(DecisionRow).where(*key))
        if row is None:
            session.add(DecisionRow(lineage=doc.lineage, span_sha256=_sha(finding.text),
                                    category=finding.category.value, verdict=Verdict.ACCEPT.value,
                                    decided_by=user.name, decided_at=utcnow()))
        else:
            row.verdict, row.decided_by, row.decided_at = Verdict.ACCEPT.value, user.name, utcnow()


def _part_text(report: Report, part: str | None) -> str:
    if part is None:
        return report.document.text
    return next(h.text for h in report.hidden_parts if h.id == part)


def _new_id(report: Report) -> str:
    taken = {f.id for f in report.findings}
    return next(f"r{n}" for n in range(1, len(taken) + 2) if f"r{n}" not in taken)


def _row(report_id: int, f: Finding) -> FindingRow:
    return FindingRow(report_id=report_id, finding_id=f.id, category=f.category.value,
                      group_name=CATEGORY_GROUP[f.category].value, part=f.part, start=f.start, end=f.end,
                      span_sha256=_sha(f.text), severity=f.severity.value, action=f.action.value, rules=list(f.rules))


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _event(session: Session, user: User, action: str, item_id: int, target: str, before, after) -> None:
    session.add(AuditRow(at=utcnow(), actor=user.name, action=action, document_id=item_id, target=target,
                         before=before, after=after))

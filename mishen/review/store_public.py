"""Public versions made at approval, and the R4 report of a 不予公开 decision."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from mishen.review.tables import AuditRow, DocumentRow, PublicVersionRow, utcnow
from mishen.review.views import PublicVersion, Status, StoreError, User
from models import Attribute


@dataclass(frozen=True)
class PublicFile:
    """A public version to keep: ``data`` is None when it failed verification (it is never stored)."""

    name: str
    format: str
    clean: bool
    verification: dict
    data: bytes | None
    sha256: str | None


class PublicStore:
    sessions: sessionmaker[Session]

    def replace_public_versions(self, item_id: int, actor: str, files: list[PublicFile]) -> None:
        """The item's public versions are now ``files`` (earlier ones are dropped)."""
        with self.sessions.begin() as session:
            old = list(session.scalars(select(PublicVersionRow.name).where(PublicVersionRow.document_id == item_id)))
            session.execute(delete(PublicVersionRow).where(PublicVersionRow.document_id == item_id))
            for f in files:
                session.add(PublicVersionRow(document_id=item_id, name=f.name[:255], format=f.format,
                                             clean=f.clean, verification=f.verification,
                                             data=f.data if f.clean else None, sha256=f.sha256 if f.clean else None,
                                             created_by=actor, created_at=utcnow()))
            session.add(AuditRow(at=utcnow(), actor=actor, action="public_version", document_id=item_id,
                                 before={"files": old} if old else None,
                                 after={"files": [{"name": f.name, "clean": f.clean} for f in files]}))

    def public_versions(self, item_id: int) -> list[PublicVersion]:
        with self.sessions() as session:
            rows = session.scalars(select(PublicVersionRow).where(PublicVersionRow.document_id == item_id)
                                   .order_by(PublicVersionRow.id))
            return [_version(r) for r in rows]

    def public_data(self, item_id: int, version_id: int) -> tuple[PublicVersion, bytes]:
        """The bytes of a verified public version; a failed one is refused."""
        with self.sessions() as session:
            row = session.get(PublicVersionRow, version_id)
            if row is None or row.document_id != item_id:
                raise StoreError("NOT_FOUND", "没有这个公开版")
            if not row.clean or row.data is None:
                raise StoreError("NOT_VERIFIED", "该公开版未通过泄露核验，不能下载")
            return _version(row), row.data

    def mark_reported(self, item_id: int, user: User) -> None:
        """R4: the 不予公开 decision has been reported."""
        if not user.can_decide():
            raise StoreError("FORBIDDEN", "只有审查人员可以审查")
        with self.sessions.begin() as session:
            row = session.get(DocumentRow, item_id)
            if row is None:
                raise StoreError("NOT_FOUND", "没有这个审查事项")
            if row.status != Status.DONE.value or row.final_attribute != Attribute.NOT_DISCLOSED.value:
                raise StoreError("NOT_APPLICABLE", "只有已审结的不予公开事项需要报告")
            if row.reported_at is not None:
                return
            row.reported_at = utcnow()
            session.add(AuditRow(at=row.reported_at, actor=user.name, action="reported", document_id=item_id,
                                 before={"reported_at": None}, after={"reported_at": row.reported_at.isoformat()}))


def _version(row: PublicVersionRow) -> PublicVersion:
    return PublicVersion(id=row.id, name=row.name, format=row.format, clean=row.clean,
                         verification=row.verification, sha256=row.sha256, created_by=row.created_by,
                         created_at=row.created_at)

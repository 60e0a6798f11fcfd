"""The review queue: users, documents, reports, findings, decisions, audit events.

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(64), nullable=False, unique=True),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("password_hash", sa.String(255), nullable=False),
        sa.Column("created_at", TS, nullable=False),
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("lineage", sa.String(255), nullable=False, index=True),
        sa.Column("source", sa.String(255), nullable=False),
        sa.Column("title", sa.String(500)),
        sa.Column("doc_number", sa.String(100)),
        sa.Column("issuer", sa.String(200)),
        sa.Column("submitted_by", sa.String(64), nullable=False, index=True),
        sa.Column("received_at", TS, nullable=False),
        sa.Column("status", sa.String(16), nullable=False, index=True),
        sa.Column("claimed_by", sa.String(64)),
        sa.Column("claimed_at", TS),
        sa.Column("final_attribute", sa.String(16)),
        sa.Column("opinion", sa.String(16)),
        sa.Column("basis", sa.Text),
        sa.Column("reason", sa.Text),
        sa.Column("decided_by", sa.String(64)),
        sa.Column("decided_at", TS),
    )
    op.create_table(
        "reports",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"),
                  nullable=False, unique=True),
        sa.Column("decision", sa.String(16), nullable=False, index=True),
        sa.Column("suggested_attribute", sa.String(16), index=True),
        sa.Column("report_json", sa.Text, nullable=False),
        sa.Column("created_at", TS, nullable=False),
    )
    op.create_table(
        "findings",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("report_id", sa.Integer, sa.ForeignKey("reports.id", ondelete="CASCADE"), nullable=False,
                  index=True),
        sa.Column("finding_id", sa.String(16), nullable=False),
        sa.Column("category", sa.String(32), nullable=False),
        sa.Column("group_name", sa.String(32), nullable=False),
        sa.Column("part", sa.String(100)),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("span_sha256", sa.String(64), nullable=False),
        sa.Column("severity", sa.String(16), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("rules", sa.JSON, nullable=False),
        sa.UniqueConstraint("report_id", "finding_id"),
    )
    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("lineage", sa.String(255), nullable=False),
        sa.Column("span_sha256", sa.String(64), nullable=False),
        sa.Column("category", sa.String(32), nullable=False),
        sa.Column("verdict", sa.String(16), nullable=False),
        sa.Column("decided_by", sa.String(64), nullable=False),
        sa.Column("decided_at", TS, nullable=False),
        sa.UniqueConstraint("lineage", "span_sha256", "category"),
    )
    op.create_table(
        "audit_events",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", TS, nullable=False),
        sa.Column("actor", sa.String(64), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("document_id", sa.Integer),
        sa.Column("target", sa.String(100)),
        sa.Column("before", sa.JSON),
        sa.Column("after", sa.JSON),
    )
    op.create_index("ix_audit_document", "audit_events", ["document_id", "id"])


def downgrade() -> None:
    for table in ("audit_events", "decisions", "findings", "reports", "documents", "users"):
        op.drop_table(table)

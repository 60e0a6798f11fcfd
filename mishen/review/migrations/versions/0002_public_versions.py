"""Public versions made at approval, the document date (R3) and the R4 report date.

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("doc_date", sa.String(10)))
        batch.add_column(sa.Column("reported_at", TS))
    op.create_table(
        "public_versions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False,
                  index=True),
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("format", sa.String(16), nullable=False),
        sa.Column("clean", sa.Boolean, nullable=False),
        sa.Column("verification", sa.JSON, nullable=False),
        sa.Column("data", sa.LargeBinary),
        sa.Column("sha256", sa.String(64)),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.Column("created_at", TS, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("public_versions")
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("reported_at")
        batch.drop_column("doc_date")

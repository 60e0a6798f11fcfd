"""Alembic environment: always run from code (mishen.review.db.migrate) with a live connection."""
from __future__ import annotations

from alembic import context

from mishen.review.tables import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()

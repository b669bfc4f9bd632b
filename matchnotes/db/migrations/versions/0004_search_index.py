"""search index: SQLite FTS5 over matches, people, teams, moments, quotes and notes

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24

SQLite only: the FTS5 tables, the triggers that keep them current in every change's own
transaction, and the index filled from the existing rows (matchnotes/db/search.py).
PostgreSQL, or a Python whose SQLite lacks FTS5, gets nothing: the search service then
reads the tables directly (slower, same results), and `matchnotes search --rebuild`
installs the index later.
"""

from alembic import context, op

from matchnotes.db import search

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite" and search.fts5_available(bind):
        search.install(bind, context.config.attributes.get("progress"))


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        search.uninstall(bind)

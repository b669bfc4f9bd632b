"""search on PostgreSQL: tsvector documents with GIN indexes, kept by triggers

Revision ID: 0012_postgres_search
Revises: 0011_author_and_version (re-chained at the merge)
Create Date: 2026-12-06

PostgreSQL only (SQLite keeps its FTS5 index, 0004/0006): the unaccent extension, the
functions that fold a document's text as FTS5 does, one table per kind of the same
documents (names weighted A, other words B), filled from the existing rows, their GIN
indexes, and the triggers that keep them current (matchnotes/db/search_pg.py). The build
reports its progress through the ``progress`` callable in the Alembic config's
attributes, as 0006's does. A server where the extension cannot be created refuses the
upgrade with what to ask its administrator; nothing is changed then.
"""

from alembic import context, op

from matchnotes.db import search_pg

revision = "0012_postgres_search"
down_revision = "0011_author_and_version"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        search_pg.install(bind, context.config.attributes.get("progress"))


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        search_pg.uninstall(bind)  # the LIKE search answers again; unaccent stays

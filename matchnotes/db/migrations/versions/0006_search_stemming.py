"""search words: finished words whole, with their English inflections; names exact

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06

Rebuilds the SQLite FTS5 index (0004) with each document split into ``names`` (people,
teams, venues, competitions: matched exactly) and ``words`` (matched with their English
inflections), so that "penalty" finds "penalties", "harry" does not find Harris and
finished words no longer match as prefixes (matchnotes/db/search.py). The rebuild reports
its progress through the ``progress`` callable in the Alembic config's attributes, when
the opener gives one (the CLI prints it, the window shows it). A database without the
index (PostgreSQL, a Python whose SQLite lacks FTS5) is left as it is, as 0004 left it.
"""

from alembic import context, op

from matchnotes.db import search

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    # 0004 installs the current index: a file upgraded from before it needs no rebuild.
    if search.is_installed(bind) and not search.is_current(bind):
        search.install(bind, context.config.attributes.get("progress"))


def downgrade() -> None:
    # The index is kept: 0005's code reads its title, body, alt, match_id and person_id
    # columns, and its MATCH expressions without column filters search words and names.
    pass

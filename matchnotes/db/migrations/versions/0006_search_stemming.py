"""search stemming: the index's words match whole, with their English inflections

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06

Rebuilds the SQLite FTS5 index (0004) with the porter stemmer over unicode61, so that
"penalty" finds "penalties" while finished words no longer match as prefixes
(matchnotes/db/search.py). The rebuild reports its progress through the ``progress``
callable in the Alembic config's attributes, when the opener gives one (the CLI prints
it, the window shows it). A database without the index (PostgreSQL, a Python whose
SQLite lacks FTS5) is left as it is, as 0004 left it.
"""

from alembic import context, op

from matchnotes.db import search

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

TOKENIZE_0004 = "unicode61 remove_diacritics 2"


def upgrade() -> None:
    bind = op.get_bind()
    # 0004 installs the current index: a file upgraded from before it needs no rebuild.
    if search.is_installed(bind) and search.tokenizer(bind) != search.TOKENIZE:
        search.install(bind, context.config.attributes.get("progress"))


def downgrade() -> None:
    bind = op.get_bind()
    if search.is_installed(bind):
        progress = context.config.attributes.get("progress")
        search.install(bind, progress, tokenize=TOKENIZE_0004)

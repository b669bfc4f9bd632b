"""search on PostgreSQL reads a few hundred rows: id blocks in the documents, a table of words

Revision ID: 0016_search_rows
Revises: 0015
Create Date: 2026-12-07

PostgreSQL only (SQLite's FTS5 index is unchanged): rebuilds 0012's index so that each
document also names the blocks of ids it falls in, and fills ``search_word`` with every
indexed word; the triggers keep both (matchnotes/db/search_pg.py). A search then asks
for its newest blocks first and spells a typed beginning out as the words it starts,
and reads a few hundred rows instead of every hit (issue 18: a median of 390 ms on
``benchmarks/generate.py``'s database). The rebuild reports its progress through the
``progress`` callable in the Alembic config's attributes, as 0012's does. A database
upgraded from before 0012 got this index from 0012 already (it installs the current
one): nothing to do then.
"""

from alembic import context, op

from matchnotes.db import search_pg

revision = "0016_search_rows"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if search_pg.is_installed(bind) and not search_pg.is_current(bind):
        search_pg.install(bind, context.config.attributes.get("progress"))


def downgrade() -> None:
    # The index is kept: 0015's code reads the same tables and columns, finds nothing by
    # the block lexemes (never a searched word, weight D) and never reads search_word;
    # the triggers keep filling it. 0012's downgrade drops it all.
    pass

"""author and version: who logged a moment, quote or note, and a row version for edits

Revision ID: 0011_author_and_version
Revises: 0010
Create Date: 2026-12-06

``author`` (moment, quote, note): the name of whoever logged the row, from their
settings; NULL for every existing row (nobody knows who logged it) and for imports.
``version`` (match, moment, quote, note): starts at 1 and goes up with every edit, so
an edit or delete made from an out-of-date screen is refused instead of silently
overwriting someone else's newer change (services/conflicts.py). Every existing row
starts at version 1.

Plain ADD/DROP COLUMN, not a batch rebuild: rebuilding a table would drop the search
index's triggers on it (0004).
"""

import sqlalchemy as sa
from alembic import op

revision = "0011_author_and_version"
down_revision = "0010"
branch_labels = None
depends_on = None

AUTHORED = ("moment", "quote", "note")
VERSIONED = ("match", "moment", "quote", "note")


def upgrade() -> None:
    for table in AUTHORED:
        op.add_column(table, sa.Column("author", sa.String(), nullable=True))
    for table in VERSIONED:
        op.add_column(table, sa.Column("version", sa.Integer(), nullable=False, server_default="1"))


def downgrade() -> None:
    for table in reversed(VERSIONED):
        op.drop_column(table, "version")
    for table in reversed(AUTHORED):
        op.drop_column(table, "author")

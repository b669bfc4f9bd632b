"""moment logged at: the wall-clock time a live line was typed, and the clock's seconds

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06

A moment logged while the match is live keeps when it was typed (UTC) beside its match
minute; when the running clock gave the minute, ``clock_seconds`` keeps how far into the
period it was, so correcting a period's kick-off time moves that minute with it. Both are
NULL for every existing moment: their minutes were typed or imported.

Plain ADD/DROP COLUMN, not a batch rebuild: rebuilding the table would drop the search
index's triggers on it (0004).
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("moment", sa.Column("logged_at", sa.DateTime(), nullable=True))
    op.add_column("moment", sa.Column("clock_seconds", sa.Integer(), nullable=True))


def downgrade() -> None:
    op.drop_column("moment", "clock_seconds")
    op.drop_column("moment", "logged_at")

"""aliases: the spellings imports use for the user's teams, competitions and stages

Revision ID: 0014_aliases
Revises: 0013_change_notify (re-chained at the merge: 0011 → 0012 → 0013 → 0014 → 0015)
Create Date: 2026-12-06

A new table only; existing rows are untouched and no alias is known until an import
meets one (an import never renames the user's rows: it learns their other spelling).
"""

import sqlalchemy as sa
from alembic import op

revision = "0014_aliases"
down_revision = "0013_change_notify"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "alias",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("spelling", sa.String(), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=True),
        sa.Column("target_name", sa.String(), nullable=True),
        sa.UniqueConstraint("kind", "key"),
    )


def downgrade() -> None:
    op.drop_table("alias")

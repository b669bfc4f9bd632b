"""change history: every user change with its rows before and after, for undo and redo

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06

A new table only; existing rows are untouched and the history starts empty (what was
done before the upgrade cannot be undone, as before).
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "change",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("author", sa.String(), nullable=False),
        sa.Column("summary", sa.String(), nullable=False),
        sa.Column("match_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=True),
        sa.Column("undone", sa.Boolean(), nullable=False),
        sa.Column("rows", sa.String(), nullable=False),
    )
    op.create_index("ix_change_at", "change", ["at"])
    op.create_index("ix_change_match_id", "change", ["match_id"])


def downgrade() -> None:
    op.drop_index("ix_change_match_id", table_name="change")
    op.drop_index("ix_change_at", table_name="change")
    op.drop_table("change")

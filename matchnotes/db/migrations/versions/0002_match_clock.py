"""match clock: the live clock's state is stored on the match

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24

The clock must survive a restart of the app, so its state lives in the database,
not in memory. Existing matches get no running clock.
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

PERIODS = ("1H", "2H", "ET1", "ET2", "PSO")


def upgrade() -> None:
    with op.batch_alter_table("match", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "clock_period",
                sa.Enum(*PERIODS, name="period", native_enum=False, length=32),
                nullable=True,
            )
        )
        batch_op.add_column(sa.Column("clock_started_at", sa.DateTime(timezone=True)))
        batch_op.add_column(sa.Column("clock_paused_at", sa.DateTime(timezone=True)))
        batch_op.add_column(
            sa.Column("clock_adjust_seconds", sa.Integer(), nullable=False, server_default="0")
        )


def downgrade() -> None:
    with op.batch_alter_table("match", schema=None) as batch_op:
        batch_op.drop_column("clock_adjust_seconds")
        batch_op.drop_column("clock_paused_at")
        batch_op.drop_column("clock_started_at")
        batch_op.drop_column("clock_period")

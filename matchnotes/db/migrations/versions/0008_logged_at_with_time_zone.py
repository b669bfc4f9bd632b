"""moment.logged_at keeps its time zone on PostgreSQL, like every other timestamp

Revision ID: 0008
Revises: 0006
Create Date: 2026-12-06

0005 added the column as a timestamp without time zone, while the model (and every
other timestamp since 0001) has one. On PostgreSQL a UTC instant written there was turned
into the session's local time and read back as if it were UTC. The conversion below reads
the stored values in the server's time zone, which is how they were written. SQLite has
no such types: nothing changes there (and no table rebuild drops the search triggers).
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.alter_column(
            "moment", "logged_at", type_=sa.DateTime(timezone=True),
            existing_type=sa.DateTime(), existing_nullable=True,
        )  # fmt: skip


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.alter_column(
            "moment", "logged_at", type_=sa.DateTime(),
            existing_type=sa.DateTime(timezone=True), existing_nullable=True,
        )  # fmt: skip

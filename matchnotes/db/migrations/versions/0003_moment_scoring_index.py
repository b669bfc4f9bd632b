"""moment scoring index: the matches list derives every score from one index-only scan

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_moment_scoring", "moment", ["kind", "match_id", "period", "team_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_moment_scoring", table_name="moment")

"""career baseline and match draft: a person's caps and goals for a team before the
database; a match's report draft

Revision ID: 0009
Revises: 0008 (written on 0005; re-chained after 0006 and 0008 at the merge)
Create Date: 2026-12-06

New tables only; no existing row changes. Tallies add the baseline to what is logged
after its date ("his 53rd goal for England"); ``match_draft`` keeps a match's report
draft (sentences, sources, the reporter's edits) as JSON text.
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "career_baseline",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "person_id",
            sa.Integer(),
            sa.ForeignKey("person.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "team_id", sa.Integer(), sa.ForeignKey("team.id", ondelete="RESTRICT"), nullable=False
        ),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("caps", sa.Integer(), nullable=True),
        sa.Column("goals", sa.Integer(), nullable=True),
        sa.CheckConstraint("caps IS NULL OR caps >= 0", name="ck_baseline_caps"),
        sa.CheckConstraint("goals IS NULL OR goals >= 0", name="ck_baseline_goals"),
        sa.UniqueConstraint("person_id", "team_id"),
    )
    op.create_index("ix_career_baseline_person_id", "career_baseline", ["person_id"])
    op.create_index("ix_career_baseline_team_id", "career_baseline", ["team_id"])
    op.create_table(
        "match_draft",
        sa.Column(
            "match_id",
            sa.Integer(),
            sa.ForeignKey("match.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("body", sa.String(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("match_draft")
    op.drop_index("ix_career_baseline_team_id", "career_baseline")
    op.drop_index("ix_career_baseline_person_id", "career_baseline")
    op.drop_table("career_baseline")

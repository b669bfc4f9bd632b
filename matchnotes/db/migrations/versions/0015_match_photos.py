"""match photos: photos and ticket scans attached to a match, their downscaled copies
kept in the database

Revision ID: 0015
Revises: 0014_aliases (re-chained at the merge after the other revisions of this session)
Create Date: 2026-12-06

New tables only; no existing row changes. ``photo_blob`` holds each downscaled copy
once (named by its SHA-256); ``match_photo`` attaches one to a match.
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014_aliases"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "photo_blob",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("image", sa.LargeBinary(), nullable=False),
        sa.Column("thumbnail", sa.LargeBinary(), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
    )
    op.create_table(
        "match_photo",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "match_id", sa.Integer(), sa.ForeignKey("match.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("caption", sa.String(), nullable=True),
        sa.Column("original_path", sa.String(), nullable=True),
        sa.Column(
            "blob_sha256",
            sa.String(64),
            sa.ForeignKey("photo_blob.sha256", ondelete="RESTRICT"),
            nullable=False,
        ),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_match_photo_match_id", "match_photo", ["match_id"])


def downgrade() -> None:
    op.drop_index("ix_match_photo_match_id", "match_photo")
    op.drop_table("match_photo")
    op.drop_table("photo_blob")

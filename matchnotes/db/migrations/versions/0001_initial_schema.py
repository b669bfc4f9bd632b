"""initial schema

Revision ID: 0001
Revises: (none, the first schema)
Create Date: 2026-11-24 12:05:50.065039
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "competition",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("name_key", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name_key"),
    )
    op.create_table(
        "person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("name_key", sa.String(), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "player",
                "manager",
                "referee",
                "other",
                name="personrole",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("shirt_number", sa.Integer(), nullable=True),
        sa.Column("position", sa.String(), nullable=True),
        sa.Column("nationality", sa.String(), nullable=True),
        sa.Column("club", sa.String(), nullable=True),
        sa.Column("date_of_birth", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_name_key"), ["name_key"], unique=False)

    op.create_table(
        "tag",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("name_key", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name_key"),
    )
    op.create_table(
        "team",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("name_key", sa.String(), nullable=False),
        sa.Column("code", sa.String(), nullable=True),
        sa.Column("country", sa.String(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name_key"),
    )
    op.create_table(
        "venue",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("name_key", sa.String(), nullable=False),
        sa.Column("city", sa.String(), nullable=True),
        sa.Column("country", sa.String(), nullable=True),
        sa.Column("capacity", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name_key", "city"),
    )
    with op.batch_alter_table("venue", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_venue_name_key"), ["name_key"], unique=False)

    op.create_table(
        "season",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("competition_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["competition_id"], ["competition.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("competition_id", "name"),
    )
    with op.batch_alter_table("season", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_season_competition_id"), ["competition_id"], unique=False
        )

    op.create_table(
        "match",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("season_id", sa.Integer(), nullable=True),
        sa.Column("stage", sa.String(), nullable=True),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("kickoff_time", sa.Time(), nullable=True),
        sa.Column("venue_id", sa.Integer(), nullable=True),
        sa.Column("home_team_id", sa.Integer(), nullable=False),
        sa.Column("away_team_id", sa.Integer(), nullable=False),
        sa.Column("home_score_override", sa.Integer(), nullable=True),
        sa.Column("away_score_override", sa.Integer(), nullable=True),
        sa.Column(
            "decided_by",
            sa.Enum(
                "regular", "extra_time", "penalties", name="decision", native_enum=False, length=32
            ),
            nullable=False,
        ),
        sa.Column("home_penalties", sa.Integer(), nullable=True),
        sa.Column("away_penalties", sa.Integer(), nullable=True),
        sa.Column("referee_id", sa.Integer(), nullable=True),
        sa.Column("attendance", sa.Integer(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "scheduled", "live", "finished", name="matchstatus", native_enum=False, length=32
            ),
            nullable=False,
        ),
        sa.Column(
            "fan_attendance",
            sa.Enum("none", "attended", "watched", name="attendance", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("watched_where", sa.String(), nullable=True),
        sa.Column("rating", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "(home_penalties IS NULL) = (away_penalties IS NULL)", name="ck_match_penalties_pair"
        ),
        sa.CheckConstraint(
            "(home_score_override IS NULL) = (away_score_override IS NULL)",
            name="ck_match_override_pair",
        ),
        sa.CheckConstraint("attendance IS NULL OR attendance >= 0", name="ck_match_attendance"),
        sa.CheckConstraint("home_team_id <> away_team_id", name="ck_match_distinct_teams"),
        sa.CheckConstraint("rating IS NULL OR (rating BETWEEN 0 AND 10)", name="ck_match_rating"),
        sa.ForeignKeyConstraint(["away_team_id"], ["team.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["home_team_id"], ["team.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["referee_id"], ["person.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["season_id"], ["season.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["venue_id"], ["venue.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("match", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_match_away_team_id"), ["away_team_id"], unique=False)
        batch_op.create_index("ix_match_date", ["date", "kickoff_time"], unique=False)
        batch_op.create_index(batch_op.f("ix_match_home_team_id"), ["home_team_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_match_referee_id"), ["referee_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_match_season_id"), ["season_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_match_venue_id"), ["venue_id"], unique=False)

    op.create_table(
        "lineup_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("match_id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "starter", "substitute", "manager", name="lineuprole", native_enum=False, length=32
            ),
            nullable=False,
        ),
        sa.Column("shirt_number", sa.Integer(), nullable=True),
        sa.Column("position", sa.String(), nullable=True),
        sa.Column("captain", sa.Boolean(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["match_id"], ["match.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["team_id"], ["team.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("match_id", "person_id"),
    )
    with op.batch_alter_table("lineup_entry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_lineup_entry_match_id"), ["match_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_lineup_entry_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_lineup_entry_team_id"), ["team_id"], unique=False)

    op.create_table(
        "match_tag",
        sa.Column("match_id", sa.Integer(), nullable=False),
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["match_id"], ["match.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["tag_id"], ["tag.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("match_id", "tag_id"),
    )
    with op.batch_alter_table("match_tag", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_match_tag_tag_id"), ["tag_id"], unique=False)

    op.create_table(
        "moment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("match_id", sa.Integer(), nullable=False),
        sa.Column(
            "period",
            sa.Enum("1H", "2H", "ET1", "ET2", "PSO", name="period", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("minute", sa.Integer(), nullable=False),
        sa.Column("stoppage", sa.Integer(), nullable=False),
        sa.Column("sort_key", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "goal",
                "penalty_goal",
                "penalty_missed",
                "penalty_saved",
                "penalty_awarded",
                "own_goal",
                "yellow",
                "second_yellow",
                "red",
                "substitution",
                "var",
                "chance",
                "save",
                "injury",
                "note",
                name="momentkind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("team_id", sa.Integer(), nullable=True),
        sa.Column("player_id", sa.Integer(), nullable=True),
        sa.Column("related_player_id", sa.Integer(), nullable=True),
        sa.Column("description", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("minute >= 0 AND minute <= 200", name="ck_moment_minute"),
        sa.CheckConstraint("stoppage >= 0 AND stoppage <= 60", name="ck_moment_stoppage"),
        sa.ForeignKeyConstraint(["match_id"], ["match.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["player_id"], ["person.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["related_player_id"], ["person.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["team_id"], ["team.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("moment", schema=None) as batch_op:
        batch_op.create_index("ix_moment_match_order", ["match_id", "sort_key", "id"], unique=False)
        batch_op.create_index(batch_op.f("ix_moment_player_id"), ["player_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_moment_related_player_id"), ["related_player_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_moment_team_id"), ["team_id"], unique=False)

    op.create_table(
        "note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("match_id", sa.Integer(), nullable=True),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "match_id IS NOT NULL OR person_id IS NOT NULL", name="ck_note_has_subject"
        ),
        sa.ForeignKeyConstraint(["match_id"], ["match.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("note", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_note_match_id"), ["match_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_note_person_id"), ["person_id"], unique=False)

    op.create_table(
        "quote",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("match_id", sa.Integer(), nullable=False),
        sa.Column("moment_id", sa.Integer(), nullable=True),
        sa.Column("speaker_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column(
            "context",
            sa.Enum(
                "post_match_interview",
                "press_conference",
                "mixed_zone",
                "pre_match",
                "other",
                name="quotecontext",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("place", sa.String(), nullable=True),
        sa.Column("said_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("source", sa.String(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["match_id"], ["match.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["moment_id"], ["moment.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["speaker_id"], ["person.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("quote", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_quote_match_id"), ["match_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_quote_moment_id"), ["moment_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_quote_speaker_id"), ["speaker_id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("quote", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_quote_speaker_id"))
        batch_op.drop_index(batch_op.f("ix_quote_moment_id"))
        batch_op.drop_index(batch_op.f("ix_quote_match_id"))

    op.drop_table("quote")
    with op.batch_alter_table("note", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_note_person_id"))
        batch_op.drop_index(batch_op.f("ix_note_match_id"))

    op.drop_table("note")
    with op.batch_alter_table("moment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_moment_team_id"))
        batch_op.drop_index(batch_op.f("ix_moment_related_player_id"))
        batch_op.drop_index(batch_op.f("ix_moment_player_id"))
        batch_op.drop_index("ix_moment_match_order")

    op.drop_table("moment")
    with op.batch_alter_table("match_tag", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_match_tag_tag_id"))

    op.drop_table("match_tag")
    with op.batch_alter_table("lineup_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_lineup_entry_team_id"))
        batch_op.drop_index(batch_op.f("ix_lineup_entry_person_id"))
        batch_op.drop_index(batch_op.f("ix_lineup_entry_match_id"))

    op.drop_table("lineup_entry")
    with op.batch_alter_table("match", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_match_venue_id"))
        batch_op.drop_index(batch_op.f("ix_match_season_id"))
        batch_op.drop_index(batch_op.f("ix_match_referee_id"))
        batch_op.drop_index(batch_op.f("ix_match_home_team_id"))
        batch_op.drop_index("ix_match_date")
        batch_op.drop_index(batch_op.f("ix_match_away_team_id"))

    op.drop_table("match")
    with op.batch_alter_table("season", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_season_competition_id"))

    op.drop_table("season")
    with op.batch_alter_table("venue", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_venue_name_key"))

    op.drop_table("venue")
    op.drop_table("team")
    op.drop_table("tag")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_name_key"))

    op.drop_table("person")
    op.drop_table("competition")

"""SQLModel tables: the stored vocabulary of the whole app (enums in enums.py).

Naming: every table is singular snake_case. Text a user typed keeps its accents
and case; columns ending in ``_key`` hold the folded form (see ``text.fold``) that
lookups and uniqueness use, so "Tchouameni" finds "Tchouaméni".

The schema itself is created and upgraded by Alembic
(``matchnotes/db/migrations``); these classes must stay in step with the newest
revision, which a test checks.
"""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import (
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    UniqueConstraint,
)
from sqlalchemy import Enum as SAEnum
from sqlmodel import Field, SQLModel

from matchnotes.enums import (
    Attendance,
    Decision,
    LineupRole,
    MatchStatus,
    MomentKind,
    Period,
    PersonRole,
    PhotoKind,
    QuoteContext,
)


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# The enums live in matchnotes/enums.py.


# --- tables ----------------------------------------------------------------------


def _enum(cls: type[enum.StrEnum]) -> SAEnum:
    """Store an enum as its value in a plain VARCHAR.

    Not a native PostgreSQL ENUM and no CHECK: a later version can add a kind
    without a table rebuild, and the same schema runs on SQLite and PostgreSQL.
    """
    return SAEnum(
        cls,
        native_enum=False,
        create_constraint=False,
        length=32,
        values_callable=lambda members: [m.value for m in members],
    )


def _version() -> Column[int]:
    """A row's version (schema 0011): 1 when written, one more on every ORM update.

    The mapper's ``version_id_col``: SQLAlchemy writes ``WHERE version = :seen`` and
    checks the row count, so two writers racing on a server cannot both win; the
    services also compare it with the version the user's screen showed
    (services/conflicts.py)."""
    return Column("version", Integer, nullable=False, server_default="1")


_MATCH_VERSION, _MOMENT_VERSION, _QUOTE_VERSION, _NOTE_VERSION = (_version() for _ in range(4))
_PERSON_VERSION, _TEAM_VERSION, _LINEUP_VERSION = (_version() for _ in range(3))  # schema 0017


def _fk(target: str, *, ondelete: str, nullable: bool, index: bool = True) -> Column[int]:
    """A foreign-key column; SQLite enforces it because db/engine.py turns foreign_keys on."""
    return Column(Integer, ForeignKey(target, ondelete=ondelete), nullable=nullable, index=index)


class Competition(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(min_length=1)
    name_key: str = Field(unique=True)


class Season(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("competition_id", "name"),)

    id: int | None = Field(default=None, primary_key=True)
    competition_id: int = Field(sa_column=_fk("competition.id", ondelete="CASCADE", nullable=False))
    name: str  # "2022", "2023-24"


class Team(SQLModel, table=True):
    __mapper_args__ = {"version_id_col": _TEAM_VERSION}

    id: int | None = Field(default=None, primary_key=True)
    name: str
    name_key: str = Field(unique=True)
    code: str | None = None  # "ENG", used in quick entry ("ENG#9")
    country: str | None = None
    version: int = Field(default=1, sa_column=_TEAM_VERSION)


class Venue(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("name_key", "city"),)

    id: int | None = Field(default=None, primary_key=True)
    name: str
    name_key: str = Field(index=True)
    city: str | None = None
    country: str | None = None
    capacity: int | None = None


class Person(SQLModel, table=True):
    # Two people may share a name, so name_key is indexed, not unique.
    __mapper_args__ = {"version_id_col": _PERSON_VERSION}

    id: int | None = Field(default=None, primary_key=True)
    name: str
    name_key: str = Field(index=True)
    role: PersonRole = Field(default=PersonRole.PLAYER, sa_type=_enum(PersonRole), nullable=False)
    shirt_number: int | None = None  # usual number; a match's line-up may differ
    position: str | None = None
    nationality: str | None = None
    club: str | None = None
    date_of_birth: dt.date | None = None
    version: int = Field(default=1, sa_column=_PERSON_VERSION)


class CareerBaseline(SQLModel, table=True):
    """What a person did for a team before the database knows (schema 0009).

    Caps and goals up to and including ``as_of``; tallies add what is logged in
    matches after that date, so "his 53rd goal for England" counts both.
    """

    __tablename__ = "career_baseline"
    __table_args__ = (
        UniqueConstraint("person_id", "team_id"),
        CheckConstraint("caps IS NULL OR caps >= 0", name="ck_baseline_caps"),
        CheckConstraint("goals IS NULL OR goals >= 0", name="ck_baseline_goals"),
    )

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(sa_column=_fk("person.id", ondelete="CASCADE", nullable=False))
    team_id: int = Field(sa_column=_fk("team.id", ondelete="RESTRICT", nullable=False))
    as_of: dt.date
    caps: int | None = None  # None: not known (a goals-only record is common)
    goals: int | None = None


class Match(SQLModel, table=True):
    __table_args__ = (
        CheckConstraint("home_team_id <> away_team_id", name="ck_match_distinct_teams"),
        CheckConstraint("rating IS NULL OR (rating BETWEEN 0 AND 10)", name="ck_match_rating"),
        CheckConstraint("attendance IS NULL OR attendance >= 0", name="ck_match_attendance"),
        CheckConstraint(
            "(home_score_override IS NULL) = (away_score_override IS NULL)",
            name="ck_match_override_pair",
        ),
        CheckConstraint(
            "(home_penalties IS NULL) = (away_penalties IS NULL)",
            name="ck_match_penalties_pair",
        ),
        Index("ix_match_date", "date", "kickoff_time"),
    )
    __mapper_args__ = {"version_id_col": _MATCH_VERSION}

    id: int | None = Field(default=None, primary_key=True)
    season_id: int | None = Field(
        default=None, sa_column=_fk("season.id", ondelete="SET NULL", nullable=True)
    )
    stage: str | None = None  # "Quarter-final", "Group B", "Matchday 12"
    date: dt.date
    kickoff_time: dt.time | None = None  # local time at the venue
    venue_id: int | None = Field(
        default=None, sa_column=_fk("venue.id", ondelete="SET NULL", nullable=True)
    )
    home_team_id: int = Field(sa_column=_fk("team.id", ondelete="RESTRICT", nullable=False))
    away_team_id: int = Field(sa_column=_fk("team.id", ondelete="RESTRICT", nullable=False))
    # The score normally comes from the goals logged; these override it for
    # matches logged without moments (e.g. a result typed in years later).
    home_score_override: int | None = None
    away_score_override: int | None = None
    decided_by: Decision = Field(default=Decision.REGULAR, sa_type=_enum(Decision), nullable=False)
    # Shoot-out result when the kicks were not logged one by one.
    home_penalties: int | None = None
    away_penalties: int | None = None
    referee_id: int | None = Field(
        default=None, sa_column=_fk("person.id", ondelete="SET NULL", nullable=True)
    )
    attendance: int | None = None
    status: MatchStatus = Field(
        default=MatchStatus.SCHEDULED, sa_type=_enum(MatchStatus), nullable=False
    )
    # The fan's diary.
    fan_attendance: Attendance = Field(
        default=Attendance.NONE, sa_type=_enum(Attendance), nullable=False
    )
    watched_where: str | None = None
    rating: int | None = None
    # The live match clock (schema 0002), stored so that it survives a restart:
    # the period running now, when it started, and any pause or manual correction.
    clock_period: Period | None = Field(default=None, sa_type=_enum(Period), nullable=True)
    clock_started_at: dt.datetime | None = None
    clock_paused_at: dt.datetime | None = None
    clock_adjust_seconds: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    created_at: dt.datetime = Field(default_factory=_utcnow)
    updated_at: dt.datetime = Field(default_factory=_utcnow)
    version: int = Field(default=1, sa_column=_MATCH_VERSION)


class LineupEntry(SQLModel, table=True):
    __tablename__ = "lineup_entry"
    __table_args__ = (UniqueConstraint("match_id", "person_id"),)
    __mapper_args__ = {"version_id_col": _LINEUP_VERSION}

    id: int | None = Field(default=None, primary_key=True)
    match_id: int = Field(sa_column=_fk("match.id", ondelete="CASCADE", nullable=False))
    team_id: int = Field(sa_column=_fk("team.id", ondelete="RESTRICT", nullable=False))
    person_id: int = Field(sa_column=_fk("person.id", ondelete="RESTRICT", nullable=False))
    role: LineupRole = Field(default=LineupRole.STARTER, sa_type=_enum(LineupRole), nullable=False)
    shirt_number: int | None = None
    position: str | None = None
    captain: bool = False
    sort_order: int = 0  # the order the line-up is written in (goalkeeper first)
    version: int = Field(default=1, sa_column=_LINEUP_VERSION)


class Moment(SQLModel, table=True):
    """A key moment. ``minute``/``stoppage`` store 45+2 as (45, 2).

    ``player_id`` is the main actor (scorer, booked player, player coming on,
    penalty taker); ``related_player_id`` is the second one, whose meaning
    follows from the kind: the assist of a goal, the player fouled for a
    penalty, the player going off in a substitution.
    ``sort_key`` orders moments across periods with one indexed integer
    (see ``minutes.sort_key``); the service keeps it in step.
    """

    __table_args__ = (
        CheckConstraint("minute >= 0 AND minute <= 200", name="ck_moment_minute"),
        CheckConstraint("stoppage >= 0 AND stoppage <= 60", name="ck_moment_stoppage"),
        Index("ix_moment_match_order", "match_id", "sort_key", "id"),
        # Covers the score query of the matches list (schema 0003): an index-only scan
        # of the goals instead of reading every moment of the archive.
        Index("ix_moment_scoring", "kind", "match_id", "period", "team_id"),
    )
    __mapper_args__ = {"version_id_col": _MOMENT_VERSION}

    id: int | None = Field(default=None, primary_key=True)
    match_id: int = Field(
        sa_column=_fk("match.id", ondelete="CASCADE", nullable=False, index=False)
    )
    period: Period = Field(sa_type=_enum(Period), nullable=False)
    minute: int
    stoppage: int = 0
    sort_key: int
    kind: MomentKind = Field(sa_type=_enum(MomentKind), nullable=False)
    team_id: int | None = Field(
        default=None, sa_column=_fk("team.id", ondelete="RESTRICT", nullable=True)
    )
    player_id: int | None = Field(
        default=None, sa_column=_fk("person.id", ondelete="RESTRICT", nullable=True)
    )
    related_player_id: int | None = Field(
        default=None, sa_column=_fk("person.id", ondelete="RESTRICT", nullable=True)
    )
    description: str = ""
    created_at: dt.datetime = Field(default_factory=_utcnow)
    # Live logging (schema 0005): when the line was typed (UTC) if the match was live,
    # and, when the running clock gave the minute, how many seconds into the period it
    # was, so that a corrected kick-off time moves the minute. None: a typed minute.
    logged_at: dt.datetime | None = None
    clock_seconds: int | None = None
    # Who logged it (schema 0011): the name in their settings; None: imported or older.
    author: str | None = None
    version: int = Field(default=1, sa_column=_MOMENT_VERSION)


class Quote(SQLModel, table=True):
    __mapper_args__ = {"version_id_col": _QUOTE_VERSION}

    id: int | None = Field(default=None, primary_key=True)
    match_id: int = Field(sa_column=_fk("match.id", ondelete="CASCADE", nullable=False))
    moment_id: int | None = Field(
        default=None, sa_column=_fk("moment.id", ondelete="SET NULL", nullable=True)
    )
    speaker_id: int = Field(sa_column=_fk("person.id", ondelete="RESTRICT", nullable=False))
    text: str = Field(min_length=1)
    context: QuoteContext = Field(
        default=QuoteContext.POST_MATCH_INTERVIEW, sa_type=_enum(QuoteContext), nullable=False
    )
    place: str | None = None
    said_at: dt.datetime | None = None
    source: str | None = None
    created_at: dt.datetime = Field(default_factory=_utcnow)
    author: str | None = None  # who logged it (schema 0011)
    version: int = Field(default=1, sa_column=_QUOTE_VERSION)


class Note(SQLModel, table=True):
    """Free notes: on a match (the fan's diary entry, the reporter's scraps) or a person."""

    __table_args__ = (
        CheckConstraint(
            "match_id IS NOT NULL OR person_id IS NOT NULL", name="ck_note_has_subject"
        ),
    )
    __mapper_args__ = {"version_id_col": _NOTE_VERSION}

    id: int | None = Field(default=None, primary_key=True)
    match_id: int | None = Field(
        default=None, sa_column=_fk("match.id", ondelete="CASCADE", nullable=True)
    )
    person_id: int | None = Field(
        default=None, sa_column=_fk("person.id", ondelete="CASCADE", nullable=True)
    )
    text: str
    created_at: dt.datetime = Field(default_factory=_utcnow)
    updated_at: dt.datetime = Field(default_factory=_utcnow)
    author: str | None = None  # who wrote it (schema 0011)
    version: int = Field(default=1, sa_column=_NOTE_VERSION)


class MatchDraft(SQLModel, table=True):
    """The report draft of a match (schema 0009): its sentences, sources and the
    reporter's edits as JSON (``draft/model.py``), saved on every change."""

    __tablename__ = "match_draft"

    match_id: int = Field(
        sa_column=Column(Integer, ForeignKey("match.id", ondelete="CASCADE"), primary_key=True)
    )
    body: str
    updated_at: dt.datetime = Field(default_factory=_utcnow)


class Tag(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str
    name_key: str = Field(unique=True)


class MatchTag(SQLModel, table=True):
    __tablename__ = "match_tag"

    match_id: int = Field(
        sa_column=Column(Integer, ForeignKey("match.id", ondelete="CASCADE"), primary_key=True)
    )
    tag_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True, index=True
        )
    )


class Change(SQLModel, table=True):
    """One entry of the change history (schema 0010): what a user change did to the rows.

    ``rows`` is JSON: a list of ``{"table", "key", "before", "after"}`` row images in the
    order they were written (``before`` None: inserted, ``after`` None: deleted), so an
    undo replays them backwards and a redo forwards. ``kind`` is "change", "import" (a
    bulk write, recorded without rows: not undoable row by row), "undo" or "redo"
    (``target_id`` names the change). No foreign key to the match: the history of a
    deleted match stays readable.
    """

    id: int | None = Field(default=None, primary_key=True)
    at: dt.datetime = Field(default_factory=_utcnow, index=True)
    author: str = ""
    summary: str
    match_id: int | None = Field(default=None, index=True)
    kind: str = Field(default="change", max_length=16)
    target_id: int | None = None
    undone: bool = False
    rows: str = "[]"


class PhotoBlob(SQLModel, table=True):
    """A photo's downscaled copy, kept with the database so backups and copies carry it
    (schema 0015). Named by its SHA-256, stored once however often it is attached, and
    outside the change history: undoing a removed photo needs its bytes, which stay."""

    __tablename__ = "photo_blob"

    sha256: str = Field(primary_key=True, max_length=64)
    image: bytes = Field(sa_column=Column(LargeBinary, nullable=False))  # JPEG, ≤ 1600 px
    thumbnail: bytes = Field(sa_column=Column(LargeBinary, nullable=False))  # JPEG, ≤ 256 px
    width: int
    height: int


class MatchPhoto(SQLModel, table=True):
    """A photo or ticket scan attached to a match; the original file stays where it was
    (``original_path`` says where, for the fan's own reference)."""

    __tablename__ = "match_photo"

    id: int | None = Field(default=None, primary_key=True)
    match_id: int = Field(sa_column=_fk("match.id", ondelete="CASCADE", nullable=False))
    kind: PhotoKind = Field(sa_type=_enum(PhotoKind), nullable=False)
    caption: str | None = None
    original_path: str | None = None
    blob_sha256: str = Field(
        sa_column=Column(
            String(64), ForeignKey("photo_blob.sha256", ondelete="RESTRICT"), nullable=False
        )
    )
    added_at: dt.datetime = Field(default_factory=_utcnow)


class Alias(SQLModel, table=True):
    """A spelling an import uses for a row the user named otherwise (schema 0014).

    "World Cup" in an openfootball file is the user's "FIFA World Cup", "United States"
    in the international archive the user's "USA": imports find the user's row through
    this table and never rename it. ``kind`` is "team", "competition" or "stage";
    ``key`` the folded spelling (``text.fold``), ``spelling`` as the import wrote it.
    A team or competition alias points at ``target_id``; a stage (free text on the
    match) maps to ``target_name``, the user's words. No foreign key, since the target
    table depends on the kind: a lookup ignores an alias whose target is gone.
    """

    __table_args__ = (UniqueConstraint("kind", "key"),)

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=16)
    key: str
    spelling: str
    target_id: int | None = None
    target_name: str | None = None

"""Plain records the parsers produce and the import service writes: no database here.

Names are as the file spells them (capitals already softened, see ``names``); the
service finds or creates the people, teams and venues they name.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from matchnotes.enums import Decision, LineupRole, MatchStatus, MomentKind, PersonRole
from matchnotes.io.errors import Problem
from matchnotes.minutes import Minute

Side = Literal["home", "away"]


def other(side: Side) -> Side:
    return "away" if side == "home" else "home"


@dataclass(frozen=True)
class GoalRecord:
    """A goal as listed: ``side`` is the side it counted for (own goals included)."""

    side: Side
    name: str
    minute: Minute
    kind: MomentKind = MomentKind.GOAL  # GOAL, PENALTY_GOAL or OWN_GOAL


@dataclass(frozen=True)
class EventRecord:
    """A booking or substitution; for a substitution ``player`` comes on for ``related``."""

    side: Side
    kind: MomentKind
    minute: Minute
    player: str
    related: str | None = None


@dataclass(frozen=True)
class KickRecord:
    """One shoot-out kick in kicking order; ``side`` None when the file does not say."""

    side: Side | None
    name: str
    kind: MomentKind  # PENALTY_GOAL, PENALTY_MISSED or PENALTY_SAVED


@dataclass(frozen=True)
class LineupRecord:
    side: Side
    name: str
    role: LineupRole = LineupRole.STARTER
    captain: bool = False
    position: str | None = None
    shirt_number: int | None = None


# Match fields a secondary source (Football.TXT on top of football.json) may only fill
# in when the match is new, never overwrite.
DESCRIPTIVE = frozenset(
    {"kickoff_time", "stage", "venue", "competition", "score", "status", "decided_by", "goals"}
)


@dataclass(slots=True)  # a big CSV holds hundreds of thousands: no __dict__ each
class MatchRecord:
    """One match; None means "the file says nothing about it" (left as it is)."""

    where: str  # "matches[12]" or "line 34", for messages
    date: dt.date
    home: str
    away: str
    kickoff_time: dt.time | None = None
    competition: str | None = None
    season: str | None = None
    stage: str | None = None
    venue: str | None = None
    venue_city: str | None = None
    referee: str | None = None
    attendance: int | None = None
    status: MatchStatus | None = None
    score: tuple[int, int] | None = None  # final score, after extra time
    decided_by: Decision | None = None
    penalties: tuple[int, int] | None = None
    goals: list[GoalRecord] | None = None  # None: the file lists no goals at all
    lineups: list[LineupRecord] = field(default_factory=list)
    events: list[EventRecord] = field(default_factory=list)
    kicks: list[KickRecord] = field(default_factory=list)
    fill_only: frozenset[str] = frozenset()  # fields from DESCRIPTIVE this source only fills


@dataclass(frozen=True, slots=True)
class PersonRecord:
    where: str
    name: str
    role: PersonRole | None = None
    team: str | None = None  # the squad they belong to (helps tell namesakes apart)
    shirt_number: int | None = None
    position: str | None = None
    nationality: str | None = None
    club: str | None = None
    date_of_birth: dt.date | None = None


@dataclass
class ParsedFile:
    format: str
    source: str
    matches: list[MatchRecord] = field(default_factory=list)
    people: list[PersonRecord] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)  # bad records left out on request

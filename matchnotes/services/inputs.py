"""What the forms hand to the services: plain dataclasses and the rules' constants.

Apart from the service modules so that the screens can build them without loading
SQLAlchemy (the window paints before the database stack has loaded).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from matchnotes.enums import (
    Attendance,
    Decision,
    LineupRole,
    MatchStatus,
    MomentKind,
    PersonRole,
    QuoteContext,
)
from matchnotes.minutes import Minute


@dataclass
class MatchInput:
    """Everything a user types into the match form; names are found or created."""

    home: str
    away: str
    date: dt.date
    kickoff_time: dt.time | None = None
    competition: str | None = None
    season: str | None = None
    stage: str | None = None
    venue: str | None = None
    venue_city: str | None = None
    referee: str | None = None
    attendance: int | None = None
    status: MatchStatus = MatchStatus.SCHEDULED
    score_override: tuple[int, int] | None = None
    decided_by: Decision = Decision.REGULAR
    penalties: tuple[int, int] | None = None
    fan_attendance: Attendance = Attendance.NONE
    watched_where: str | None = None
    rating: int | None = None
    tags: tuple[str, ...] = ()


# Kinds that name a player, and kinds that need one.
NEEDS_PLAYER = frozenset(
    {
        MomentKind.GOAL,
        MomentKind.PENALTY_GOAL,
        MomentKind.PENALTY_MISSED,
        MomentKind.PENALTY_SAVED,
        MomentKind.OWN_GOAL,
        MomentKind.YELLOW,
        MomentKind.SECOND_YELLOW,
        MomentKind.RED,
        MomentKind.SUBSTITUTION,
    }
)
SHOOTOUT_KINDS = frozenset(
    {MomentKind.PENALTY_GOAL, MomentKind.PENALTY_MISSED, MomentKind.PENALTY_SAVED}
)
# What the second player of a moment is, by kind (for forms and reports).
RELATED_ROLE = {
    MomentKind.GOAL: "assist",
    MomentKind.PENALTY_GOAL: "won by",
    MomentKind.PENALTY_MISSED: "won by",
    MomentKind.PENALTY_SAVED: "won by",
    MomentKind.PENALTY_AWARDED: "won by",
    MomentKind.SUBSTITUTION: "for",
    MomentKind.YELLOW: "foul on",
    MomentKind.SECOND_YELLOW: "foul on",
    MomentKind.RED: "foul on",
}


@dataclass
class MomentInput:
    minute: Minute
    kind: MomentKind
    player_id: int | None = None
    related_player_id: int | None = None
    team_id: int | None = None  # derived from the player's line-up entry when omitted
    description: str = ""


POSITIONS = ("GK", "DF", "MF", "FW")


@dataclass
class LineupInput:
    team_id: int
    person: str | int  # a name (found or created) or a person id
    role: LineupRole = LineupRole.STARTER
    shirt_number: int | None = None
    position: str | None = None
    captain: bool = False


@dataclass
class PersonInput:
    name: str
    role: PersonRole = PersonRole.PLAYER
    shirt_number: int | None = None
    position: str | None = None
    nationality: str | None = None
    club: str | None = None
    date_of_birth: dt.date | None = None


MAX_QUOTE = 10_000


@dataclass
class QuoteInput:
    speaker: str | int  # a name (found or created) or a person id
    text: str
    context: QuoteContext = QuoteContext.POST_MATCH_INTERVIEW
    place: str | None = None
    said_at: dt.datetime | None = None
    source: str | None = None
    moment_id: int | None = None

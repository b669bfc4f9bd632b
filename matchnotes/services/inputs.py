"""What the forms hand to the services: plain dataclasses and the rules' constants.

Apart from the service modules so that the screens can build them without loading
SQLAlchemy (the window paints before the database stack has loaded).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from matchnotes.enums import (
    Attendance,
    Decision,
    LineupRole,
    MatchStatus,
    MomentKind,
    PersonRole,
    QuoteContext,
)
from matchnotes.errors import ValidationError
from matchnotes.minutes import Minute
from matchnotes.text import clean


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
    version: int | None = field(
        default=None, compare=False
    )  # the version the form was filled from (see MomentInput)


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
    # The version the form was filled from: an update refuses to overwrite a newer one
    # (services/conflicts.py). None: no check (a new moment, a script).
    version: int | None = field(default=None, compare=False)


POSITIONS = ("GK", "DF", "MF", "FW")


@dataclass
class LineupInput:
    team_id: int
    person: str | int  # a name (found or created) or a person id
    role: LineupRole = LineupRole.STARTER
    shirt_number: int | None = None
    position: str | None = None
    captain: bool = False
    version: int | None = field(
        default=None, compare=False
    )  # the version the form was filled from (see MomentInput)


@dataclass(frozen=True)
class BaselineInput:
    """Caps and goals for a team up to and including ``as_of`` (a team found or created)."""

    team: str
    as_of: dt.date
    caps: int | None = None
    goals: int | None = None


@dataclass
class PersonInput:
    name: str
    role: PersonRole = PersonRole.PLAYER
    shirt_number: int | None = None
    position: str | None = None
    nationality: str | None = None
    club: str | None = None
    date_of_birth: dt.date | None = None
    # None leaves the person's baselines as they are; a tuple replaces them all.
    baselines: tuple[BaselineInput, ...] | None = None
    version: int | None = field(
        default=None, compare=False
    )  # the version the form was filled from (see MomentInput)


@dataclass
class QuoteInput:
    speaker: str | int  # a name (found or created) or a person id
    text: str
    context: QuoteContext = QuoteContext.POST_MATCH_INTERVIEW
    place: str | None = None
    said_at: dt.datetime | None = None
    source: str | None = None
    moment_id: int | None = None
    version: int | None = field(
        default=None, compare=False
    )  # the version the form was filled from (see MomentInput)


# --- the forms' rules: the services apply them to what the forms hand in, and the
# importers to what a file holds, so a file cannot store what a form refuses.

MAX_NAME = 200
MAX_DESCRIPTION = 2000
MAX_QUOTE = 10_000
MAX_NOTE = 100_000
MAX_ATTENDANCE = 500_000
MAX_GOALS = 99
EARLIEST = dt.date(1850, 1, 1)  # no match, and nobody born, before


def checked_name(value: str | None, what: str) -> str:
    """A name as stored: cleaned (text.clean), not empty, at most MAX_NAME characters."""
    name = clean(value)
    if not name:
        raise ValidationError(f"The {what} needs a name.")
    if len(name) > MAX_NAME:
        raise ValidationError(f"The {what}'s name is too long (at most {MAX_NAME} characters).")
    return name


def checked_quote(text: str | None) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError("A quote needs the words that were said.")
    if len(text) > MAX_QUOTE:
        raise ValidationError(f"A quote is at most {MAX_QUOTE} characters.")
    return text


def checked_note(text: str | None) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError("A note cannot be empty.")
    if len(text) > MAX_NOTE:
        raise ValidationError(f"A note is at most {MAX_NOTE} characters.")
    return text


def checked_description(text: str | None) -> str:
    description = clean(text)
    if len(description) > MAX_DESCRIPTION:
        raise ValidationError(f"A moment's description is at most {MAX_DESCRIPTION} characters.")
    return description


def check_person(shirt_number: int | None, date_of_birth: dt.date | None) -> None:
    if shirt_number is not None and not 0 <= shirt_number <= 99:
        raise ValidationError("A shirt number is from 0 to 99.")
    if date_of_birth is not None and not EARLIEST <= date_of_birth <= dt.date.today():
        raise ValidationError(f"{date_of_birth:%Y-%m-%d} is not a plausible date of birth.")


MAX_CAREER = 999  # caps or goals for one team: more than anyone has


def check_baselines(baselines: tuple[BaselineInput, ...]) -> None:
    """A baseline names a team, a plausible date and at least caps or goals."""
    teams: set[str] = set()
    for b in baselines:
        team = clean(b.team)
        if not team:
            raise ValidationError("A career baseline needs the team it was for.")
        if team.casefold() in teams:
            raise ValidationError(f"{team} has two career baselines; keep one.")
        teams.add(team.casefold())
        if not EARLIEST <= b.as_of <= dt.date.today():
            raise ValidationError(f"{b.as_of:%Y-%m-%d} is not a plausible date for a baseline.")
        if b.caps is None and b.goals is None:
            raise ValidationError(f"Give the caps or the goals for {team} up to {b.as_of}.")
        for what, n in (("caps", b.caps), ("goals", b.goals)):
            if n is not None and not 0 <= n <= MAX_CAREER:
                raise ValidationError(f"{n} {what} for {team} is not possible (0 to {MAX_CAREER}).")


def check_match(
    date: dt.date,
    attendance: int | None,
    rating: int | None,
    score: tuple[int, int] | None,
    penalties: tuple[int, int] | None,
) -> None:
    if attendance is not None and not 0 <= attendance <= MAX_ATTENDANCE:
        raise ValidationError(f"An attendance of {attendance} is not possible.")
    if rating is not None and not 0 <= rating <= 10:
        raise ValidationError("A rating is from 0 to 10.")
    for label, pair in (("score", score), ("shoot-out score", penalties)):
        if pair is not None and (min(pair) < 0 or max(pair) > MAX_GOALS):
            raise ValidationError(f"The {label} {pair[0]}–{pair[1]} is not possible.")
    if not EARLIEST <= date <= dt.date(2200, 1, 1):
        raise ValidationError(f"{date:%Y-%m-%d} is not a plausible match date.")


# --- typed text -> values, with the message a form or the command line shows ---

DATE_EXAMPLE = "2022-12-18"
_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")


def match_date_range() -> tuple[dt.date, dt.date]:
    """Plausible match dates: from the first recorded football to two years ahead."""
    return EARLIEST, dt.date(dt.date.today().year + 2, 12, 31)


def parse_date(
    text: str, *, earliest: dt.date, latest: dt.date, what: str = "the date",
    optional: bool = False,
) -> tuple[dt.date | None, str | None]:  # fmt: skip
    """(the date typed as YYYY-MM-DD, None) or (None, what is wrong with it)."""
    text = text.strip()
    if not text:
        return None, None if optional else f"Type {what} as YYYY-MM-DD."
    found = _ISO.fullmatch(text)
    if found is None:
        return None, f"Write {what} as YYYY-MM-DD, e.g. {DATE_EXAMPLE}: “{text}” is not one."
    year, month, day = (int(part) for part in found.groups())
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None, f"{text} is not a day of the calendar: check the month and the day."
    if not earliest <= date <= latest:
        return None, (
            f"{text} is not plausible for {what}: "
            f"use a date from {earliest.isoformat()} to {latest.isoformat()}."
        )
    return date, None


KICKOFF_PROBLEM = "Write the kick-off as HH:MM."


def parse_kickoff(text: str) -> tuple[dt.time | None, str | None]:
    """(the kick-off typed as HH:MM or H:MM, or None when blank; None) or (None, the problem)."""
    text = text.strip()
    if not text:
        return None, None
    try:
        return dt.time.fromisoformat(text if len(text) > 4 else text.zfill(5)), None
    except ValueError:
        return None, KICKOFF_PROBLEM


def optional_int(text: str, low: int, high: int, what: str) -> tuple[int | None, str | None]:
    """Parse an optional whole number as typed ("68,895" too)."""
    text = text.strip().replace(",", "").replace(" ", "")
    if not text:
        return None, None
    if not text.isdigit():
        return None, f"{what} must be a whole number."
    value = int(text)
    if not low <= value <= high:
        return None, f"{what} must be between {low:,} and {high:,}."
    return value, None

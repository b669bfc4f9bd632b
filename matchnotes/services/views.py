"""Read models the services hand out: plain frozen dataclasses, safe to keep in the UI.

They never hold a Session or a lazy relationship, so a view cannot trigger a query
from a paint event or outlive its database connection.
"""

from __future__ import annotations

import datetime as dt
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
from matchnotes.minutes import Minute
from matchnotes.scores import Score


@dataclass(frozen=True)
class MatchSummary:
    id: int
    date: dt.date
    kickoff_time: dt.time | None
    competition: str | None
    season: str | None
    stage: str | None
    home_id: int
    home: str
    away_id: int
    away: str
    score: Score
    venue: str | None
    status: MatchStatus
    fan_attendance: Attendance
    rating: int | None

    @property
    def has_result(self) -> bool:
        """False for a scheduled match with no goals yet: it shows "v", not "0–0"."""
        return not (self.status is MatchStatus.SCHEDULED and self.score == Score(0, 0))

    @property
    def score_text(self) -> str:
        return str(self.score) if self.has_result else "v"

    @property
    def title(self) -> str:
        return f"{self.home} {self.score_text} {self.away}"


@dataclass(frozen=True)
class LineupView:
    id: int
    team_id: int
    team: str
    person_id: int
    name: str
    role: LineupRole
    shirt_number: int | None
    position: str | None
    captain: bool
    version: int = field(
        default=1, compare=False
    )  # what an edit or delete from this view expects (services/conflicts.py)


@dataclass(frozen=True)
class MomentView:
    id: int
    match_id: int
    minute: Minute
    kind: MomentKind
    team_id: int | None
    team: str | None
    player_id: int | None
    player: str | None
    related_player_id: int | None
    related_player: str | None
    description: str
    score_after: Score
    logged_at: dt.datetime | None = None  # when it was typed live (UTC), beside its minute
    clock_timed: bool = False  # the minute came from the match clock
    author: str | None = None  # who logged it (None: imported, or logged before 0011)
    version: int = field(
        default=1, compare=False
    )  # what an edit or delete from this view expects (services/conflicts.py)

    @property
    def minute_text(self) -> str:
        return str(self.minute)


@dataclass(frozen=True)
class QuoteView:
    id: int
    match_id: int
    speaker_id: int
    speaker: str
    text: str
    context: QuoteContext
    place: str | None
    said_at: dt.datetime | None
    source: str | None
    moment_id: int | None
    match_title: str = ""
    author: str | None = None  # who logged it
    version: int = field(default=1, compare=False)


@dataclass(frozen=True)
class NoteView:
    id: int
    match_id: int | None
    person_id: int | None
    text: str
    created_at: dt.datetime
    updated_at: dt.datetime
    author: str | None = None
    version: int = field(default=1, compare=False)


@dataclass(frozen=True)
class MatchDetail:
    summary: MatchSummary
    venue_city: str | None
    attendance: int | None
    referee_id: int | None
    referee: str | None
    decided_by: Decision
    half_time: Score
    penalties: Score | None
    score_is_override: bool
    watched_where: str | None
    lineups: list[LineupView] = field(default_factory=list)
    moments: list[MomentView] = field(default_factory=list)
    quotes: list[QuoteView] = field(default_factory=list)
    notes: list[NoteView] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)

    @property
    def id(self) -> int:
        return self.summary.id

    def lineup_of(self, team_id: int) -> list[LineupView]:
        return [entry for entry in self.lineups if entry.team_id == team_id]


@dataclass(frozen=True)
class PersonView:
    id: int
    name: str
    role: PersonRole
    shirt_number: int | None
    position: str | None
    nationality: str | None
    club: str | None
    date_of_birth: dt.date | None
    version: int = field(
        default=1, compare=False
    )  # what an edit or delete from this view expects (services/conflicts.py)


@dataclass(frozen=True)
class BaselineView:
    team_id: int
    team: str
    as_of: dt.date
    caps: int | None
    goals: int | None


@dataclass(frozen=True)
class TeamTally:
    team: str
    appearances: int = 0
    starts: int = 0
    goals: int = 0  # goals and penalty goals for this team (not shoot-out kicks)
    penalties_scored: int = 0
    penalties_missed: int = 0
    assists: int = 0
    yellow_cards: int = 0
    red_cards: int = 0  # straight reds and second yellows
    # With a career baseline, appearances and goals include it; caps_known is False when
    # the baseline gives goals but not caps (appearances then count only what is logged).
    baseline_as_of: dt.date | None = None
    caps_known: bool = True


@dataclass(frozen=True)
class PersonPage:
    person: PersonView
    tallies: list[TeamTally]
    matches: list[MatchSummary]
    moments: list[MomentView]
    quotes: list[QuoteView]
    baselines: list[BaselineView] = field(default_factory=list)


@dataclass(frozen=True)
class DeletionImpact:
    """What goes with a match, for the confirmation dialog."""

    title: str
    moments: int
    quotes: int
    notes: int
    lineup_entries: int

    def goes(self) -> str:
        """What goes with it, for the app's question and the command line: "" when nothing."""
        parts = [
            f"{n} {what}"
            for n, what in (
                (self.moments, "moments"),
                (self.quotes, "quotes"),
                (self.notes, "notes"),
                (self.lineup_entries, "line-up entries"),
            )
            if n
        ]
        return ("Its " + ", ".join(parts) + " go with it.") if parts else ""


@dataclass(frozen=True)
class TeamView:
    id: int
    name: str
    code: str | None
    country: str | None
    match_count: int = 0
    version: int = field(
        default=1, compare=False
    )  # what an edit or delete from this view expects (services/conflicts.py)


@dataclass(frozen=True)
class VenueView:
    id: int
    name: str
    city: str | None
    country: str | None
    capacity: int | None


@dataclass(frozen=True)
class CompetitionView:
    id: int
    name: str
    seasons: tuple[str, ...]


@dataclass(frozen=True)
class CatalogNames:
    """The names the match form completes."""

    teams: tuple[str, ...]
    venues: tuple[str, ...]
    competitions: tuple[str, ...]
    referees: tuple[str, ...]


@dataclass(frozen=True)
class ChangeView:
    """One entry of the change history (services/history.py)."""

    id: int
    at: dt.datetime  # aware, UTC
    author: str
    summary: str
    match_id: int | None
    kind: str  # "change", "import", "undo", "redo"
    target_id: int | None
    undone: bool

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "at": self.at.isoformat(timespec="seconds"),
            "author": self.author,
            "summary": self.summary,
            "match_id": self.match_id,
            "kind": self.kind,
            "target_id": self.target_id,
            "undone": self.undone,
        }

"""Who a quick-entry line can name: one match's two teams and the people around them.

Plain data, filled by the service from the database (or by hand in tests), so the
parser never needs a Session. People come nearest first (``Source``): a name is looked
up in the line-up before this match's other moments and quotes, and those before the
teams' squads and recent matches, so a match imported without line-ups can be logged.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from matchnotes.enums import LineupRole


class Source(enum.IntEnum):
    """Where a person of the roster was found; lower is nearer, and looked up first."""

    LINEUP = 0  # the match's line-up
    MATCH = 1  # named in this match's moments or quotes, not in its line-up
    TEAM = 2  # a team's squad, or its recent line-ups and moments
    DIRECTORY = 3  # anyone in the database: only quote speakers are looked up here


@dataclass(frozen=True)
class RosterTeam:
    id: int
    name: str
    code: str | None = None

    @property
    def short(self) -> str:
        """How a user qualifies a shirt number with this team: ENG#9 (or England#9)."""
        return self.code or self.name


@dataclass(frozen=True)
class RosterPerson:
    person_id: int
    name: str
    team_id: int | None  # None: named in this match (a quote) without a known team
    shirt_number: int | None = None
    role: LineupRole = LineupRole.STARTER
    source: Source = Source.LINEUP

    @property
    def is_manager(self) -> bool:
        return self.role is LineupRole.MANAGER


# Given the words of a typed name, people of the whole database it may mean.
Directory = Callable[[tuple[str, ...]], Sequence[RosterPerson]]


@dataclass(frozen=True)
class Roster:
    home: RosterTeam
    away: RosterTeam
    people: tuple[RosterPerson, ...] = ()  # nearest first (see Source)
    # Speakers of quotes may be anyone (a pundit, a former manager); the service hands
    # in a lookup valid while its Session is open.
    directory: Directory | None = field(default=None, compare=False, repr=False)

    @property
    def teams(self) -> tuple[RosterTeam, RosterTeam]:
        return (self.home, self.away)

    @property
    def lineup(self) -> tuple[RosterPerson, ...]:
        return tuple(p for p in self.people if p.source is Source.LINEUP)

    @property
    def beyond_lineups(self) -> bool:
        """Whether people outside the line-ups are known (messages then say so)."""
        return any(p.source is not Source.LINEUP for p in self.people)

    def team(self, team_id: int | None) -> RosterTeam | None:
        return next((t for t in self.teams if t.id == team_id), None)

    def other(self, team_id: int | None) -> RosterTeam | None:
        """The opponent of a team of this match (None for a team not in it)."""
        if team_id == self.home.id:
            return self.away
        if team_id == self.away.id:
            return self.home
        return None

    def pools(self, team: RosterTeam | None) -> list[list[RosterPerson]]:
        """The people of one team (or both), grouped by source, nearest first."""
        groups: dict[Source, list[RosterPerson]] = {}
        for p in self.people:
            if team is None or p.team_id == team.id:
                groups.setdefault(p.source, []).append(p)
        return [groups[s] for s in sorted(groups)]

    def where(self, team: RosterTeam | None) -> str:
        """Where a name was looked for, as messages say it."""
        if team is None:
            return "the line-ups or squads" if self.beyond_lineups else "the line-ups"
        squad = " or squad" if self.beyond_lineups else ""
        return f"{team.name}'s line-up{squad}"

    def describe_person(self, person: RosterPerson) -> str:
        """A candidate as an error message lists it: Harry Kane (England, #9)."""
        team = self.team(person.team_id)
        details = [team.name] if team else []
        if person.is_manager:
            details.append("manager")
        elif person.shirt_number is not None and team:
            details.append(f"#{person.shirt_number}")
        return f"{person.name} ({', '.join(details)})" if details else person.name

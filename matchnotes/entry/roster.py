"""Who a quick-entry line can name: one match's two teams and their line-ups.

Plain data, filled by the service from the database (or by hand in tests), so the
parser never needs a Session.
"""

from __future__ import annotations

from dataclasses import dataclass

from matchnotes.enums import LineupRole


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
    team_id: int
    shirt_number: int | None = None
    role: LineupRole = LineupRole.STARTER

    @property
    def is_manager(self) -> bool:
        return self.role is LineupRole.MANAGER


@dataclass(frozen=True)
class Roster:
    home: RosterTeam
    away: RosterTeam
    people: tuple[RosterPerson, ...] = ()

    @property
    def teams(self) -> tuple[RosterTeam, RosterTeam]:
        return (self.home, self.away)

    def team(self, team_id: int | None) -> RosterTeam | None:
        return next((t for t in self.teams if t.id == team_id), None)

    def other(self, team_id: int | None) -> RosterTeam | None:
        """The opponent of a team of this match (None for a team not in it)."""
        if team_id == self.home.id:
            return self.away
        if team_id == self.away.id:
            return self.home
        return None

    def describe_person(self, person: RosterPerson) -> str:
        """A candidate as an error message lists it: Harry Kane (England, #9)."""
        team = self.team(person.team_id)
        details = [team.name if team else "?"]
        if person.is_manager:
            details.append("manager")
        elif person.shirt_number is not None:
            details.append(f"#{person.shirt_number}")
        return f"{person.name} ({', '.join(details)})"

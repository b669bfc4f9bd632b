"""Who each line of a pasted line-up is: matching names to people (in a Session).

Names are matched by their folded key (``text.fold``), as everywhere else: a person
already in the database is reused, an unknown name becomes a new person, and a name
several people share is taken as the one who has played for this team before, or else
reported with the ids to choose from ("(id 12)" after the name).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, SQLModel, col, select

from matchnotes.entry.squad_text import LineProblem, ParsedSquad, SquadLine
from matchnotes.models import LineupEntry, Match, Person, Team
from matchnotes.text import fold


@dataclass(frozen=True)
class CheckedLine:
    """A line of the text and who it will be saved as."""

    line: SquadLine
    person_id: int | None  # None: a new person is created on save
    status: str  # "known", "new", or "problem"


@dataclass(frozen=True)
class TeamCheck:
    team_id: int
    team: str
    lines: tuple[CheckedLine, ...]
    problems: tuple[LineProblem, ...]


@dataclass(frozen=True)
class LineupChange:
    """What one save changed, so that undo and redo can put either state back exactly
    (same row ids, so later undo steps that point at them still work)."""

    match_id: int
    team_ids: tuple[int, ...]
    before: tuple[dict[str, Any], ...]  # the teams' line-up rows before the save
    after: tuple[dict[str, Any], ...]
    created_people: tuple[dict[str, Any], ...]


def check_squads(
    session: Session, match: Match, squads: dict[int, ParsedSquad]
) -> dict[int, TeamCheck]:
    """Resolve every line of every pasted team; problems carry their line numbers."""
    names = {fold(s.name) for squad in squads.values() for s in squad.lines}
    ids = {s.person_id for squad in squads.values() for s in squad.lines if s.person_id}
    people = list(session.exec(select(Person).where(col(Person.name_key).in_(names))))
    people += list(session.exec(select(Person).where(col(Person.id).in_(ids))))
    by_key: dict[str, dict[int, Person]] = {}
    for p in people:
        by_key.setdefault(p.name_key, {})[p.id or 0] = p
    by_id = {p.id: p for p in people}
    # Who is already placed: the stored line-ups of teams not being replaced.
    taken: dict[int, str] = {}
    for team_id in (match.home_team_id, match.away_team_id):
        if team_id not in squads:
            stored = select(LineupEntry.person_id).where(
                LineupEntry.match_id == match.id, LineupEntry.team_id == team_id
            )
            team_name = _team_name(session, team_id)
            taken |= dict.fromkeys(session.exec(stored), f"{team_name}'s line-up")
    new_keys: dict[str, str] = {}
    result = {}
    for team_id, squad in squads.items():
        team = _team_name(session, team_id)
        lines, problems = [], list(squad.problems)
        seen: dict[int, SquadLine] = {}
        flagged = {p.line for p in squad.problems}  # said already: one problem per line
        for s in squad.lines:
            if s.line in flagged:
                lines.append(CheckedLine(s, None, "problem"))
                continue
            person_id, problem = _person_of(session, s, team_id, by_key, by_id)
            where = taken.get(person_id or 0) if person_id else new_keys.get(fold(s.name))
            if problem is None and person_id in seen:
                problem = f"{s.name} is already on line {seen[person_id].line}; remove one."
            elif problem is None and where:
                problem = f"{s.name} is in {where} for this match; remove them there first."
            if problem:
                problems.append(LineProblem(s.line, problem))
                lines.append(CheckedLine(s, person_id, "problem"))
                continue
            if person_id is None:
                new_keys[fold(s.name)] = f"{team}'s line-up (line {s.line})"
            else:
                seen[person_id] = s
                taken[person_id] = f"{team}'s line-up (line {s.line})"
            lines.append(CheckedLine(s, person_id, "known" if person_id else "new"))
        problems.sort(key=lambda p: p.line)
        result[team_id] = TeamCheck(team_id, team, tuple(lines), tuple(problems))
    return result


def _person_of(
    session: Session,
    s: SquadLine,
    team_id: int,
    by_key: dict[str, dict[int, Person]],
    by_id: dict[int | None, Person],
) -> tuple[int | None, str | None]:
    """(person id or None for a new person, a problem or None)."""
    candidates = by_key.get(fold(s.name), {})
    if s.person_id is not None:
        chosen = by_id.get(s.person_id)
        if chosen is None:
            return None, f"there is no person with id {s.person_id}; remove “(id …)”."
        if s.person_id not in candidates:
            return None, f"id {s.person_id} is {chosen.name}, not {s.name}; correct the name or id."
        return s.person_id, None
    if len(candidates) <= 1:
        return next(iter(candidates), None), None
    played = set(
        session.exec(
            select(LineupEntry.person_id).where(
                LineupEntry.team_id == team_id, col(LineupEntry.person_id).in_(candidates)
            )
        )
    )
    if len(played) == 1:
        return played.pop(), None
    who = "; ".join(_describe(p) for p in candidates.values())
    return None, (
        f"{len(candidates)} people are called “{s.name}” ({who}); write “(id N)” after "
        "the name to choose one."
    )


def _describe(p: Person) -> str:
    extra = [x for x in (p.nationality, p.club) if x]
    if p.date_of_birth:
        extra.append(f"b. {p.date_of_birth:%Y}")
    return f"id {p.id}" + (f": {', '.join(extra)}" if extra else "")


def _team_name(session: Session, team_id: int) -> str:
    team = session.get(Team, team_id)
    return team.name if team else f"team {team_id}"


def row_of(obj: SQLModel) -> dict[str, Any]:
    table = obj.__table__  # type: ignore[attr-defined]
    return {c.name: getattr(obj, c.name) for c in table.columns}

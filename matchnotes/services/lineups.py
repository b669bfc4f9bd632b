"""Line-ups: who played for which team in a match (starter, substitute, captain, number)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from matchnotes.entry.squad_text import ParsedSquad, SquadLine, format_squad
from matchnotes.enums import LineupRole, PersonRole
from matchnotes.errors import ValidationError
from matchnotes.models import LineupEntry, Match, Person, Team
from matchnotes.services.base import Service, get_or_404
from matchnotes.services.change_log import say
from matchnotes.services.conflicts import (
    LineupSeen,
    check_lineup_seen,
    check_seen,
    get_seen,
    lineup_words,
)
from matchnotes.services.inputs import LineupInput
from matchnotes.services.lineup_text import LineupChange, TeamCheck, check_squads, row_of
from matchnotes.services.lookup import person_by_name
from matchnotes.services.name_locks import hold_name
from matchnotes.services.views import LineupView
from matchnotes.text import clean, fold


class LineupService(Service):
    def add(self, match_id: int, data: LineupInput) -> int:
        with self._write() as session:
            match = get_or_404(session, Match, match_id, "match")
            entry = LineupEntry(match_id=match_id, team_id=data.team_id, person_id=0)
            self._apply(session, match, entry, data)
            entry.sort_order = 1 + (
                session.exec(
                    select(func.coalesce(func.max(LineupEntry.sort_order), 0)).where(
                        LineupEntry.match_id == match_id, LineupEntry.team_id == data.team_id
                    )
                ).one()
            )
            session.add(entry)
            session.flush()
            assert entry.id is not None
            return entry.id

    def update(self, entry_id: int, data: LineupInput) -> None:
        """Refused (ConflictError) when ``data.version`` is older than the entry's."""
        with self._write() as session:
            entry = get_seen(session, LineupEntry, entry_id, "line-up entry", data.version)
            check_seen(session, entry, data.version, _in_words(session, data))
            match = get_or_404(session, Match, entry.match_id, "match")
            self._apply(session, match, entry, data)

    def remove(self, entry_id: int, *, seen: int | None = None) -> None:
        """``seen``: the version the user saw; an entry changed since is not removed."""
        with self._write() as session:
            entry = get_seen(session, LineupEntry, entry_id, "line-up entry", seen)
            check_seen(session, entry, seen, "remove it from the line-up")
            session.delete(entry)

    def get_input(self, entry_id: int) -> tuple[int, LineupInput, str]:
        """(match id, the entry as the edit form shows it, the person's name)."""
        with self._read() as session:
            e = get_or_404(session, LineupEntry, entry_id, "line-up entry")
            person = get_or_404(session, Person, e.person_id, "person")
            data = LineupInput(e.team_id, e.person_id, e.role, e.shirt_number, e.position,
                               e.captain, version=e.version)  # fmt: skip
            return e.match_id, data, person.name

    def lineup(self, match_id: int) -> list[LineupView]:
        with self._read() as session:
            get_or_404(session, Match, match_id, "match")
            return load_lineup_views(session, match_id)

    # --- a whole team's line-up as text (the line-up editor, `matchnotes lineup`) ---

    def check(self, match_id: int, squads: dict[int, ParsedSquad]) -> dict[int, TeamCheck]:
        """What saving these texts would do, line by line, with every problem (no write)."""
        with self._read() as session:
            match = get_or_404(session, Match, match_id, "match")
            _teams_of(match, squads)
            return check_squads(session, match, squads)

    def replace(
        self, match_id: int, squads: dict[int, ParsedSquad],
        seen: dict[int, LineupSeen] | None = None,
    ) -> LineupChange:  # fmt: skip
        """Make each given team's line-up exactly its text, in one transaction.

        People are reused by name (new names are created); entries of people who stay
        keep their ids. Refused as a whole, with every problem, if any line has one.
        ``seen``: per team, the entries the editor was filled from (``stored``); a team
        whose line-up someone changed since is not overwritten (ConflictError).
        """
        with self._write() as session:
            # One line-up save of a match at a time on a server (SQLite's write lock does
            # it on a file), so two editors cannot both pass the check below; FOR NO KEY
            # UPDATE: lines logged into the match meanwhile do not wait for it.
            session.get(Match, match_id, with_for_update={"key_share": True})
            match = get_or_404(session, Match, match_id, "match")  # the row just locked
            team_ids = _teams_of(match, squads)
            names = [_team(session, t) for t in team_ids]
            for team_id, name in zip(team_ids, names, strict=True):
                now = _seen(_entries(session, match_id, (team_id,)))
                if seen is not None and team_id in seen and sorted(seen[team_id]) != list(now):
                    texts = (_as_text(session, match_id, team_id), _squad_text(squads[team_id]))
                    check_lineup_seen(session, match_id, name, seen[team_id], now, texts)
            say(session, f"Edited {names[0]}'s line-up" if len(names) == 1 else "Edited line-ups")
            checks = check_squads(session, match, squads)
            problems = [f"{c.team}, {p}" for c in checks.values() for p in c.problems]
            if problems:
                raise ValidationError("Nothing was saved:\n" + "\n".join(problems))
            stored = _entries(session, match_id, team_ids)
            before = tuple(row_of(e) for e in stored)
            created: list[Person] = []
            wanted: dict[int, list[tuple[SquadLine, int]]] = {}
            for team_id, check in checks.items():
                for c in check.lines:
                    person_id = c.person_id or _new_person(session, c.line, created)
                    wanted.setdefault(team_id, []).append((c.line, person_id))
            keep = {(t, pid) for t, lines in wanted.items() for _, pid in lines}
            for e in stored:
                if (e.team_id, e.person_id) not in keep:
                    session.delete(e)
            session.flush()  # deletes first: a person may move to the other team
            existing = {(e.team_id, e.person_id): e for e in stored}
            for team_id, lines in wanted.items():
                for order, (line, person_id) in enumerate(lines, 1):
                    entry = existing.get((team_id, person_id))
                    if entry is None:
                        entry = LineupEntry(match_id=match_id, team_id=team_id, person_id=person_id)
                        session.add(entry)
                    entry.role, entry.shirt_number, entry.position = (
                        line.role, line.shirt_number, line.position)  # fmt: skip
                    entry.captain, entry.sort_order = line.captain, order
            session.flush()
            after = tuple(row_of(e) for e in _entries(session, match_id, team_ids))
            people = tuple(row_of(p) for p in created)
            return LineupChange(match_id, team_ids, before, after, people)

    def team_text(self, match_id: int, team_id: int) -> str:
        """A team's stored line-up as editor text (empty when there is none)."""
        return self.stored(match_id, team_id)[0]

    def stored(self, match_id: int, team_id: int) -> tuple[str, LineupSeen]:
        """A team's stored line-up as editor text, with the entries' (id, version): what
        a save from that text hands in as ``seen``. The entries are read first: a text
        read after someone else's save is then refused on saving, never saved over it."""
        with self._read() as session:
            get_or_404(session, Match, match_id, "match")
            seen = _seen(_entries(session, match_id, (team_id,)))
            return _as_text(session, match_id, team_id), seen

    def previous_text(self, match_id: int, team_id: int) -> tuple[str, str] | None:
        """The line-up of the team's latest earlier match that has one, as editor text,
        with that match's title; None when there is no such match."""
        with self._read() as session:
            match = get_or_404(session, Match, match_id, "match")
            earlier = (
                select(Match)
                .join(LineupEntry, col(LineupEntry.match_id) == Match.id)
                .where(
                    LineupEntry.team_id == team_id,
                    col(Match.id) != match_id,
                    or_(
                        col(Match.date) < match.date,
                        (col(Match.date) == match.date) & (col(Match.id) < match_id),
                    ),
                )
                .order_by(
                    col(Match.date).desc(), col(Match.kickoff_time).desc(), col(Match.id).desc()
                )
                .limit(1)
            )
            found = session.exec(earlier).first()
            if found is None or found.id is None:
                return None
            home, away = (_team(session, t) for t in (found.home_team_id, found.away_team_id))
            return _as_text(session, found.id, team_id), f"{home} v {away}, {found.date:%d %b %Y}"

    def _apply(self, session: Session, match: Match, entry: LineupEntry, data: LineupInput) -> None:
        if data.team_id not in (match.home_team_id, match.away_team_id):
            raise ValidationError("A line-up entry must be for the home or the away team.")
        role = PersonRole.MANAGER if data.role is LineupRole.MANAGER else PersonRole.PLAYER
        if isinstance(data.person, int):
            person = get_or_404(session, Person, data.person, "person")
        else:
            person = person_by_name(session, data.person, role)
        clash = session.exec(
            select(LineupEntry).where(
                LineupEntry.match_id == match.id,
                LineupEntry.person_id == person.id,
                LineupEntry.id != entry.id if entry.id else True,
            )
        ).first()
        if clash:
            raise ValidationError(f"{person.name} is already in this match's line-ups.")
        if data.shirt_number is not None:
            if not 0 <= data.shirt_number <= 99:
                raise ValidationError("A shirt number is from 0 to 99.")
            taken = session.exec(
                select(Person.name)
                .join(LineupEntry, col(LineupEntry.person_id) == Person.id)
                .where(
                    LineupEntry.match_id == match.id,
                    LineupEntry.team_id == data.team_id,
                    LineupEntry.shirt_number == data.shirt_number,
                    LineupEntry.person_id != person.id,
                )
            ).first()
            if taken:
                raise ValidationError(f"#{data.shirt_number} is already worn by {taken}.")
        if data.captain:
            for other in session.exec(
                select(LineupEntry).where(
                    LineupEntry.match_id == match.id,
                    LineupEntry.team_id == data.team_id,
                    col(LineupEntry.captain).is_(True),
                )
            ):
                other.captain = False  # one captain per team: the new one takes the armband
        entry.team_id = data.team_id
        entry.person_id = person.id or 0
        entry.role = data.role
        entry.shirt_number = data.shirt_number
        entry.position = clean(data.position).upper() or None
        entry.captain = data.captain


def load_lineup_views(session: Session, match_id: int) -> list[LineupView]:
    rows = session.exec(
        select(LineupEntry, Person.name, Team.name)
        .join(Person, col(Person.id) == LineupEntry.person_id)
        .join(Team, col(Team.id) == LineupEntry.team_id)
        .where(LineupEntry.match_id == match_id)
        .order_by(col(LineupEntry.team_id), col(LineupEntry.sort_order), col(LineupEntry.id))
    ).all()
    role_order = {LineupRole.STARTER: 0, LineupRole.SUBSTITUTE: 1, LineupRole.MANAGER: 2}
    views = [
        LineupView(
            id=e.id or 0,
            team_id=e.team_id,
            team=team,
            person_id=e.person_id,
            name=name,
            role=e.role,
            shirt_number=e.shirt_number,
            position=e.position,
            captain=e.captain,
            version=e.version,
        )
        for e, name, team in rows
    ]
    return sorted(views, key=lambda v: (v.team_id, role_order[v.role]))


def _teams_of(match: Match, squads: dict[int, Any]) -> tuple[int, ...]:
    for team_id in squads:
        if team_id not in (match.home_team_id, match.away_team_id):
            raise ValidationError("A line-up is for the match's home or away team.")
    return tuple(sorted(squads))


def _entries(session: Session, match_id: int, team_ids: tuple[int, ...]) -> list[LineupEntry]:
    query = select(LineupEntry).where(
        LineupEntry.match_id == match_id, col(LineupEntry.team_id).in_(team_ids)
    )
    return list(session.exec(query.order_by(col(LineupEntry.sort_order), col(LineupEntry.id))))


def _seen(entries: list[LineupEntry]) -> LineupSeen:
    return tuple(sorted((e.id or 0, e.version) for e in entries))


def _squad_text(squad: ParsedSquad) -> str:
    """What was typed, spelt as a stored line-up is (so the two compare line by line)."""
    return format_squad(squad.lines)


def _in_words(session: Session, data: LineupInput) -> str:
    """A line-up entry form's values in words: "Hugo Lloris, Starting XI, #1, GK, captain"."""
    person = session.get(Person, data.person) if isinstance(data.person, int) else None
    values = {"role": data.role, "shirt_number": data.shirt_number,
              "position": clean(data.position).upper(), "captain": data.captain}  # fmt: skip
    return lineup_words(values, person.name if person else str(data.person))


def _new_person(session: Session, line: SquadLine, created: list[Person]) -> int:
    """A person for a line whose name nobody had; on a server, whoever got that name in
    meanwhile (another reporter's save) is taken instead (``name_locks``)."""
    key = fold(line.name)
    if hold_name(session, "person", key):
        same = list(session.exec(select(Person).where(Person.name_key == key)))
        if len(same) == 1:
            assert same[0].id is not None
            return same[0].id
    manager = line.role is LineupRole.MANAGER
    person = Person(
        name=line.name, name_key=key,
        role=PersonRole.MANAGER if manager else PersonRole.PLAYER,
        shirt_number=line.shirt_number, position=line.position,
    )  # fmt: skip
    session.add(person)
    session.flush()
    created.append(person)
    assert person.id is not None
    return person.id


def _team(session: Session, team_id: int) -> str:
    team = session.get(Team, team_id)
    return team.name if team else "?"


def _as_text(session: Session, match_id: int, team_id: int) -> str:
    views = [v for v in load_lineup_views(session, match_id) if v.team_id == team_id]
    keys = {fold(v.name) for v in views}
    shared = select(Person.name_key).where(col(Person.name_key).in_(keys))
    counts: dict[str, int] = {}
    for key in session.exec(shared):
        counts[key] = counts.get(key, 0) + 1
    lines = [
        SquadLine(0, v.name, v.role, v.shirt_number, v.position, v.captain, v.person_id)
        for v in views
    ]
    ambiguous = frozenset(v.person_id for v in views if counts.get(fold(v.name), 0) > 1)
    return format_squad(lines, with_ids=ambiguous)

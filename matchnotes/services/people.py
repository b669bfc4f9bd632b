"""People (players, managers, referees) and a person's page with tallies across the database."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import asdict, replace

from sqlalchemy import or_
from sqlalchemy import select as sa_select
from sqlalchemy.orm.attributes import flag_modified
from sqlmodel import Session, col, select

from matchnotes.enums import LineupRole, MomentKind, Period, PersonRole
from matchnotes.errors import ValidationError
from matchnotes.models import LineupEntry, Moment, Person, Team
from matchnotes.services.base import Service, get_or_404
from matchnotes.services.baselines import (
    Until,
    as_inputs,
    load_baselines,
    record_holder,
    replace_baselines,
)
from matchnotes.services.conflicts import check_seen, get_seen, person_words
from matchnotes.services.inputs import PersonInput, check_person
from matchnotes.services.lookup import required_name, team_by_name
from matchnotes.services.matches import load_match_summaries
from matchnotes.services.person_moments import load_person_moments
from matchnotes.services.quotes import load_quote_views
from matchnotes.services.roster import OTHER_TEAM_KINDS, SAME_TEAM_KINDS
from matchnotes.services.views import (
    BaselineView,
    MomentView,
    PersonPage,
    PersonView,
    TeamTally,
)
from matchnotes.text import clean, fold


class PeopleService(Service):
    def create(self, data: PersonInput) -> int:
        with self._write() as session:
            person = Person(name="x", name_key="x")
            _apply(person, data)
            session.add(person)
            session.flush()
            assert person.id is not None
            if data.baselines is not None:
                replace_baselines(session, person.id, data.baselines)
            return person.id

    def update(self, person_id: int, data: PersonInput) -> None:
        """Refused (ConflictError) when ``data.version`` is older than the person's."""
        with self._write() as session:
            person = get_seen(session, Person, person_id, "person", data.version)
            check_seen(session, person, data.version, person_words(asdict(data)))
            _apply(person, data)
            if data.baselines is not None:
                if data.baselines != as_inputs(load_baselines(session, person_id)):
                    flag_modified(person, "name")  # the form's baselines too: a new version
                replace_baselines(session, person_id, data.baselines)

    def delete(self, person_id: int, *, seen: int | None = None) -> None:
        """Delete a person who appears nowhere; refused (with the reason) otherwise.
        ``seen``: the version the user saw; a person changed since is not deleted."""
        with self._write() as session:
            person = get_seen(session, Person, person_id, "person", seen)
            check_seen(session, person, seen, "delete this person")
            used = (
                session.exec(
                    select(LineupEntry.id).where(LineupEntry.person_id == person_id)
                ).first()
                or session.exec(
                    select(Moment.id).where(
                        or_(
                            col(Moment.player_id) == person_id,
                            col(Moment.related_player_id) == person_id,
                        )
                    )
                ).first()
            )
            if used:
                raise ValidationError(
                    f"{person.name} appears in line-ups or moments; remove those first."
                )
            session.delete(person)

    def get(self, person_id: int) -> PersonView:
        with self._read() as session:
            return _view(get_or_404(session, Person, person_id, "person"))

    def get_input(self, person_id: int) -> PersonInput:
        p = self.get(person_id)
        with self._read() as session:
            baselines = as_inputs(load_baselines(session, person_id))
        return PersonInput(p.name, p.role, p.shirt_number, p.position, p.nationality, p.club,
                           p.date_of_birth, baselines, version=p.version)  # fmt: skip

    def team_record(self, team: str, before: dt.date) -> tuple[int, str, int] | None:
        """The team's top scorer among people whose baselines are known, before a date:
        (person_id, name, goals); None when no baseline of the team gives goals."""
        with self._read() as session:
            found = team_by_name(session, team, create=False)
            assert found.id is not None
            return record_holder(session, found.id, Until(before))

    def all(self) -> list[PersonView]:
        """Everyone, by name: plain columns, not an ORM object per person."""
        p = Person.__table__.c  # type: ignore[attr-defined]
        query = sa_select(p.id, p.name, p.role, p.shirt_number, p.position, p.nationality,
                          p.club, p.date_of_birth, p.version).order_by(p.name_key)  # fmt: skip
        with self._read() as session:
            return [PersonView(*row) for row in session.execute(query)]

    def names(self, role: PersonRole | None = None) -> list[str]:
        """Names for completion, optionally of one role."""
        with self._read() as session:
            query = select(Person.name)
            if role is not None:
                query = query.where(Person.role == role)
            return list(session.exec(query).all())

    def find(self, text: str, limit: int = 50) -> list[PersonView]:
        """People whose name contains the words typed, accent- and case-blind."""
        words = fold(text).split()
        with self._read() as session:
            query = select(Person).order_by(col(Person.name_key)).limit(limit)
            for word in words:
                query = query.where(col(Person.name_key).contains(word, autoescape=True))
            return [_view(p) for p in session.exec(query).all()]

    def page(self, person_id: int) -> PersonPage:
        """Profile, tallies per team, every match, moment and quote of this person."""
        with self._read() as session:
            person = get_or_404(session, Person, person_id, "person")
            entries = session.exec(
                select(LineupEntry).where(LineupEntry.person_id == person_id)
            ).all()
            entries = list(entries)
            match_ids = sorted({e.match_id for e in entries})
            moment_match_ids = session.exec(
                select(Moment.match_id)
                .where(
                    or_(
                        col(Moment.player_id) == person_id,
                        col(Moment.related_player_id) == person_id,
                    )
                )
                .distinct()
            ).all()
            all_ids = sorted(set(match_ids) | set(moment_match_ids))
            summaries = load_match_summaries(session, all_ids)
            in_order = sorted(summaries, key=lambda s: (s.date, s.id))
            sides = {s.id: (s.home_id, s.away_id) for s in in_order}
            moments = load_person_moments(session, person_id, sides)
            baselines = load_baselines(session, person_id)
            # Matches up to a baseline's date are in the baseline: not counted twice.
            dates = {s.id: s.date for s in summaries}
            covered = {
                match_id
                for match_id, teams in sides.items()
                for b in baselines
                if b.team_id in teams and dates[match_id] <= b.as_of
            }
            tallies = _tallies(
                session,
                person,
                [e for e in entries if e.match_id not in covered],
                [m for m in moments if m.match_id not in covered],
                sides,
            )
            return PersonPage(
                person=_view(person),
                tallies=with_baselines(tallies, baselines),
                matches=summaries,
                moments=moments,
                quotes=load_quote_views(session, speaker_id=person_id),
                baselines=baselines,
            )


def _apply(person: Person, data: PersonInput) -> None:
    name = required_name(data.name, "person")
    check_person(data.shirt_number, data.date_of_birth)
    person.name, person.name_key = name, fold(name)
    person.role = data.role
    person.shirt_number = data.shirt_number
    person.position = clean(data.position).upper() or None
    person.nationality = clean(data.nationality) or None
    person.club = clean(data.club) or None
    person.date_of_birth = data.date_of_birth


def _view(p: Person) -> PersonView:
    return PersonView(
        p.id or 0, p.name, p.role, p.shirt_number, p.position, p.nationality, p.club,
        p.date_of_birth, p.version,
    )  # fmt: skip


def _played_for(
    person_id: int, moments: list[MomentView], sides: dict[int, tuple[int, int]]
) -> dict[int, int]:
    """The team a person played for in each match where a moment names them."""
    teams: dict[int, int] = {}
    for m in moments:
        if m.team_id is None or m.match_id in teams:
            continue
        if m.player_id == person_id or m.kind in SAME_TEAM_KINDS:
            teams[m.match_id] = m.team_id
        elif m.kind in OTHER_TEAM_KINDS:  # fouled by a player of the other team
            home, away = sides[m.match_id]
            teams[m.match_id] = away if m.team_id == home else home
    return teams


def _tallies(
    session: Session,
    person: Person,
    entries: list[LineupEntry],
    moments: list[MomentView],
    sides: dict[int, tuple[int, int]],
) -> list[TeamTally]:
    person_id = person.id or 0
    counts: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for entry in entries:
        if entry.role is LineupRole.MANAGER:
            continue
        counts[entry.team_id]["appearances"] += 0  # make the team appear even with 0 games
        if entry.role is LineupRole.STARTER:
            counts[entry.team_id]["starts"] += 1
            counts[entry.team_id]["appearances"] += 1
    for m in moments:
        if m.team_id is None or (m.player_id != person_id and m.kind not in SAME_TEAM_KINDS):
            continue  # fouled by the other side: their team is not the moment's
        c = counts[m.team_id]
        if m.kind is MomentKind.SUBSTITUTION and m.player_id == person_id:
            c["appearances"] += 1  # came on
        if m.minute.period is Period.SHOOTOUT or m.player_id != person_id:
            if m.kind is MomentKind.GOAL and m.related_player_id == person_id:
                c["assists"] += 1
            continue
        if m.kind in (MomentKind.GOAL, MomentKind.PENALTY_GOAL):
            c["goals"] += 1
        if m.kind is MomentKind.PENALTY_GOAL:
            c["penalties_scored"] += 1
        if m.kind in (MomentKind.PENALTY_MISSED, MomentKind.PENALTY_SAVED):
            c["penalties_missed"] += 1
        if m.kind is MomentKind.YELLOW:
            c["yellow_cards"] += 1
        if m.kind in (MomentKind.SECOND_YELLOW, MomentKind.RED):
            c["red_cards"] += 1
    # A match without their line-up entry (an imported one has only the scorers) counts
    # as an appearance when a moment names them, unless they came on (counted above)
    # or are a manager (booked on the touchline).
    lined_up = {e.match_id for e in entries}
    came_on = {
        m.match_id
        for m in moments
        if m.kind is MomentKind.SUBSTITUTION and m.player_id == person_id
    }
    if person.role is not PersonRole.MANAGER:
        for match_id, team_id in _played_for(person_id, moments, sides).items():
            if match_id not in lined_up | came_on:
                counts[team_id]["appearances"] += 1
    names = dict(session.exec(select(Team.id, Team.name).where(col(Team.id).in_(counts))).all())
    return [TeamTally(names[team_id], **dict(c)) for team_id, c in sorted(counts.items())]  # type: ignore[arg-type]


def with_baselines(tallies: list[TeamTally], baselines: list[BaselineView]) -> list[TeamTally]:
    """Add each baseline's caps and goals to its team's tally (a row of its own if none)."""
    by_team = {t.team: t for t in tallies}
    for b in baselines:
        t = by_team.get(b.team, TeamTally(team=b.team))
        by_team[b.team] = replace(
            t,
            appearances=t.appearances + (b.caps or 0),
            goals=t.goals + (b.goals or 0),
            baseline_as_of=b.as_of,
            caps_known=b.caps is not None,
        )
    return sorted(by_team.values(), key=lambda t: fold(t.team))

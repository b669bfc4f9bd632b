"""Find-or-create by name, accent- and case-blind; shared by the services (in a Session).

A miss takes the name's lock and looks again before creating (``name_locks``): two
reporters typing a new name at once get one row."""

from __future__ import annotations

from sqlmodel import Session, select

from matchnotes.enums import PersonRole
from matchnotes.errors import ValidationError
from matchnotes.models import Competition, Person, Season, Team, Venue
from matchnotes.services.inputs import checked_name
from matchnotes.services.name_locks import hold_name
from matchnotes.text import clean, fold


def required_name(value: str | None, what: str) -> str:
    return checked_name(value, what)  # the forms' rule (services/inputs.py)


def team_by_name(session: Session, name: str, *, create: bool = True) -> Team:
    name = required_name(name, "team")
    key = fold(name)
    query = select(Team).where(Team.name_key == key)
    team = session.exec(query).first()
    if team is None and create and hold_name(session, "team", key):
        team = session.exec(query).first()
    if team is None:
        if not create:
            raise ValidationError(f"There is no team called “{name}”.")
        team = Team(name=name, name_key=key)
        session.add(team)
        session.flush()
    return team


def competition_by_name(session: Session, name: str) -> Competition:
    name = required_name(name, "competition")
    key = fold(name)
    query = select(Competition).where(Competition.name_key == key)
    found = session.exec(query).first()
    if found is None and hold_name(session, "competition", key):
        found = session.exec(query).first()
    if found is None:
        found = Competition(name=name, name_key=key)
        session.add(found)
        session.flush()
    return found


def season_of(session: Session, competition: Competition, name: str) -> Season:
    name = required_name(name, "season")
    query = select(Season).where(Season.competition_id == competition.id, Season.name == name)
    found = session.exec(query).first()
    if found is None and hold_name(session, "season", f"{competition.id}:{name}"):
        found = session.exec(query).first()
    if found is None:
        assert competition.id is not None
        found = Season(competition_id=competition.id, name=name)
        session.add(found)
        session.flush()
    return found


def venue_by_name(session: Session, name: str, city: str | None = None) -> Venue:
    name = required_name(name, "venue")
    city = clean(city) or None
    query = select(Venue).where(Venue.name_key == fold(name))
    venue = _venue_of(list(session.exec(query)), city)
    if venue is None and hold_name(session, "venue", fold(name)):
        venue = _venue_of(list(session.exec(query)), city)
    if venue is None:
        venue = Venue(name=name, name_key=fold(name), city=city)
        session.add(venue)
        session.flush()
    return venue


def _venue_of(candidates: list[Venue], city: str | None) -> Venue | None:
    """The venue of that name (in that city when one is given), if there is one."""
    for venue in candidates:
        if city is None or (venue.city and fold(venue.city) == fold(city)):
            return venue
    return None


def person_by_name(
    session: Session, name: str, role: PersonRole = PersonRole.PLAYER, *, create: bool = True
) -> Person:
    """The one person with this name; created when unknown, refused when ambiguous."""
    name = required_name(name, role.value)
    query = select(Person).where(Person.name_key == fold(name))
    matches = list(session.exec(query))
    if not matches and create and hold_name(session, "person", fold(name)):
        matches = list(session.exec(query))
    if len(matches) > 1:
        raise ValidationError(
            f"{len(matches)} people are called “{name}”; choose one by id "
            f"({', '.join(str(p.id) for p in matches)})."
        )
    if matches:
        return matches[0]
    if not create:
        raise ValidationError(f"There is nobody called “{name}”.")
    person = Person(name=name, name_key=fold(name), role=role)
    session.add(person)
    session.flush()
    return person

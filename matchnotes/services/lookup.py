"""Find-or-create by name, accent- and case-blind; shared by the services (in a Session)."""

from __future__ import annotations

from sqlmodel import Session, select

from matchnotes.enums import PersonRole
from matchnotes.errors import ValidationError
from matchnotes.models import Competition, Person, Season, Team, Venue
from matchnotes.services.inputs import checked_name
from matchnotes.text import clean, fold


def required_name(value: str | None, what: str) -> str:
    return checked_name(value, what)  # the forms' rule (services/inputs.py)


def team_by_name(session: Session, name: str, *, create: bool = True) -> Team:
    name = required_name(name, "team")
    key = fold(name)
    team = session.exec(select(Team).where(Team.name_key == key)).first()
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
    found = session.exec(select(Competition).where(Competition.name_key == key)).first()
    if found is None:
        found = Competition(name=name, name_key=key)
        session.add(found)
        session.flush()
    return found


def season_of(session: Session, competition: Competition, name: str) -> Season:
    name = required_name(name, "season")
    found = session.exec(
        select(Season).where(Season.competition_id == competition.id, Season.name == name)
    ).first()
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
    candidates = list(session.exec(query))
    for venue in candidates:
        if city is None or (venue.city and fold(venue.city) == fold(city)):
            if city and not venue.city:
                venue.city = city
            return venue
    venue = Venue(name=name, name_key=fold(name), city=city)
    session.add(venue)
    session.flush()
    return venue


def person_by_name(
    session: Session, name: str, role: PersonRole = PersonRole.PLAYER, *, create: bool = True
) -> Person:
    """The one person with this name; created when unknown, refused when ambiguous."""
    name = required_name(name, role.value)
    matches = list(session.exec(select(Person).where(Person.name_key == fold(name))))
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

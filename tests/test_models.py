"""Constraints live in the schema itself, not only in the services."""

import datetime as dt

import pytest
from sqlalchemy import func
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from matchnotes.enums import MomentKind, Period
from matchnotes.models import LineupEntry, Match, Moment, Person, Team


def _teams(session):
    a, b = Team(name="A", name_key="a"), Team(name="B", name_key="b")
    session.add_all([a, b])
    session.flush()
    return a, b


def _match(a, b, **kw):
    return Match(date=dt.date(2024, 1, 1), home_team_id=a.id, away_team_id=b.id, **kw)


@pytest.mark.parametrize(
    "build",
    [
        lambda s, a, b: _match(a, a),  # a team cannot play itself
        lambda s, a, b: _match(a, b, rating=11),
        lambda s, a, b: _match(a, b, attendance=-1),
        lambda s, a, b: _match(a, b, home_score_override=1),  # overrides come in pairs
        lambda s, a, b: Match(date=dt.date(2024, 1, 1), home_team_id=a.id, away_team_id=999),
        lambda s, a, b: Team(name="a", name_key="a"),  # team names are unique, folded
        lambda s, a, b: Moment(
            match_id=999, period=Period.FIRST_HALF, minute=1, sort_key=1, kind=MomentKind.GOAL
        ),
    ],
    ids=[
        "same-teams",
        "rating",
        "attendance",
        "override-pair",
        "fk-team",
        "unique-team",
        "fk-match",
    ],
)
def test_schema_refuses(database, build):
    with Session(database.engine) as session:
        a, b = _teams(session)
        session.add(build(session, a, b))
        with pytest.raises(IntegrityError):
            session.flush()


def test_a_person_is_in_a_match_lineup_once(database):
    with Session(database.engine) as session:
        a, b = _teams(session)
        match = _match(a, b)
        person = Person(name="Harry Kane", name_key="harry kane")
        session.add_all([match, person])
        session.flush()
        session.add(LineupEntry(match_id=match.id, team_id=a.id, person_id=person.id))
        session.flush()
        session.add(LineupEntry(match_id=match.id, team_id=b.id, person_id=person.id))
        with pytest.raises(IntegrityError):
            session.flush()


def test_deleting_a_match_cascades_to_its_moments(database):
    with Session(database.engine) as session:
        a, b = _teams(session)
        match = _match(a, b)
        session.add(match)
        session.flush()
        session.add(
            Moment(match_id=match.id, period=Period.FIRST_HALF, minute=1, sort_key=1,
                   kind=MomentKind.NOTE)
        )  # fmt: skip
        session.commit()
        session.delete(match)
        session.commit()
        assert session.exec(select(func.count()).select_from(Moment)).one() == 0

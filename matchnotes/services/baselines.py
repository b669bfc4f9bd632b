"""Career baselines: what a person did for a team before the database, and the tallies
that add it to what is logged after (person page, draft), and a team's record holder."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, func, or_
from sqlmodel import Session, col, select

from matchnotes.enums import MomentKind, Period
from matchnotes.models import CareerBaseline, Match, Moment, Person, Team
from matchnotes.services.inputs import BaselineInput, check_baselines
from matchnotes.services.lookup import team_by_name
from matchnotes.services.views import BaselineView

SCORING = (MomentKind.GOAL, MomentKind.PENALTY_GOAL)


def replace_baselines(
    session: Session, person_id: int, baselines: tuple[BaselineInput, ...]
) -> None:
    check_baselines(baselines)
    old = session.exec(select(CareerBaseline).where(col(CareerBaseline.person_id) == person_id))
    for row in old:
        session.delete(row)  # row by row, so the change history sees them
    session.flush()
    for b in baselines:
        team = team_by_name(session, b.team)
        assert team.id is not None
        session.add(
            CareerBaseline(
                person_id=person_id, team_id=team.id, as_of=b.as_of, caps=b.caps, goals=b.goals
            )
        )
    session.flush()


def load_baselines(session: Session, person_id: int) -> list[BaselineView]:
    rows = session.exec(
        select(CareerBaseline, Team.name)
        .join(Team, col(Team.id) == CareerBaseline.team_id)
        .where(CareerBaseline.person_id == person_id)
        .order_by(col(Team.name_key))
    ).all()
    return [BaselineView(b.team_id, name, b.as_of, b.caps, b.goals) for b, name in rows]


def as_inputs(views: list[BaselineView]) -> tuple[BaselineInput, ...]:
    return tuple(BaselineInput(v.team, v.as_of, v.caps, v.goals) for v in views)


@dataclass(frozen=True)
class Until:
    """A point in time: before ``date``, or in match ``match_id`` before ``sort_key``."""

    date: dt.date
    match_id: int | None = None
    sort_key: int | None = None


def goals_for_team(
    session: Session, team_id: int, until: Until, person_ids: list[int] | None = None
) -> dict[int, tuple[int, str]]:
    """Goals for the team by each person with a known goals baseline, up to ``until``:
    baseline + logged goals after its date. {person_id: (goals, name)}.

    Only people with a baseline count: without one, what is logged is not a career.
    """
    query = (
        select(CareerBaseline, Person.name)
        .join(Person, col(Person.id) == CareerBaseline.person_id)
        .where(CareerBaseline.team_id == team_id, col(CareerBaseline.goals).is_not(None))
    )
    if person_ids is not None:
        query = query.where(col(CareerBaseline.person_id).in_(person_ids))
    result: dict[int, tuple[int, str]] = {}
    for b, name in session.exec(query).all():
        if b.as_of >= until.date:
            continue  # the baseline is not from before this point
        earlier = col(Match.date) < until.date
        if until.match_id is not None and until.sort_key is not None:
            earlier = or_(
                earlier,
                and_(col(Match.id) == until.match_id, col(Moment.sort_key) < until.sort_key),
            )
        logged = session.exec(
            select(func.count(col(Moment.id)))
            .join(Match, col(Match.id) == Moment.match_id)
            .where(
                Moment.player_id == b.person_id,
                Moment.team_id == team_id,
                col(Moment.kind).in_(SCORING),
                Moment.period != Period.SHOOTOUT,
                col(Match.date) > b.as_of,
                earlier,
            )
        ).one()
        result[b.person_id] = ((b.goals or 0) + logged, name)
    return result


def record_holder(
    session: Session, team_id: int, until: Until, *, excluding: int | None = None
) -> tuple[int, str, int] | None:
    """The team's top scorer among known baselines at ``until``: (person_id, name, goals)."""
    tallies = goals_for_team(session, team_id, until)
    best = sorted(
        ((goals, name, pid) for pid, (goals, name) in tallies.items() if pid != excluding),
        key=lambda t: (-t[0], t[1]),
    )
    if not best:
        return None
    goals, name, pid = best[0]
    return pid, name, goals

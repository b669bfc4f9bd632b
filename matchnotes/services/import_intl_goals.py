"""The archive's goals as moments, their scorers as people (the fast path's second half).

A scorer is a person of a team: "Harry Kane" for England is the user's Harry Kane when
the user has him in an England line-up or moment (or he is the only Harry Kane and has
no team yet); otherwise a new person, so two namesakes of two countries stay two. An own
goal counts for the other side but is the scorer's own team's moment, as the quick
entry logs it. Everything is looked up once into dicts and written with bulk inserts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import Connection, func, insert, select

from matchnotes.enums import MomentKind, PersonRole
from matchnotes.errors import ValidationError
from matchnotes.io.international import ArchiveGoal
from matchnotes.minutes import Minute, written_minute
from matchnotes.models import LineupEntry, Moment, Person
from matchnotes.text import fold as _fold

fold = lru_cache(maxsize=1 << 17)(_fold)  # scorers score many goals

PERSON = Person.__table__  # type: ignore[attr-defined]
MOMENT = Moment.__table__  # type: ignore[attr-defined]
LINEUP = LineupEntry.__table__  # type: ignore[attr-defined]


@dataclass
class GoalOfMatch:
    match_id: int
    goal: ArchiveGoal
    minute: Minute
    scorer_team: int  # the scorer's own team (for an own goal, the other side)


class Scorers:
    """People by folded name, with the teams each has played or scored for."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.by_key: dict[str, list[int]] = {}
        for pid, key in conn.execute(select(PERSON.c.id, PERSON.c.name_key)):
            self.by_key.setdefault(key, []).append(pid)
        self.teams: dict[int, set[int]] = {}
        for query in (
            select(LINEUP.c.person_id, LINEUP.c.team_id).distinct(),
            select(MOMENT.c.player_id, MOMENT.c.team_id)
            .where(MOMENT.c.player_id.is_not(None), MOMENT.c.team_id.is_not(None))
            .distinct(),
        ):
            for pid, tid in conn.execute(query):
                self.teams.setdefault(pid, set()).add(tid)
        self.new: dict[tuple[str, int], str] = {}  # (key, team) -> name, to create

    def find(self, name: str, team_id: int) -> int | tuple[str, int]:
        """The person's id, or the (key, team) a new person will be made for."""
        key = fold(name)
        candidates = self.by_key.get(key, [])
        for pid in candidates:
            if team_id in self.teams.get(pid, ()):
                return pid
        if len(candidates) == 1 and not self.teams.get(candidates[0]):
            self.teams[candidates[0]] = {team_id}  # his team is this one from now on
            return candidates[0]
        self.new.setdefault((key, team_id), name)
        return (key, team_id)

    def create(self) -> dict[tuple[str, int], int]:
        """Insert the new people at once; their ids by (key, team)."""
        if not self.new:
            return {}
        start = self.conn.execute(select(func.max(PERSON.c.id))).scalar() or 0
        rows = [
            {"name": name, "name_key": key, "role": PersonRole.PLAYER}
            for (key, _team), name in self.new.items()
        ]
        self.conn.execute(insert(PERSON), rows)
        ids = self.conn.execute(
            select(PERSON.c.id).where(PERSON.c.id > start).order_by(PERSON.c.id)
        ).scalars()
        return dict(zip(self.new, ids, strict=True))


def goal_minute(goal: ArchiveGoal, extra_time: bool) -> Minute | None:
    """The archive's plain minute as a valid one (95 is 90+5 unless extra time was
    played); None when it has none or it cannot be one."""
    if goal.minute is None:
        return None
    try:
        return written_minute(max(goal.minute, 1), extra_time=extra_time)
    except ValidationError:
        return None


def write_goals(conn: Connection, goals: list[GoalOfMatch]) -> int:
    """Insert the goals (with their scorers); returns how many people were added."""
    scorers = Scorers(conn)
    found = [scorers.find(g.goal.scorer, g.scorer_team) for g in goals]
    created = scorers.create()
    now = dt.datetime.now(dt.UTC)
    rows = []
    for g, who in zip(goals, found, strict=True):
        minute = g.minute
        kind = (
            MomentKind.OWN_GOAL
            if g.goal.own_goal
            else MomentKind.PENALTY_GOAL
            if g.goal.penalty
            else MomentKind.GOAL
        )
        rows.append(
            {
                "match_id": g.match_id,
                "period": minute.period,
                "minute": minute.minute,
                "stoppage": minute.stoppage,
                "sort_key": minute.sort_key,
                "kind": kind,
                "team_id": g.scorer_team,
                "player_id": who if isinstance(who, int) else created[who],
                "description": "",
                "created_at": now,
            }
        )
    for start in range(0, len(rows), 5000):
        conn.execute(insert(MOMENT), rows[start : start + 5000])
    return len(created)

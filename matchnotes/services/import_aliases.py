"""Aliases: the spellings imports use for the user's teams, competitions and stages.

An import never renames what the user wrote. When its match is one the user already
has ("World Cup / Quarter-finals" for the user's "FIFA World Cup / Quarter-final",
"United States" for "USA"), the import's spelling is learnt as an alias of the user's
row, and from then on (in this import and the next) that spelling finds the row.
Read once into memory (``Aliases.load``), written in the import's own transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, insert, select
from sqlmodel import Session

from matchnotes.models import Alias, Competition, Match, Season, Team
from matchnotes.text import clean
from matchnotes.text import fold as _fold

fold = lru_cache(maxsize=1 << 16)(_fold)  # an import folds the same names again and again

KINDS = ("team", "competition", "stage")
TEAM, COMP = Team.__table__, Competition.__table__  # type: ignore[attr-defined]
SEASON, MATCH = Season.__table__, Match.__table__  # type: ignore[attr-defined]


def pairs(conn: Connection, key: Any, value: Any) -> dict[Any, Any]:
    """{key: value} over a table's rows, read in one query."""
    return {k: v for k, v in conn.execute(select(key, value))}


class Aliases:
    """The known aliases of one kind each, by folded spelling, learnt ones added."""

    def __init__(self) -> None:
        self.ids: dict[str, dict[str, int]] = {"team": {}, "competition": {}}
        self.stages: dict[str, str] = {}
        self.learnt = 0

    @classmethod
    def load(cls, session: Session) -> Aliases:
        found = cls()
        table = Alias.__table__  # type: ignore[attr-defined]
        rows = session.connection().execute(
            select(table.c.kind, table.c.key, table.c.target_id, table.c.target_name)
        )
        for kind, key, target_id, target_name in rows:
            if kind == "stage" and target_name:
                found.stages[key] = target_name
            elif kind in found.ids and target_id is not None:
                found.ids[kind][key] = target_id
        return found

    def target(self, kind: str, spelling: str) -> int | None:
        return self.ids[kind].get(fold(spelling))

    def stage(self, spelling: str | None) -> str | None:
        """The user's words for an imported stage (the spelling itself when none learnt)."""
        if spelling is None:
            return None
        return self.stages.get(fold(spelling), spelling)

    def learn(self, session: Session, kind: str, spelling: str, target: int | str) -> None:
        """Remember that ``spelling`` names the user's row ``target`` (an id, or for a
        stage the user's words); nothing when the spellings fold alike or it is known."""
        spelling = clean(spelling)
        key = fold(spelling)
        if not key:
            return
        if kind == "stage":
            assert isinstance(target, str)
            if key == fold(target) or key in self.stages:
                return
            self.stages[key] = target
            values: dict[str, int | str] = {"target_name": target}
        else:
            assert isinstance(target, int)
            if key in self.ids[kind]:
                return
            self.ids[kind][key] = target
            values = {"target_id": target}
        table = Alias.__table__  # type: ignore[attr-defined]
        session.connection().execute(
            insert(table).values(kind=kind, key=key, spelling=spelling, **values)
        )
        self.learnt += 1


@dataclass(frozen=True, slots=True)
class Named:
    """What an imported match calls its teams, competition and stage."""

    date: dt.date
    home: str
    away: str
    competition: str | None
    stage: str | None


def learn_from_existing(session: Session, aliases: Aliases, items: Iterable[Named]) -> None:
    """Before an import writes, learn the spellings its matches use for matches the user
    already has: a team on that date against a known opponent, then the competition
    and stage of a match found by date and teams. One read of each table."""
    conn = session.connection()
    teams: dict[str, int] = pairs(conn, TEAM.c.name_key, TEAM.c.id)
    names = {tid: key for key, tid in teams.items()}
    competitions: dict[int, str] = pairs(conn, COMP.c.id, COMP.c.name_key)
    seasons: dict[int, int] = pairs(conn, SEASON.c.id, SEASON.c.competition_id)
    matches: dict[tuple[dt.date, int, int], tuple[int | None, str | None]] = {}
    opponents: dict[tuple[dt.date, int, str], list[int]] = {}
    c = MATCH.c
    query = select(c.date, c.home_team_id, c.away_team_id, c.season_id, c.stage)
    for date, home, away, season_id, stage in conn.execute(query):
        matches.setdefault((date, home, away), (season_id, stage))
        opponents.setdefault((date, home, "home"), []).append(away)
        opponents.setdefault((date, away, "away"), []).append(home)
    items = list(items)
    spelt = {fold(n) for item in items for n in (item.home, item.away)}

    def team(name: str) -> int | None:
        key = fold(name)
        found = teams.get(key, aliases.ids["team"].get(key))
        return found if found in names else None

    for item in items:
        home, away = team(item.home), team(item.away)
        for known, unknown, side in ((home, item.away, "home"), (away, item.home, "away")):
            if known is None or team(unknown) is not None:
                continue
            rivals = opponents.get((item.date, known, side), [])
            if len(rivals) == 1 and names[rivals[0]] not in spelt:
                aliases.learn(session, "team", unknown, rivals[0])
    # A spelling is learnt only when every match of the import that has it agrees on the
    # user's row: "Group A" against "Group A, Matchday 1", "..., Matchday 2" is no alias.
    seen: dict[tuple[str, str], tuple[str, set[int | str]]] = {}
    spelt_competitions = set(competitions.values())
    for item in items:
        home, away = team(item.home), team(item.away)
        if home is None or away is None or (item.date, home, away) not in matches:
            continue
        season_id, stage = matches[(item.date, home, away)]
        competition = seasons.get(season_id) if season_id is not None else None
        if item.competition and competition is not None:
            key = fold(item.competition)
            if key != competitions[competition] and key not in spelt_competitions:
                seen.setdefault(("competition", key), (item.competition, set()))[1].add(competition)
        if item.stage and stage:
            seen.setdefault(("stage", fold(item.stage)), (item.stage, set()))[1].add(stage)
    for (kind, _key), (spelling, targets) in seen.items():
        if len(targets) == 1:
            aliases.learn(session, kind, spelling, next(iter(targets)))

"""A competition's page: its seasons, and for one season the group tables, the knock-out
bracket and the top scorers, computed from the results in the database."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import BindParameter, Row, bindparam, text

from matchnotes.errors import NotFoundError
from matchnotes.scores import Score
from matchnotes.services.base import Service
from matchnotes.services.matches import load_match_summaries
from matchnotes.services.standings import Scorer, SeasonTables, season_tables
from matchnotes.services.views import MatchSummary

TOP_SCORERS = 20


@dataclass(frozen=True)
class CompetitionPage:
    id: int
    name: str
    seasons: tuple[str, ...]  # newest first
    season: str | None  # the one shown
    matches: tuple[MatchSummary, ...]
    tables: SeasonTables
    scorers: tuple[Scorer, ...]


_SEASONS = "SELECT s.name FROM season s WHERE s.competition_id = :cid"
_MATCH_IDS = """
SELECT m.id FROM match m JOIN season s ON s.id = m.season_id
WHERE s.competition_id = :cid AND s.name = :season
"""
# Shoot-out scores: the stored pair where typed, else the kicks logged (scores.py's rule).
_SHOOTOUTS = """
SELECT m.id, m.home_team_id, m.away_team_id, m.home_penalties, m.away_penalties,
       SUM(CASE WHEN k.team_id = m.home_team_id THEN 1 ELSE 0 END),
       SUM(CASE WHEN k.team_id = m.away_team_id THEN 1 ELSE 0 END),
       COUNT(k.id)
FROM match m LEFT JOIN moment k ON k.match_id = m.id AND k.period = 'PSO'
     AND k.kind IN ('goal', 'penalty_goal')
WHERE m.id IN :ids
GROUP BY m.id, m.home_team_id, m.away_team_id, m.home_penalties, m.away_penalties
"""
_SCORERS = """
SELECT p.id, p.name, t.name, COUNT(*),
       SUM(CASE WHEN k.kind = 'penalty_goal' THEN 1 ELSE 0 END)
FROM moment k JOIN person p ON p.id = k.player_id LEFT JOIN team t ON t.id = k.team_id
WHERE k.match_id IN :ids AND k.kind IN ('goal', 'penalty_goal') AND k.period <> 'PSO'
GROUP BY p.id, p.name, t.name
ORDER BY COUNT(*) DESC, SUM(CASE WHEN k.kind = 'penalty_goal' THEN 1 ELSE 0 END), p.name
LIMIT :top
"""


class CompetitionService(Service):
    def page(self, competition_id: int, season: str | None = None) -> CompetitionPage:
        """The page of one season (the newest when none is named)."""
        with self._read() as session:
            found = session.execute(
                text("SELECT name FROM competition WHERE id = :cid"), {"cid": competition_id}
            ).first()
            if found is None:
                raise NotFoundError(f"Competition {competition_id} does not exist.")
            names = [r[0] for r in session.execute(text(_SEASONS), {"cid": competition_id})]
            seasons = tuple(sorted(names, reverse=True))
            if season is None or season not in seasons:
                season = seasons[0] if seasons else None
            if season is None:
                return CompetitionPage(competition_id, found[0], (), None, (), SeasonTables(), ())
            ids = [
                r[0]
                for r in session.execute(
                    text(_MATCH_IDS), {"cid": competition_id, "season": season}
                )
            ]
            matches = load_match_summaries(session, ids)
            chosen: BindParameter[list[int]] = bindparam("ids", ids, expanding=True)
            shootouts = {
                row[0]: score
                for row in session.execute(text(_SHOOTOUTS).bindparams(chosen))
                if (score := _shootout(row)) is not None
            }
            scorers = tuple(
                Scorer(pid, name, team, int(goals), int(pens or 0))
                for pid, name, team, goals, pens in session.execute(
                    text(_SCORERS).bindparams(chosen), {"top": TOP_SCORERS}
                )
            )
        return CompetitionPage(
            competition_id,
            found[0],
            seasons,
            season,
            tuple(matches),
            season_tables(matches, shootouts),
            scorers,
        )


def _shootout(row: Row[Any]) -> Score | None:
    typed_home, typed_away, kicked_home, kicked_away, kicks = tuple(row)[3:]
    if typed_home is not None and typed_away is not None:
        return Score(typed_home, typed_away)
    if kicks:
        return Score(int(kicked_home or 0), int(kicked_away or 0))
    return None

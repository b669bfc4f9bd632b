"""The diary's statistics, read in a few queries over the matches the fan marked
attended or watched (figures computed by ``diary_figures.py``)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import text

from matchnotes.services.base import Service
from matchnotes.services.diary import SEEN_SQL
from matchnotes.services.diary_figures import DiaryFigures, SeenMatch, figures
from matchnotes.services.summaries import build_summaries, goals_sql, summaries_sql

_SEEN = f"m.{SEEN_SQL}"  # the diary's own rule of what was seen
_PLACES = f"""
SELECT m.id, v.city, v.country FROM match m JOIN venue v ON v.id = m.venue_id
WHERE {_SEEN}
"""
# Everyone seen play: the line-ups of the matches seen, and whoever a moment names as
# its player (scorers of matches logged without line-ups).
_PLAYERS = f"""
SELECT e.match_id, p.name, p.id FROM lineup_entry e JOIN person p ON p.id = e.person_id
JOIN match m ON m.id = e.match_id
WHERE {_SEEN} AND e.role <> 'manager'
UNION
SELECT k.match_id, p.name, p.id FROM moment k JOIN person p ON p.id = k.player_id
JOIN match m ON m.id = k.match_id
WHERE {_SEEN}
"""


class DiaryStatsService(Service):
    today = staticmethod(dt.date.today)  # "on this day" (tests set their own calendar)

    def figures(
        self, year: int | None = None, team_id: int | None = None, today: dt.date | None = None
    ) -> DiaryFigures:
        with self._read() as session:
            summaries = build_summaries(
                session.execute(text(summaries_sql(_SEEN))),
                session.execute(
                    text(goals_sql(f"match_id IN (SELECT m.id FROM match m WHERE {_SEEN})"))
                ),
            )
            places = {row[0]: (row[1], row[2]) for row in session.execute(text(_PLACES))}
            players = [(r[0], r[1], r[2]) for r in session.execute(text(_PLAYERS))]  # distinct
        seen = [
            SeenMatch(
                s.id, s.date, s.home_id, s.home, s.away_id, s.away, s.score, s.fan_attendance,
                s.venue, *places.get(s.id, (None, None)), s.competition,
            )
            for s in summaries
        ]  # fmt: skip
        return figures(seen, players, year=year, team_id=team_id, today=today or self.today())

    def teams_seen(self) -> list[tuple[int, str]]:
        """Teams in the matches seen, most often first (the chooser of "my team")."""
        sql = text(
            "SELECT t.id, t.name, COUNT(*) FROM match m JOIN team t"
            " ON t.id IN (m.home_team_id, m.away_team_id)"
            f" WHERE {_SEEN} GROUP BY t.id, t.name ORDER BY COUNT(*) DESC, t.name"
        )
        with self._read() as session:
            return [(row[0], row[1]) for row in session.execute(sql)]

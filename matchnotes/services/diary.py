"""The fan's diary: the matches they attended or watched, read in SQL; marking a match
seen (attended or watched, where, a rating); finding a match they saw in the archive.

The diary is the fan's own: an archive of 10,000 imported matches may hold a dozen
they saw, so the diary reads those rows only (a WHERE, not a filter over every match),
and the goals of those matches only.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BindParameter, Date, bindparam, text
from sqlmodel import Session

from matchnotes.enums import Attendance
from matchnotes.errors import ValidationError
from matchnotes.models import Match, Team
from matchnotes.services.base import Service, get_or_404
from matchnotes.services.change_log import say
from matchnotes.services.summaries import build_summaries, goals_sql, summaries_sql
from matchnotes.services.views import MatchSummary
from matchnotes.text import clean, fold

SEEN_SQL = "fan_attendance IN ('attended', 'watched')"
MAX_CANDIDATES = 50
MAX_WHERE = 200  # characters of "where watched"
SEEN_WORDS = {Attendance.ATTENDED: "attended", Attendance.WATCHED: "watched",
              Attendance.NONE: "not seen"}  # fmt: skip


class DiaryService(Service):
    def entries(self) -> list[MatchSummary]:
        """Every match the fan attended or watched, newest first."""
        with self._read() as session:
            rows = session.execute(text(summaries_sql(f"m.{SEEN_SQL}")))
            goals = session.execute(
                text(goals_sql(f"match_id IN (SELECT id FROM match WHERE {SEEN_SQL})"))
            )
            return build_summaries(rows, goals)

    def entry(self, match_id: int) -> tuple[MatchSummary, str | None]:
        """One match as the "I saw this match" form shows it, with where it was watched."""
        from matchnotes.services.matches import load_match_summaries

        with self._read() as session:
            match = get_or_404(session, Match, match_id, "match")
            return load_match_summaries(session, [match_id])[0], match.watched_where

    def team_names(self) -> list[str]:
        """Every team's name, for completion (without the match counts teams() adds)."""
        with self._read() as session:
            return list(session.execute(text("SELECT name FROM team ORDER BY name_key")).scalars())

    def candidates(
        self, home: str, away: str, date: dt.date | None, days: int = 3
    ) -> list[MatchSummary]:
        """Matches of the archive that fit: the teams named (part of a name is enough,
        either way round) within ``days`` of ``date``; nearest date first."""
        names = [fold(n) for n in (home, away) if fold(n)]
        if not names and date is None:
            raise ValidationError("Name a team or give a date to look for the match.")
        where, params = [], []
        if date is not None:
            lo = bindparam("lo", date - dt.timedelta(days=days), type_=Date)
            hi = bindparam("hi", date + dt.timedelta(days=days), type_=Date)
            where.append("m.date BETWEEN :lo AND :hi")
            params += [lo, hi]
        for i, name in enumerate(names):
            params.append(bindparam(f"t{i}", f"%{_like(name)}%"))
        sides = "h.name_key LIKE :{0} ESCAPE '\\' OR a.name_key LIKE :{0} ESCAPE '\\'"
        if len(names) == 2:
            where.append(
                "((h.name_key LIKE :t0 ESCAPE '\\' AND a.name_key LIKE :t1 ESCAPE '\\')"
                " OR (h.name_key LIKE :t1 ESCAPE '\\' AND a.name_key LIKE :t0 ESCAPE '\\'))"
            )
        elif names:
            where.append(f"({sides.format('t0')})")
        limit = f"LIMIT {MAX_CANDIDATES}"
        with self._read() as session:
            query = text(summaries_sql(" AND ".join(where), limit)).bindparams(*params)
            rows = session.execute(query).all()
            ids: BindParameter[list[int]] = bindparam(
                "ids", [r[0] for r in rows] or [0], expanding=True
            )
            goals = session.execute(text(goals_sql("match_id IN :ids")).bindparams(ids))
            found = build_summaries(rows, goals)
        if date is not None:
            found.sort(key=lambda m: (abs((m.date - date).days), m.date, m.id))
        return found

    def set_seen(
        self, match_id: int, seen: Attendance, where: str | None = None, rating: int | None = None
    ) -> None:
        """Mark a match attended, watched (where) or not seen, with the fan's rating;
        one change in the history. Not seen clears where and the rating."""
        if rating is not None and not 0 <= rating <= 10:
            raise ValidationError(f"A rating is from 0 to 10, not {rating}.")
        where = clean(where) or None
        if where is not None and len(where) > MAX_WHERE:
            raise ValidationError(f"Where you watched it: at most {MAX_WHERE} characters.")
        with self._write() as session:
            match = get_or_404(session, Match, match_id, "match")
            match.fan_attendance = seen
            match.watched_where = where if seen is Attendance.WATCHED else None
            match.rating = rating if seen is not Attendance.NONE else None
            title = _title(session, match)
            say(session, f"Marked {title} as {SEEN_WORDS[seen]}")


def _like(text_: str) -> str:
    return text_.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _title(session: Session, match: Match) -> str:
    home = session.get(Team, match.home_team_id)
    away = session.get(Team, match.away_team_id)
    return f"{home.name if home else '?'} v {away.name if away else '?'}"

"""Import the international results archive fast, merged with what the database has.

49,520 matches through the ORM import (about 4 ms a match) would take minutes; here
everything that exists is read once into dicts (teams, competitions, seasons, matches),
the keys are computed in memory and the new rows go in with SQLAlchemy Core bulk
inserts, all in the caller's one transaction. Merging: a team, competition or match the
user has is found by folded name, alias (``import_aliases``: learnt here from the matches
both have, and from the archive's former names), then date and teams; the user's rows
keep their names, stage and competition, and an existing match only has its blanks
filled (competition, goals when it has none). A second import finds everything and
writes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import lru_cache

from sqlalchemy import Table, func, insert, select, update
from sqlmodel import Session

from matchnotes.db import search
from matchnotes.enums import Attendance, Decision, MatchStatus, MomentKind, SearchKind
from matchnotes.errors import MatchNotesError
from matchnotes.io.international import LABEL, Archive, ArchiveGoal, ArchiveMatch
from matchnotes.io.summary import ImportSummary
from matchnotes.minutes import Minute
from matchnotes.models import Competition, Match, Moment, Season, Team
from matchnotes.services.import_aliases import Aliases, Named, learn_from_existing
from matchnotes.services.import_intl_goals import GoalOfMatch, goal_minute, write_goals
from matchnotes.text import fold as _fold

fold = lru_cache(maxsize=1 << 16)(_fold)  # the archive names 337 teams 99,040 times

Progress = Callable[[int, int], None]
TEAM, COMP = Team.__table__, Competition.__table__  # type: ignore[attr-defined]
SEASON, MATCH = Season.__table__, Match.__table__  # type: ignore[attr-defined]
MOMENT = Moment.__table__  # type: ignore[attr-defined]
_SCORING = (MomentKind.GOAL, MomentKind.PENALTY_GOAL, MomentKind.OWN_GOAL)
_STEP = 2000  # matches between two progress reports
BULK_CACHE_KIB = 128 * 1024


class ImportCancelled(MatchNotesError):
    def __init__(self) -> None:
        super().__init__("The import was cancelled; nothing was saved.")


class InternationalImport:
    def __init__(self, session: Session, archive: Archive, progress: Progress | None) -> None:
        self.s, self.conn, self.archive = session, session.connection(), archive
        self.progress = progress or (lambda done, total: None)
        self.summary = ImportSummary(archive.source, LABEL, "matches")
        self.aliases = Aliases.load(session)
        self.now = dt.datetime.now(dt.UTC)
        self.typed_scores: set[int] = set()

    def run(self) -> ImportSummary:
        kinds = (SearchKind.TEAM, SearchKind.MATCH, SearchKind.PERSON, SearchKind.MOMENT)
        sqlite = self.conn.dialect.name == "sqlite"
        # A cache that holds the indexes being filled: without it SQLite spills pages
        # to the WAL mid-transaction and reads them back. Set back afterwards.
        cache = self.conn.exec_driver_sql("PRAGMA cache_size").scalar() if sqlite else None
        if sqlite:
            self.conn.exec_driver_sql(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
        try:
            with search.bulk_insert(self.conn, kinds):
                return self._run()
        finally:
            if sqlite:
                self.conn.exec_driver_sql(f"PRAGMA cache_size = {int(cache or -2000)}")

    def _run(self) -> ImportSummary:
        matches, total = self.archive.matches, len(self.archive.matches)
        self.progress(0, total)
        self._learn_former_names()
        named = (Named(m.date, m.home, m.away, m.tournament, None) for m in matches)
        learn_from_existing(self.s, self.aliases, named)
        teams = self._ids(TEAM, "team", {n for m in matches for n in (m.home, m.away)})
        competitions = self._ids(COMP, "competition", {m.tournament for m in matches})
        seasons = self._seasons(
            {(competitions[fold(m.tournament)], str(m.date.year)) for m in matches}
        )
        existing = self._existing()
        scored = {mid for (mid,) in self.conn.execute(
            select(MOMENT.c.match_id).where(MOMENT.c.kind.in_(_SCORING)).distinct())}  # fmt: skip
        tally = self.summary.tally("matches")
        new_rows: list[dict[str, object]] = []
        new_of: list[ArchiveMatch] = []
        goals: list[tuple[int | None, ArchiveMatch, bool]] = []  # (match id or None: new, ...)
        fills: list[dict[str, object]] = []
        keys: set[tuple[dt.date, int, int]] = set()
        archive_keys = {(m.date, teams[fold(m.home)], teams[fold(m.away)]) for m in matches}
        for done, m in enumerate(matches, 1):
            home, away = teams[fold(m.home)], teams[fold(m.away)]
            key = (m.date, home, away)
            season = seasons[(competitions[fold(m.tournament)], str(m.date.year))]
            swapped = (m.date, away, home)
            if key not in existing and swapped in existing and swapped not in archive_keys:
                key, flip = swapped, True  # the user has it the other way round
            else:
                flip = False
            if key in keys:  # the archive repeats a match: the first line counts
                tally.unchanged += 1
                continue
            keys.add(key)
            if key in existing:
                match_id, season_id = existing[key]
                fill: dict[str, object] = {}
                if season_id is None:
                    fill["season_id"] = season
                if match_id not in scored and _usable(m, home, away, teams):
                    goals.append((match_id, m, flip))
                    fill.setdefault("season_id", season_id)
                if fill:
                    fills.append({"id_": match_id, **fill})
                    tally.updated += 1
                else:
                    tally.unchanged += 1
            else:
                new_rows.append(self._match_row(m, home, away, season))
                new_of.append(m)
                goals.append((None, m, False))
                tally.added += 1
            if done % _STEP == 0:
                self.progress(done // 3, total)  # a third of the work: the rest is writing
        self.progress(total // 3, total)
        ids = self._insert_matches(new_rows)
        self.progress(total // 2, total)
        new_ids = dict(zip(map(id, new_of), ids, strict=True))
        if fills:
            self._fill(fills)
        self._goals(goals, new_ids, teams)
        self.progress(total * 9 // 10, total)
        if self.aliases.learnt:
            self.summary.tally("aliases").added += self.aliases.learnt
        return self.summary

    # --- names ---

    def _learn_former_names(self) -> None:
        """A team the user has under a name it had before ("Zaïre") is the archive's
        team of today ("DR Congo"), unless the database already knows that name."""
        known = {key for (key,) in self.conn.execute(select(TEAM.c.name_key))}
        by_key = {key: tid for tid, key in self.conn.execute(select(TEAM.c.id, TEAM.c.name_key))}
        for former in self.archive.former_names:
            current = fold(former.current)
            if current in known or self.aliases.target("team", former.current) is not None:
                continue
            target = by_key.get(fold(former.former))
            if target is not None:
                self.aliases.learn(self.s, "team", former.current, target)

    def _ids(self, table: Table, kind: str, names: set[str]) -> dict[str, int]:
        """Id by folded spelling for each name: the row of that name, the alias's row, or
        a new row (inserted at once)."""
        rows: dict[str, int] = {
            k: i for k, i in self.conn.execute(select(table.c.name_key, table.c.id))
        }
        present = set(rows.values())
        ids: dict[str, int] = {}
        missing: dict[str, str] = {}
        for name in sorted(names):
            key = fold(name)
            target = rows.get(key)
            if target is None:
                alias = self.aliases.target(kind, name)
                target = alias if alias in present else None
            if target is None:
                missing.setdefault(key, name)
            else:
                ids[key] = target
        if missing:
            # Every side in the archive is a national team: its country is its name (a
            # team the user has keeps what they wrote, country included).
            country = (lambda n: {"country": n}) if kind == "team" else (lambda _n: {})
            self.conn.execute(
                insert(table),
                [{"name": n, "name_key": k, **country(n)} for k, n in missing.items()],
            )
            query = select(table.c.name_key, table.c.id).where(table.c.id > max(present, default=0))
            ids.update({k: i for k, i in self.conn.execute(query) if k in missing})
            self.summary.tally(f"{kind}s").added += len(missing)
        return ids

    def _seasons(self, wanted: set[tuple[int, str]]) -> dict[tuple[int, str], int]:
        query = select(SEASON.c.competition_id, SEASON.c.name, SEASON.c.id)
        found = {(c, n): i for c, n, i in self.conn.execute(query)}
        missing = sorted(wanted - found.keys())
        if missing:
            self.conn.execute(
                insert(SEASON), [{"competition_id": c, "name": n} for c, n in missing]
            )
            found = {(c, n): i for c, n, i in self.conn.execute(query)}
        return found

    # --- matches ---

    def _existing(self) -> dict[tuple[dt.date, int, int], tuple[int, int | None]]:
        query = select(MATCH.c.date, MATCH.c.home_team_id, MATCH.c.away_team_id,
                       MATCH.c.id, MATCH.c.season_id, MATCH.c.home_score_override,
                       ).order_by(MATCH.c.id)  # fmt: skip
        found: dict[tuple[dt.date, int, int], tuple[int, int | None]] = {}
        for date, home, away, mid, season, override in self.conn.execute(query):
            found.setdefault((date, home, away), (mid, season))
            if override is not None:
                self.typed_scores.add(mid)  # the user's score: the archive's never replaces it
        return found

    def _match_row(self, m: ArchiveMatch, home: int, away: int, season: int) -> dict[str, object]:
        """The new match's columns; the others are NULL (or their server default)."""
        return {
            "season_id": season, "date": m.date, "home_team_id": home, "away_team_id": away,
            "decided_by": Decision.PENALTIES if m.shootout_winner else Decision.REGULAR,
            "status": MatchStatus.FINISHED if m.score is not None else MatchStatus.SCHEDULED,
            "fan_attendance": Attendance.NONE, "clock_adjust_seconds": 0,
            "created_at": self.now, "updated_at": self.now,
        }  # fmt: skip

    def _insert_matches(self, rows: list[dict[str, object]]) -> list[int]:
        if not rows:
            return []
        start = self.conn.execute(select(func.max(MATCH.c.id))).scalar() or 0
        for i in range(0, len(rows), 5000):
            self.conn.execute(insert(MATCH), rows[i : i + 5000])
        query = select(MATCH.c.id).where(MATCH.c.id > start).order_by(MATCH.c.id)
        return list(self.conn.execute(query).scalars())

    def _fill(self, fills: list[dict[str, object]]) -> None:
        from sqlalchemy import bindparam

        now = dt.datetime.now(dt.UTC)
        statement = (
            update(MATCH)
            .where(MATCH.c.id == bindparam("id_"))
            .values(season_id=bindparam("season_id"), updated_at=now)
        )
        self.conn.execute(statement, fills)

    def _goals(
        self,
        goals: list[tuple[int | None, ArchiveMatch, bool]],
        new_ids: dict[int, int],
        teams: dict[str, int],
    ) -> None:
        """The goals of new matches and of existing ones that had none, with the score
        kept as an override where the goals listed do not add up to it."""
        found: list[GoalOfMatch] = []
        overrides: list[dict[str, object]] = []
        for match_id, m, flip in goals:
            mid = match_id if match_id is not None else new_ids[id(m)]
            home, away = teams[fold(m.home)], teams[fold(m.away)]
            counted = {home: 0, away: 0}
            for goal, minute, side, scorer_team in _usable(m, home, away, teams):
                found.append(GoalOfMatch(mid, goal, minute, scorer_team))
                counted[side] += 1
            typed = mid in self.typed_scores
            if m.score is not None and (counted[home], counted[away]) != m.score and not typed:
                score = m.score[::-1] if flip else m.score
                overrides.append({"id_": mid, "h": score[0], "a": score[1]})
        self.summary.tally("moments").added += len(found)
        self.summary.tally("people").added += write_goals(self.conn, found)
        if overrides:
            from sqlalchemy import bindparam

            statement = (
                update(MATCH)
                .where(MATCH.c.id == bindparam("id_"))
                .values(home_score_override=bindparam("h"), away_score_override=bindparam("a"))
            )
            for i in range(0, len(overrides), 5000):
                self.conn.execute(statement, overrides[i : i + 5000])


def import_archive(session: Session, archive: Archive, progress: Progress | None) -> ImportSummary:
    return InternationalImport(session, archive, progress).run()


def _usable(
    m: ArchiveMatch, home: int, away: int, teams: dict[str, int]
) -> list[tuple[ArchiveGoal, Minute, int, int]]:
    """The match's goals that can be moments: (goal, minute, side it counted for, the
    scorer's team). A goal without a minute is left out; the score override keeps it."""
    extra_time = m.shootout_winner is not None or any((g.minute or 0) > 105 for g in m.goals)
    usable = []
    for goal in m.goals:
        side = teams.get(fold(goal.team))
        minute = goal_minute(goal, extra_time)
        if side not in (home, away) or minute is None:
            continue
        scorer_team = (away if side == home else home) if goal.own_goal else side
        usable.append((goal, minute, side, scorer_team))
    return usable

"""Writing parsed records (openfootball football.json and Football.TXT, squads, CSV).

The parsers hand over plain ``MatchRecord``s and ``PersonRecord``s; ``RecordWriter``
finds or creates what they name (teams, seasons, venues, people, the match itself) and
brings the match, its line-ups and moments in line, all in the caller's one Session.
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session, col, select

from matchnotes.enums import LineupRole, Period, PersonRole
from matchnotes.errors import ValidationError
from matchnotes.io.records import MatchRecord, PersonRecord
from matchnotes.io.summary import ImportSummary
from matchnotes.models import Competition, LineupEntry, Match, Moment, Person, Team, Venue
from matchnotes.scores import SCORING_KINDS, ScoreEvent, final_score
from matchnotes.services.import_aliases import Aliases, Named, learn_from_existing
from matchnotes.services.import_moments import MomentWriter, set_field
from matchnotes.services.import_names import (
    fill_details,
    in_any_lineup,
    is_referenced,
    lineup_players,
    stray_scorers,
)
from matchnotes.services.import_people import People
from matchnotes.services.inputs import check_match, check_person
from matchnotes.services.lookup import competition_by_name, season_of, team_by_name, venue_by_name
from matchnotes.text import fold


class RecordWriter:
    """Writes MatchRecords and PersonRecords inside the import's one Session."""

    def __init__(self, session: Session, summary: ImportSummary) -> None:
        self.s, self.summary = session, summary
        self.teams = {t.name_key: t for t in session.exec(select(Team)).all()}
        self.aliases = Aliases.load(session)
        self.people = People(session)
        self.venue_ids = set(session.exec(select(Venue.id)).all())
        self.seasons: dict[tuple[str, str], int] = {}
        self.moments = MomentWriter(session, self.people, summary.tally("moments"))
        self.written: set[int] = set()  # ids of the matches this import wrote
        self.unchanged: set[int] = set()  # ... of which these were left as they were

    def finish(self) -> None:
        removed = self._merge_stray_scorers()
        people = self.summary.tally("people")
        people.removed = removed
        people.added = len(self.people.created)
        people.updated = len(self.people.updated - self.people.created)
        if self.summary.subject == "people":
            people.unchanged = len(self.people.seen - self.people.created - self.people.updated)

    def learn_aliases(self, records: list[MatchRecord]) -> None:
        """Learn this file's spellings of the user's teams, competitions and stages
        from the matches both have (``import_aliases``), before anything is written."""
        named = (Named(r.date, r.home, r.away, r.competition, r.stage) for r in records)
        learn_from_existing(self.s, self.aliases, named)

    def team(self, name: str) -> Team:
        key = fold(name)
        target = self.aliases.target("team", name)
        if key not in self.teams and target is not None:
            found = self.s.get(Team, target)
            if found is not None:
                self.teams[key] = found
        if key not in self.teams:
            self.teams[key] = team_by_name(self.s, name)
            self.summary.tally("teams").added += 1
        return self.teams[key]

    # --- people ---

    def person(self, rec: PersonRecord) -> None:
        check_person(rec.shirt_number, rec.date_of_birth)  # the person form's rules
        person = self.people.get(rec.name, rec.role, rec.team)
        fields = {
            "role": rec.role,
            "shirt_number": rec.shirt_number,
            "position": rec.position,
            "nationality": rec.nationality,
            "club": rec.club,
            "date_of_birth": rec.date_of_birth,
        }
        changed = [set_field(person, f, v) for f, v in fields.items() if v is not None]
        if any(changed):
            self.people.updated.add(person.id or 0)

    # --- matches ---

    def match(self, rec: MatchRecord) -> None:
        check_match(rec.date, rec.attendance, None, rec.score, rec.penalties)  # the form's
        home, away = self.team(rec.home), self.team(rec.away)
        if home.id == away.id:
            raise ValidationError(f"{home.name} cannot play against itself.")
        match = self.s.exec(
            select(Match)
            .where(Match.date == rec.date, Match.home_team_id == home.id)
            .where(Match.away_team_id == away.id)
            .order_by(col(Match.id))
        ).first()
        created = match is None
        if match is None:
            match = Match(date=rec.date, home_team_id=home.id or 0, away_team_id=away.id or 0)
            self.s.add(match)
            self.s.flush()

        def may(field: str, current: object = 0) -> bool:
            """Whether this record may set ``field``: always, or only to fill a blank."""
            return created or field not in rec.fill_only or current is None

        changed = False
        if rec.kickoff_time and may("kickoff_time", match.kickoff_time):
            changed |= set_field(match, "kickoff_time", rec.kickoff_time)
        # The user's competition and stage are never renamed: an import only fills blanks.
        if rec.stage and (created or match.stage is None):
            changed |= set_field(match, "stage", self.aliases.stage(rec.stage))
        if rec.competition and (created or match.season_id is None):
            changed |= set_field(match, "season_id", self._season(rec.competition, rec.season))
        if rec.venue and may("venue", match.venue_id):
            changed |= set_field(match, "venue_id", self._venue(rec.venue, rec.venue_city))
        if rec.referee:
            referee = self.people.get(rec.referee, PersonRole.REFEREE)
            changed |= set_field(match, "referee_id", referee.id)
        if rec.attendance is not None:
            changed |= set_field(match, "attendance", rec.attendance)
        if rec.status and may("status"):
            changed |= set_field(match, "status", rec.status)
        if rec.decided_by and may("decided_by"):
            changed |= set_field(match, "decided_by", rec.decided_by)
            changed |= set_field(
                match, "home_penalties", rec.penalties[0] if rec.penalties else None
            )
            changed |= set_field(
                match, "away_penalties", rec.penalties[1] if rec.penalties else None
            )
        moments = list(self.s.exec(select(Moment).where(Moment.match_id == match.id)).all())
        sides = {"home": home, "away": away}
        changed |= self._lineups(match, rec, sides)
        scoring = [
            m for m in moments if m.kind in SCORING_KINDS and m.period is not Period.SHOOTOUT
        ]
        if rec.goals is not None and (may("goals") or not scoring):
            players = lineup_players(self.s, match.id or 0)
            changed |= self.moments.goals(match, rec, sides, scoring, players)
        changed |= self.moments.events(match, rec, sides, moments)
        changed |= self.moments.kicks(match, rec, sides, moments)
        if rec.score is not None and may("score"):
            changed |= self._override(match, rec.score)
        tally = self.summary.tally("matches")
        self.written.add(match.id or 0)
        if created:
            tally.added += 1
        elif changed:
            match.updated_at = dt.datetime.now(dt.UTC)
            tally.updated += 1
        else:
            self.unchanged.add(match.id or 0)
            tally.unchanged += 1

    def _season(self, competition: str, season: str | None) -> int:
        key = (fold(competition), season or "")
        if key not in self.seasons:
            target = self.aliases.target("competition", competition)
            row = self.s.get(Competition, target) if target is not None else None
            row = row or competition_by_name(self.s, competition)
            found = season_of(self.s, row, season or "")
            self.seasons[key] = found.id or 0
        return self.seasons[key]

    def _venue(self, name: str, city: str | None) -> int:
        venue = venue_by_name(self.s, name, city)
        if venue.id not in self.venue_ids:
            self.venue_ids.add(venue.id)
            self.summary.tally("venues").added += 1
        return venue.id or 0

    def _lineups(self, match: Match, rec: MatchRecord, sides: dict[str, Team]) -> bool:
        entries = {
            e.person_id: e
            for e in self.s.exec(select(LineupEntry).where(LineupEntry.match_id == match.id)).all()
        }
        tally, changed, order = self.summary.tally("lineup entries"), False, {"home": 0, "away": 0}
        for item in rec.lineups:
            team = sides[item.side]
            order[item.side] += 1
            role = PersonRole.MANAGER if item.role is LineupRole.MANAGER else PersonRole.PLAYER
            person = self.people.get(item.name, role, team.name)
            entry = entries.get(person.id or 0)
            if entry is None:
                entry = LineupEntry(
                    match_id=match.id or 0, team_id=team.id or 0, person_id=person.id or 0
                )
                self.s.add(entry)
                entries[person.id or 0] = entry
                tally.added += 1
                changed = True
            fields = {
                "team_id": team.id,
                "role": item.role,
                "captain": item.captain,
                "sort_order": order[item.side],
                "position": item.position or entry.position,
                "shirt_number": item.shirt_number or entry.shirt_number,
            }
            if any([set_field(entry, f, v) for f, v in fields.items()]) and entry.id is not None:
                tally.updated += 1
                changed = True
        return changed

    def _merge_stray_scorers(self) -> int:
        """Goals whose scorer is spelt differently from the line-up ("Timothy Weah" for
        Tim WEAH) move to the line-up player, once every match of the file is written;
        the people of those spellings go when nothing refers to them any more (their
        details to the player, when all their goals went to one). A scorer who is in a
        line-up elsewhere is a player of his own and keeps his goals. Returns how many
        people that existed before this import were removed."""
        self.s.flush()
        merged: dict[int, set[int]] = {}  # stray person id -> line-up players given goals
        moments, matches = self.summary.tally("moments"), self.summary.tally("matches")
        for match_id in sorted(self.written):
            for goal, player in stray_scorers(self.s, match_id):
                stray = self.s.get_one(Person, goal.player_id or 0)
                if in_any_lineup(self.s, stray.id or 0):
                    continue
                self.people.adopt(player, stray.name)
                goal.player_id = player.id
                merged.setdefault(stray.id or 0, set()).add(player.id or 0)
                moments.updated += 1
                if match_id in self.unchanged:
                    self.unchanged.discard(match_id)
                    self.s.get_one(Match, match_id).updated_at = dt.datetime.now(dt.UTC)
                    matches.unchanged, matches.updated = matches.unchanged - 1, matches.updated + 1
        self.s.flush()
        removed = 0
        for stray_id, into in sorted(merged.items()):
            if is_referenced(self.s, stray_id):
                continue
            stray = self.s.get_one(Person, stray_id)
            if len(into) == 1:
                fill_details(self.s.get_one(Person, next(iter(into))), stray)
            removed += stray_id not in self.people.created
            self.people.forget(stray)
            self.s.delete(stray)
        self.s.flush()
        return removed

    def _override(self, match: Match, score: tuple[int, int]) -> bool:
        """The score is kept as an override only when the goals logged do not add up to it."""
        self.s.flush()
        rows = self.s.exec(select(Moment).where(Moment.match_id == match.id)).all()
        events = [ScoreEvent(m.period, m.kind, m.team_id) for m in rows]
        tally = final_score(events, match.home_team_id, match.away_team_id)
        override = (None, None) if (tally.home, tally.away) == score else score
        changed = set_field(match, "home_score_override", override[0])
        return set_field(match, "away_score_override", override[1]) or changed

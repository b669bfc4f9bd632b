"""Import files into the database (one transaction each) and export MatchNotes JSON / CSV.

The parsers in ``matchnotes.io`` read a whole file first; only then is anything
written, in one ``_write()`` transaction, so a bad file leaves the database as it was.
Re-importing finds what exists instead of duplicating it: matches by date and teams,
teams and people by folded name (accents and case ignored). With ``skip_errors`` a
record that fails is left out and the import is run again without it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, SQLModel, col, select

from matchnotes.errors import MatchNotesError, ValidationError
from matchnotes.io.common import accent_score, loose_keys
from matchnotes.io.csv_files import MATCH_COLUMNS, PEOPLE_COLUMNS, write_csv
from matchnotes.io.detect import FORMATS, parse_bytes, read_source
from matchnotes.io.errors import ImportFileError, Problem
from matchnotes.io.native import TABLES, NativeFile, build_document, references, table_name
from matchnotes.io.records import MatchRecord, ParsedFile, PersonRecord, other
from matchnotes.io.summary import ImportSummary
from matchnotes.minutes import make_minute, sort_key
from matchnotes.models import (
    Competition,
    LineupEntry,
    LineupRole,
    Match,
    MatchTag,
    Moment,
    MomentKind,
    Note,
    Period,
    Person,
    PersonRole,
    Quote,
    Season,
    Tag,
    Team,
    Venue,
)
from matchnotes.scores import SCORING_KINDS, ScoreEvent, final_score
from matchnotes.services.base import Service, explain_integrity_error, get_or_404
from matchnotes.services.lookup import (
    competition_by_name,
    required_name,
    season_of,
    team_by_name,
    venue_by_name,
)
from matchnotes.services.matches import load_match_summaries
from matchnotes.text import fold

Progress = Callable[[int, int], None]
# How rows of the own JSON format are recognised in a database that already has data.
NATURAL_KEYS: dict[str, tuple[str, ...]] = {
    "competition": ("name_key",),
    "season": ("competition_id", "name"),
    "team": ("name_key",),
    "venue": ("name_key", "city"),
    "tag": ("name_key",),
    "match": ("date", "home_team_id", "away_team_id"),
    "match_tag": ("match_id", "tag_id"),
    "lineup_entry": ("match_id", "person_id"),
    "moment": ("match_id", "sort_key", "kind", "player_id", "team_id", "description"),
    "quote": ("match_id", "speaker_id", "text"),
    "note": ("match_id", "person_id", "text"),
}
_PLURAL = {"match": "matches", "person": "people", "lineup_entry": "lineup entries"}


class _Failed(Exception):
    def __init__(self, index: int, where: str, problem: str) -> None:
        super().__init__(problem)
        self.index, self.where, self.problem = index, where, problem


class ImportService(Service):
    # --- import ---------------------------------------------------------------------

    def import_file(
        self,
        path: str | Path,
        format: str | None = None,
        skip_errors: bool = False,
        progress: Progress | None = None,
    ) -> ImportSummary:
        """Import a file; the format is recognised from its content unless given
        (one of ``matchnotes.io.FORMATS``). Raises ImportFileError, saving nothing."""
        path = Path(path)
        return self.import_bytes(read_source(path), path.name, format, skip_errors, progress)

    def import_bytes(
        self,
        data: bytes,
        source: str,
        format: str | None = None,
        skip_errors: bool = False,
        progress: Progress | None = None,
    ) -> ImportSummary:
        parsed = parse_bytes(data, source, format, skip_errors)
        if isinstance(parsed, NativeFile):
            return self._import_native(parsed, progress)
        excluded: dict[int, Problem] = {}
        while True:  # each failing record found in the write phase is left out, then retry
            try:
                summary = self._import_records(parsed, excluded, progress)
            except _Failed as failed:
                if not skip_errors:
                    raise ImportFileError(source, failed.where, failed.problem) from failed
                excluded[failed.index] = Problem(failed.where, failed.problem)
                continue
            summary.skipped = parsed.skipped + [excluded[i] for i in sorted(excluded)]
            return summary

    def _import_records(
        self, parsed: ParsedFile, excluded: dict[int, Problem], progress: Progress | None
    ) -> ImportSummary:
        records: list[MatchRecord | PersonRecord] = [*parsed.matches, *parsed.people]
        subject = "people" if parsed.people and not parsed.matches else "matches"
        summary = ImportSummary(parsed.source, FORMATS[parsed.format], subject)
        with self._write() as session:
            writer = RecordWriter(session, summary)
            for i, record in enumerate(records):
                if i in excluded:
                    continue
                try:
                    if isinstance(record, MatchRecord):
                        writer.match(record)
                    else:
                        writer.person(record)
                    session.flush()
                except ValidationError as exc:
                    raise _Failed(i, record.where, str(exc)) from exc
                except IntegrityError as exc:
                    raise _Failed(i, record.where, explain_integrity_error(exc)) from exc
                if progress:
                    progress(i + 1, len(records))
            writer.finish()
        return summary

    def _import_native(self, native: NativeFile, progress: Progress | None) -> ImportSummary:
        summary = ImportSummary(native.source, FORMATS["matchnotes"], "matches")
        total = sum(len(rows) for rows in native.tables.values())
        done = 0
        with self._write() as session:
            ids: dict[str, dict[int, int]] = {}
            claimed: set[int] = set()  # people already matched to a row of the file
            for model in TABLES:
                name, fks = table_name(model), references(model)
                ids[name] = {}
                tally = summary.tally(_PLURAL.get(name, name + "s"))
                for i, raw in enumerate(native.tables[name]):
                    row = {
                        k: ids[fks[k]][v] if k in fks and v is not None else v
                        for k, v in raw.items()
                    }
                    row.pop("id", None)
                    _derive(model, row)
                    found = _find_native(session, model, row, claimed)
                    if found is None:
                        found = model(**row)
                        session.add(found)
                        tally.added += 1
                    else:
                        changed = [k for k, v in row.items() if getattr(found, k) != v]
                        for key in changed:
                            setattr(found, key, row[key])
                        tally.updated += bool(changed)
                        tally.unchanged += not changed
                    try:
                        session.flush()
                    except IntegrityError as exc:
                        where = f"tables.{name}[{i}]"
                        raise ImportFileError(
                            native.source, where, explain_integrity_error(exc)
                        ) from exc
                    if "id" in raw:
                        ids[name][raw["id"]] = found.id  # type: ignore[attr-defined]
                    if isinstance(found, Person):
                        claimed.add(found.id or 0)
                    done += 1
                    if progress:
                        progress(done, total)
        return summary

    # --- export ---------------------------------------------------------------------

    def export_data(self, match_id: int | None = None) -> dict[str, Any]:
        """The whole database, or one match with everything it points at, as a
        MatchNotes JSON document (see docs/json-format.md)."""
        with self._read() as session:
            if match_id is None:
                rows = {table_name(m): list(session.exec(select(m)).all()) for m in TABLES}
            else:
                rows = _match_rows(session, match_id)
            return build_document(rows)

    def export_file(self, path: str | Path, match_id: int | None = None) -> None:
        text = json.dumps(self.export_data(match_id), ensure_ascii=False, indent=2)
        _write_text(Path(path), text + "\n")

    def matches_csv(self) -> str:
        """Every match as a CSV of fixtures and results (columns: io.csv_files)."""
        with self._read() as session:
            matches = {m.id: m for m in session.exec(select(Match)).all()}
            venues = {v.id: v for v in session.exec(select(Venue)).all()}
            referees = dict(session.exec(select(Person.id, Person.name)).all())
            rows = []
            for s in reversed(load_match_summaries(session, None)):
                m = matches[s.id]
                venue = venues.get(m.venue_id)
                played = s.status.value != "scheduled"
                rows.append(
                    {
                        "date": s.date.isoformat(),
                        "time": s.kickoff_time.strftime("%H:%M") if s.kickoff_time else None,
                        "home": s.home,
                        "away": s.away,
                        "home_score": s.score.home if played else None,
                        "away_score": s.score.away if played else None,
                        "decided_by": m.decided_by.value,
                        "home_penalties": m.home_penalties,
                        "away_penalties": m.away_penalties,
                        "status": s.status.value,
                        "competition": s.competition,
                        "season": s.season,
                        "stage": s.stage,
                        "venue": venue.name if venue else None,
                        "city": venue.city if venue else None,
                        "referee": referees.get(m.referee_id),
                        "attendance": m.attendance,
                    }
                )
            return write_csv(MATCH_COLUMNS, rows)

    def people_csv(self) -> str:
        with self._read() as session:
            people = session.exec(select(Person).order_by(col(Person.name_key))).all()
            rows = [
                {
                    "name": p.name,
                    "role": p.role.value,
                    "shirt_number": p.shirt_number,
                    "position": p.position,
                    "nationality": p.nationality,
                    "club": p.club,
                    "date_of_birth": p.date_of_birth.isoformat() if p.date_of_birth else None,
                }
                for p in people
            ]
            return write_csv(PEOPLE_COLUMNS, rows)

    def export_csv(self, path: str | Path, what: str = "matches") -> None:
        """Write ``what`` ("matches" or "people") as CSV."""
        if what not in ("matches", "people"):
            raise ValidationError(f"Cannot export “{what}” as CSV; choose matches or people.")
        _write_text(Path(path), self.matches_csv() if what == "matches" else self.people_csv())


def _derive(model: type[SQLModel], row: dict[str, Any]) -> None:
    """Columns the file leaves out because they follow from others."""
    if "name_key" in model.__table__.columns:  # type: ignore[attr-defined]
        row["name_key"] = fold(row["name"])
    if model is Moment:
        row["sort_key"] = sort_key(row["period"], row["minute"], row.get("stoppage", 0))


def _find_native(
    session: Session, model: type[SQLModel], row: dict[str, Any], claimed: set[int]
) -> SQLModel | None:
    if model is Person:
        candidates = [
            p
            for p in session.exec(select(Person).where(Person.name_key == row["name_key"])).all()
            if p.id not in claimed
        ]
        born = row.get("date_of_birth")
        same = [p for p in candidates if p.date_of_birth == born]
        if same:
            return same[0]
        if len(candidates) == 1 and None in (born, candidates[0].date_of_birth):
            return candidates[0]
        return None
    keys = NATURAL_KEYS[table_name(model)]
    query = select(model).where(*(getattr(model, k) == row.get(k) for k in keys))
    return session.exec(query).first()


def _match_rows(session: Session, match_id: int) -> dict[str, list[Any]]:
    match = get_or_404(session, Match, match_id, "match")

    def where(model: Any, column: Any) -> list[Any]:
        return list(session.exec(select(model).where(column == match_id)).all())

    lineups = where(LineupEntry, LineupEntry.match_id)
    moments = where(Moment, Moment.match_id)
    quotes = where(Quote, Quote.match_id)
    notes = where(Note, Note.match_id)
    match_tags = where(MatchTag, MatchTag.match_id)
    person_ids = (
        {match.referee_id} | {e.person_id for e in lineups} | {q.speaker_id for q in quotes}
    )
    person_ids |= {m.player_id for m in moments} | {m.related_player_id for m in moments}
    person_ids |= {n.person_id for n in notes}
    team_ids = {match.home_team_id, match.away_team_id} | {e.team_id for e in lineups}
    season = session.get(Season, match.season_id) if match.season_id else None
    venue = session.get(Venue, match.venue_id) if match.venue_id else None

    def by_ids(model: Any, ids: set[Any]) -> list[Any]:
        return list(session.exec(select(model).where(col(model.id).in_(ids - {None}))).all())

    return {
        "competition": [session.get(Competition, season.competition_id)] if season else [],
        "season": [season] if season else [],
        "team": by_ids(Team, team_ids),
        "venue": [venue] if venue else [],
        "person": by_ids(Person, person_ids),
        "tag": by_ids(Tag, {t.tag_id for t in match_tags}),
        "match": [match],
        "match_tag": match_tags,
        "lineup_entry": lineups,
        "moment": moments,
        "quote": quotes,
        "note": notes,
    }


def _write_text(path: Path, text: str) -> None:
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise MatchNotesError(f"Cannot write {path}: {exc.strerror}.") from exc


# --- writing parsed records (openfootball, CSV) ------------------------------------------


class _People:
    """Everyone in the database, indexed once per import by folded name and by a looser
    key that also ignores hyphens, dots and spaces ("Hee-chan" = "Heechan").

    Namesakes are told apart by team: Brazil's Danilo and Portugal's Danilo are two
    people, because each has played (line-up or moment) for his team only.
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self.by_key: dict[str, list[Person]] = {}
        self.by_loose: dict[str, list[Person]] = {}
        self.played: dict[int, set[str]] = {}  # person id -> folded names of their teams
        self.created: set[int] = set()
        self.updated: set[int] = set()
        self.seen: set[int] = set()
        for person in session.exec(select(Person)).all():
            self._index(person)
        for column, team_column in (
            (LineupEntry.person_id, LineupEntry.team_id),
            (Moment.player_id, Moment.team_id),
        ):
            query = select(column, Team.name_key).join(Team, col(Team.id) == team_column)
            for person_id, team_key in session.exec(query).all():
                if person_id is not None:
                    self.played.setdefault(person_id, set()).add(team_key)

    def _index(self, person: Person) -> None:
        self.by_key.setdefault(person.name_key, []).append(person)
        for key in loose_keys(person.name):
            self.by_loose.setdefault(key, []).append(person)

    def get(self, name: str, role: PersonRole | None = None, team: str | None = None) -> Person:
        name = required_name(name, "person")
        candidates = self.by_key.get(fold(name)) or _unique(
            p for key in loose_keys(name) for p in self.by_loose.get(key, [])
        )
        person = self._choose(name, candidates, role, fold(team) if team else None)
        if person is None:
            person = Person(name=name, name_key=fold(name), role=role or PersonRole.PLAYER)
            self.session.add(person)
            self.session.flush()
            self._index(person)
            self.created.add(person.id or 0)
        elif person.name_key == fold(name) and accent_score(name) > accent_score(person.name):
            person.name = name  # keep the spelling that tells more: "Aurélien" over "AURELIEN"
            self.updated.add(person.id or 0)
        if team:
            self.played.setdefault(person.id or 0, set()).add(fold(team))
        self.seen.add(person.id or 0)
        return person

    def _choose(
        self, name: str, candidates: list[Person], role: PersonRole | None, team: str | None
    ) -> Person | None:
        """The one candidate meant, None for a new person; refused when unclear."""
        if team:
            known = [
                p
                for p in candidates
                if team in self.played.get(p.id or 0, ())
                or (p.nationality and fold(p.nationality) == team)
            ]
            free = [p for p in candidates if not self.played.get(p.id or 0)]
            candidates = known or free  # someone who only played for other teams is not him
        elif len(candidates) > 1 and role:
            candidates = [p for p in candidates if p.role is role] or candidates
        if len(candidates) > 1:
            ids = ", ".join(str(p.id) for p in candidates)
            raise ValidationError(f"{len(candidates)} people are called “{name}” (ids {ids}).")
        return candidates[0] if candidates else None


def _unique(people: Iterable[Person]) -> list[Person]:
    return list({id(p): p for p in people}.values())


def _set(obj: Any, field: str, value: Any) -> bool:
    """Set a field if it differs; True when it changed."""
    if getattr(obj, field) == value:
        return False
    setattr(obj, field, value)
    return True


class RecordWriter:
    """Writes MatchRecords and PersonRecords inside the import's one Session."""

    def __init__(self, session: Session, summary: ImportSummary) -> None:
        self.s, self.summary = session, summary
        self.teams = {t.name_key: t for t in session.exec(select(Team)).all()}
        self.people = _People(session)
        self.venue_ids = set(session.exec(select(Venue.id)).all())
        self.seasons: dict[tuple[str, str], int] = {}
        self.moments = summary.tally("moments")

    def finish(self) -> None:
        people = self.summary.tally("people")
        people.added = len(self.people.created)
        people.updated = len(self.people.updated - self.people.created)
        if self.summary.subject == "people":
            people.unchanged = len(self.people.seen - self.people.created - self.people.updated)

    def team(self, name: str) -> Team:
        key = fold(name)
        if key not in self.teams:
            self.teams[key] = team_by_name(self.s, name)
            self.summary.tally("teams").added += 1
        return self.teams[key]

    # --- people ---

    def person(self, rec: PersonRecord) -> None:
        person = self.people.get(rec.name, rec.role, rec.team)
        fields = {
            "role": rec.role,
            "shirt_number": rec.shirt_number,
            "position": rec.position,
            "nationality": rec.nationality,
            "club": rec.club,
            "date_of_birth": rec.date_of_birth,
        }
        changed = [_set(person, f, v) for f, v in fields.items() if v is not None]
        if any(changed):
            self.people.updated.add(person.id or 0)

    # --- matches ---

    def match(self, rec: MatchRecord) -> None:
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
            changed |= _set(match, "kickoff_time", rec.kickoff_time)
        if rec.stage and may("stage", match.stage):
            changed |= _set(match, "stage", rec.stage)
        if rec.competition and may("competition", match.season_id):
            changed |= _set(match, "season_id", self._season(rec.competition, rec.season))
        if rec.venue and may("venue", match.venue_id):
            changed |= _set(match, "venue_id", self._venue(rec.venue, rec.venue_city))
        if rec.referee:
            referee = self.people.get(rec.referee, PersonRole.REFEREE)
            changed |= _set(match, "referee_id", referee.id)
        if rec.attendance is not None:
            changed |= _set(match, "attendance", rec.attendance)
        if rec.status and may("status"):
            changed |= _set(match, "status", rec.status)
        if rec.decided_by and may("decided_by"):
            changed |= _set(match, "decided_by", rec.decided_by)
            changed |= _set(match, "home_penalties", rec.penalties[0] if rec.penalties else None)
            changed |= _set(match, "away_penalties", rec.penalties[1] if rec.penalties else None)
        moments = list(self.s.exec(select(Moment).where(Moment.match_id == match.id)).all())
        sides = {"home": home, "away": away}
        changed |= self._lineups(match, rec, sides)
        scoring = [
            m for m in moments if m.kind in SCORING_KINDS and m.period is not Period.SHOOTOUT
        ]
        if rec.goals is not None and (may("goals") or not scoring):
            changed |= self._goals(match, rec, sides, scoring)
        changed |= self._events(match, rec, sides, moments)
        changed |= self._kicks(match, rec, sides, moments)
        if rec.score is not None and may("score"):
            changed |= self._override(match, rec.score)
        tally = self.summary.tally("matches")
        if created:
            tally.added += 1
        elif changed:
            match.updated_at = dt.datetime.now(dt.UTC)
            tally.updated += 1
        else:
            tally.unchanged += 1

    def _season(self, competition: str, season: str | None) -> int:
        key = (fold(competition), season or "")
        if key not in self.seasons:
            found = season_of(self.s, competition_by_name(self.s, competition), season or "")
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
            if any([_set(entry, f, v) for f, v in fields.items()]) and entry.id is not None:
                tally.updated += 1
                changed = True
        return changed

    def _moment(self, match: Match, moment: Moment | None, fields: dict[str, Any]) -> bool:
        """Insert a moment, or bring an existing one in line; True when anything changed."""
        fields = dict(fields)
        minute = fields.pop("minute")
        fields.update(period=minute.period, minute=minute.minute, stoppage=minute.stoppage)
        fields["sort_key"] = minute.sort_key
        if moment is None:
            self.s.add(Moment(match_id=match.id or 0, **fields))
            self.moments.added += 1
            return True
        if any([_set(moment, f, v) for f, v in fields.items()]):
            self.moments.updated += 1
            return True
        return False

    def _goals(
        self, match: Match, rec: MatchRecord, sides: dict[str, Team], existing: list[Moment]
    ) -> bool:
        """The file's goals replace the logged ones: equal goals stay as they are, the
        others are corrected in order (keeping their ids, so quotes stay linked)."""
        wanted = []
        for goal in rec.goals or []:
            # An own goal is listed for the side it counted for; the moment has the scorer's team.
            team = sides[other(goal.side) if goal.kind is MomentKind.OWN_GOAL else goal.side]
            player = self.people.get(goal.name, PersonRole.PLAYER, team.name)
            wanted.append(
                {
                    "minute": goal.minute,
                    "kind": goal.kind,
                    "team_id": team.id,
                    "player_id": player.id,
                }
            )
        existing = sorted(existing, key=lambda m: (m.sort_key, m.id or 0))
        keep = [e for e in existing if any(_same_goal(e, w) for w in wanted)]
        rest = [e for e in existing if e not in keep]
        changed = False
        for w in wanted:
            same = next((e for e in keep if _same_goal(e, w)), None)
            if same is not None:
                keep.remove(same)
                continue
            changed |= self._moment(match, rest.pop(0) if rest else None, w)
        for extra in rest + keep:
            self.s.delete(extra)
            self.moments.removed += 1
            changed = True
        return changed

    def _events(
        self, match: Match, rec: MatchRecord, sides: dict[str, Team], moments: list[Moment]
    ) -> bool:
        """Bookings and substitutions: one of a kind per player, so a corrected minute
        updates the moment instead of adding another."""
        changed = False
        for event in rec.events:
            team = sides[event.side]
            player = self.people.get(event.player, PersonRole.PLAYER, team.name)
            related = (
                self.people.get(event.related, PersonRole.PLAYER, team.name)
                if event.related
                else None
            )
            found = next(
                (
                    m
                    for m in moments
                    if m.kind is event.kind
                    and m.player_id == player.id
                    and m.period is not Period.SHOOTOUT
                ),
                None,
            )
            fields = {
                "minute": event.minute,
                "kind": event.kind,
                "team_id": team.id,
                "player_id": player.id,
                "related_player_id": related.id if related else None,
            }
            changed |= self._moment(match, found, fields)
        return changed

    def _kicks(
        self, match: Match, rec: MatchRecord, sides: dict[str, Team], moments: list[Moment]
    ) -> bool:
        changed = False
        shootout = make_minute(120, period=Period.SHOOTOUT)
        for kick in rec.kicks:
            team = sides[kick.side] if kick.side else None
            player = self.people.get(kick.name, PersonRole.PLAYER, team.name if team else None)
            if team is None:
                team_id = self.s.exec(
                    select(LineupEntry.team_id).where(
                        LineupEntry.match_id == match.id, LineupEntry.person_id == player.id
                    )
                ).first()
                if team_id is None:
                    raise ValidationError(f"Cannot tell which team {kick.name} took a kick for.")
            else:
                team_id = team.id
            found = next(
                (m for m in moments if m.period is Period.SHOOTOUT and m.player_id == player.id),
                None,
            )
            fields = {
                "minute": shootout,
                "kind": kick.kind,
                "team_id": team_id,
                "player_id": player.id,
            }
            changed |= self._moment(match, found, fields)
        return changed

    def _override(self, match: Match, score: tuple[int, int]) -> bool:
        """The score is kept as an override only when the goals logged do not add up to it."""
        self.s.flush()
        rows = self.s.exec(select(Moment).where(Moment.match_id == match.id)).all()
        events = [ScoreEvent(m.period, m.kind, m.team_id) for m in rows]
        tally = final_score(events, match.home_team_id, match.away_team_id)
        override = (None, None) if (tally.home, tally.away) == score else score
        changed = _set(match, "home_score_override", override[0])
        return _set(match, "away_score_override", override[1]) or changed


def _same_goal(moment: Moment, wanted: dict[str, Any]) -> bool:
    minute = wanted["minute"]
    return (
        (moment.period, moment.minute, moment.stoppage)
        == (minute.period, minute.minute, minute.stoppage)
        and moment.kind is wanted["kind"]
        and moment.team_id == wanted["team_id"]
        and moment.player_id == wanted["player_id"]
    )

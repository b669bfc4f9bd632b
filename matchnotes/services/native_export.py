"""Which rows a MatchNotes JSON export carries: the whole database, some matches with
everything they point at, or a person with their matches and notes (docs/json-format.md).

Kept apart from ``import_native`` (the other direction). Pure reads in the caller's
Session; the rows are encoded by ``io.native_writer``. The whole database is read as
a stream, in batches, inside one snapshot (a change made meanwhile is not half in it).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from operator import attrgetter
from typing import Any

from sqlalchemy import Connection, Table, func
from sqlmodel import Session, SQLModel, col, or_, select

from matchnotes.io.native import TABLES, has_id, kept_key, table_name
from matchnotes.io.native_writer import NativeRows
from matchnotes.models import (
    CareerBaseline,
    Competition,
    LineupEntry,
    Match,
    MatchDraft,
    MatchPhoto,
    MatchTag,
    Moment,
    Note,
    Person,
    PhotoBlob,
    Quote,
    Season,
    Tag,
    Team,
    Venue,
)
from matchnotes.services.base import get_or_404

Progress = Callable[[int, int], None]
_CHUNK = 500  # ids per IN (...): far below any database's limit on parameters
_BATCH = 2000  # rows fetched at a time from a whole-database read


def native_rows(
    session: Session,
    match_ids: Collection[int] | None = None,
    person_id: int | None = None,
    progress: Progress | None = None,
) -> NativeRows:
    """The rows of the whole database (no ids given), of the matches ``match_ids`` with
    everything they point at, or of ``person_id`` with every match they are in and
    their notes; read as the file is written (use them inside ``session``)."""
    if match_ids is None and person_id is None:
        return _whole_database(_snapshot(session), progress)
    ids = set(match_ids or ())
    people: set[int] = set()
    if person_id is not None:
        get_or_404(session, Person, person_id, "person")
        ids |= person_match_ids(session, person_id)
        people.add(person_id)
    for match_id in ids:
        get_or_404(session, Match, match_id, "match")
    rows = _rows_of(session, ids, people)
    for model in TABLES:
        key = "id" if has_id(model) else kept_key(model)
        if key is not None:
            rows[table_name(model)].sort(key=attrgetter(key))
    total = sum(len(r) for r in rows.values())
    return NativeRows(lambda model: rows[table_name(model)], total, progress)


def _snapshot(session: Session) -> Connection:
    """A connection whose reads all see the database as it was at the first one."""
    if session.get_bind().dialect.name == "postgresql":
        return session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
    conn = session.connection()
    conn.exec_driver_sql("BEGIN")  # SQLite: a read transaction (pysqlite opens none for reads)
    return conn


def _whole_database(conn: Connection, progress: Progress | None) -> NativeRows:
    tables: list[Table] = [m.__table__ for m in TABLES]  # type: ignore[attr-defined]
    total = sum(conn.execute(select(func.count()).select_from(t)).scalar_one() for t in tables)

    def rows_of(model: type[SQLModel]) -> Any:
        # Plain rows, not ORM objects, fetched in batches: a million moments stay light.
        table: Table = model.__table__  # type: ignore[attr-defined]
        query = table.select().order_by(*table.primary_key.columns)
        return conn.execute(query.execution_options(yield_per=_BATCH))

    return NativeRows(rows_of, total, progress)


def person_match_ids(session: Session, person_id: int) -> set[int]:
    """The matches a person is in: line-up, moments, quotes, or as the referee."""
    queries = (
        select(LineupEntry.match_id).where(LineupEntry.person_id == person_id),
        select(Moment.match_id).where(
            or_(Moment.player_id == person_id, Moment.related_player_id == person_id)
        ),
        select(Quote.match_id).where(Quote.speaker_id == person_id),
        select(Note.match_id).where(Note.person_id == person_id, col(Note.match_id).is_not(None)),
        select(Match.id).where(Match.referee_id == person_id),
    )
    return {int(i) for q in queries for i in session.exec(q).all() if i is not None}


def _in(session: Session, model: Any, column: Any, ids: Iterable[Any]) -> list[Any]:
    wanted = sorted({i for i in ids if i is not None})
    found: list[Any] = []
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        found += session.exec(select(model).where(col(column).in_(chunk))).all()
    return found


def _rows_of(session: Session, match_ids: set[int], person_ids: set[int]) -> dict[str, list[Any]]:
    matches = _in(session, Match, Match.id, match_ids)
    lineups = _in(session, LineupEntry, LineupEntry.match_id, match_ids)
    moments = _in(session, Moment, Moment.match_id, match_ids)
    quotes = _in(session, Quote, Quote.match_id, match_ids)
    notes = _in(session, Note, Note.match_id, match_ids)
    seen_notes = {n.id for n in notes}
    notes += [n for n in _in(session, Note, Note.person_id, person_ids) if n.id not in seen_notes]
    match_tags = _in(session, MatchTag, MatchTag.match_id, match_ids)
    people = set(person_ids) | {m.referee_id for m in matches}
    people |= {e.person_id for e in lineups} | {q.speaker_id for q in quotes}
    people |= {m.player_id for m in moments} | {m.related_player_id for m in moments}
    people |= {n.person_id for n in notes}
    teams = {m.home_team_id for m in matches} | {m.away_team_id for m in matches}
    teams |= {e.team_id for e in lineups} | {m.team_id for m in moments}
    seasons = _in(session, Season, Season.id, (m.season_id for m in matches))
    competitions = (s.competition_id for s in seasons)
    # The baselines of its people for its teams ("his 53rd goal for England").
    baselines = [
        b for b in _in(session, CareerBaseline, CareerBaseline.person_id, people)
        if b.team_id in teams
    ]  # fmt: skip
    photos = _in(session, MatchPhoto, MatchPhoto.match_id, match_ids)
    return {
        "competition": _in(session, Competition, Competition.id, competitions),
        "season": seasons,
        "team": _in(session, Team, Team.id, teams),
        "venue": _in(session, Venue, Venue.id, (m.venue_id for m in matches)),
        "person": _in(session, Person, Person.id, people),
        "tag": _in(session, Tag, Tag.id, (t.tag_id for t in match_tags)),
        "match": matches,
        "match_tag": match_tags,
        "lineup_entry": lineups,
        "moment": moments,
        "quote": quotes,
        "note": notes,
        "career_baseline": baselines,
        "match_draft": _in(session, MatchDraft, MatchDraft.match_id, match_ids),
        # Only the stored copies its photos use (a removed photo's copy stays behind).
        "photo_blob": _in(session, PhotoBlob, PhotoBlob.sha256, (p.blob_sha256 for p in photos)),
        "match_photo": photos,
        "alias": [],  # the spellings imports learnt belong to a whole database's file
    }

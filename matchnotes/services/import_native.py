"""MatchNotes JSON in and out: the own format, table by table, field for field.

Kept apart from the openfootball/CSV writer because it works the other way round: the
file carries database rows with ids, which are mapped onto the rows already there (by
natural key) rather than built from parsed records. See docs/json-format.md.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, SQLModel, col, select

from matchnotes.draft.model import remap_ids
from matchnotes.io.detect import FORMATS
from matchnotes.io.errors import ImportFileError
from matchnotes.io.native import TABLES, NativeFile, build_document, references, table_name
from matchnotes.io.summary import ImportSummary
from matchnotes.minutes import sort_key
from matchnotes.models import (
    CareerBaseline,
    Competition,
    LineupEntry,
    Match,
    MatchDraft,
    MatchTag,
    Moment,
    Note,
    Person,
    Quote,
    Season,
    Tag,
    Team,
    Venue,
)
from matchnotes.services.base import explain_integrity_error, get_or_404
from matchnotes.services.import_rules import RowRefused, check_row
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
    "career_baseline": ("person_id", "team_id"),
    "match_draft": ("match_id",),
}
_PLURAL = {"match": "matches", "person": "people", "lineup_entry": "lineup entries"}


def import_native(session: Session, native: NativeFile, progress: Progress | None) -> ImportSummary:
    """Write a MatchNotes JSON file, table by table, finding rows that already exist
    (``NATURAL_KEYS``; people by name and date of birth) instead of duplicating them."""
    summary = ImportSummary(native.source, FORMATS["matchnotes"], "matches")
    total = sum(len(rows) for rows in native.tables.values())
    done = 0
    ids: dict[str, dict[int, int]] = {}
    claimed: set[int] = set()  # people already matched to a row of the file
    for model in TABLES:
        name, fks = table_name(model), references(model)
        ids[name] = {}
        tally = summary.tally(_PLURAL.get(name, name + "s"))
        for i, raw in enumerate(native.tables[name]):
            row = {k: ids[fks[k]][v] if k in fks and v is not None else v for k, v in raw.items()}
            row.pop("id", None)
            try:
                check_row(model, row)  # the forms' rules: a file stores what a form would
            except RowRefused as exc:
                where = f"tables.{name}[{i}]" + (f".{exc.field}" if exc.field else "")
                raise ImportFileError(native.source, where, str(exc)) from None
            _derive(model, row)
            if model is MatchDraft:
                row["body"] = _draft_body(row, ids, native.source, f"tables.{name}[{i}].body")
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
                raise ImportFileError(native.source, where, explain_integrity_error(exc)) from exc
            if "id" in raw:
                ids[name][raw["id"]] = found.id  # type: ignore[attr-defined]
            if isinstance(found, Person):
                claimed.add(found.id or 0)
            done += 1
            if progress:
                progress(done, total)
    return summary


def native_document(session: Session, match_id: int | None = None) -> dict[str, Any]:
    """The whole database, or one match with everything it points at, as a document."""
    if match_id is None:
        rows = {table_name(m): list(session.exec(select(m)).all()) for m in TABLES}
    else:
        rows = _match_rows(session, match_id)
    return build_document(rows)


def _derive(model: type[SQLModel], row: dict[str, Any]) -> None:
    """Columns the file leaves out because they follow from others."""
    if "name_key" in model.__table__.columns:  # type: ignore[attr-defined]
        row["name_key"] = fold(row["name"])
    if model is Moment:
        row["sort_key"] = sort_key(row["period"], row["minute"], row.get("stoppage", 0))


def _draft_body(
    row: dict[str, Any], ids: dict[str, dict[int, int]], source: str, where: str
) -> str:
    """A stored draft names moments and quotes by the file's references: the new ids."""
    try:
        return remap_ids(str(row["body"]), ids)
    except (ValueError, KeyError, TypeError, AttributeError):
        raise ImportFileError(source, where, "is not a report draft MatchNotes wrote.") from None


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
        # The baselines of its people for its teams ("his 53rd goal for England").
        "match_draft": where(MatchDraft, MatchDraft.match_id),
        "career_baseline": list(
            session.exec(
                select(CareerBaseline).where(
                    col(CareerBaseline.person_id).in_(person_ids - {None}),
                    col(CareerBaseline.team_id).in_(team_ids),
                )
            ).all()
        ),
    }

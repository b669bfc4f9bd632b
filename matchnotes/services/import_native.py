"""MatchNotes JSON in and out: the own format, table by table, field for field.

Kept apart from the openfootball/CSV writer because it works the other way round: the
file carries database rows with ids, which are mapped onto the rows already there (by
natural key) rather than built from parsed records. See docs/json-format.md.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import func
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, SQLModel, col, select

from matchnotes.draft.model import remap_ids
from matchnotes.io.detect import FORMATS
from matchnotes.io.errors import ImportFileError
from matchnotes.io.native import (
    TABLES,
    NativeFile,
    alias_target,
    has_id,
    renumbered_references,
    table_name,
)  # fmt: skip
from matchnotes.io.summary import ImportSummary
from matchnotes.minutes import sort_key
from matchnotes.models import Alias, MatchDraft, Moment, Person
from matchnotes.services.base import explain_integrity_error
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
    "photo_blob": ("sha256",),  # a stored copy already there is not added twice
    "match_photo": ("match_id", "blob_sha256", "kind"),
    "alias": ("kind", "key"),  # a spelling already learnt is pointed at the file's row
}
_PLURAL = {
    "match": "matches",
    "person": "people",
    "lineup_entry": "lineup entries",
    "photo_blob": "stored pictures",
    "match_photo": "photos and tickets",
    "alias": "learnt spellings",
}


def import_native(session: Session, native: NativeFile, progress: Progress | None) -> ImportSummary:
    """Write a MatchNotes JSON file, table by table, finding rows that already exist
    (``NATURAL_KEYS``; people by name and date of birth) instead of duplicating them.

    Only rows that were there before the import are matched: two equal rows of the
    file (the same goal logged twice on purpose) stay two, so a file imported into an
    empty database gives back every row it holds."""
    summary = ImportSummary(native.source, FORMATS["matchnotes"], "matches")
    total = sum(len(rows) for rows in native.tables.values())
    done = 0
    ids: dict[str, dict[int, int]] = {}
    claimed: set[int] = set()  # people already matched to a row of the file
    for model in TABLES:
        name, fks = table_name(model), renumbered_references(model)  # blob_sha256 kept
        ids[name] = {}
        tally = summary.tally(_PLURAL.get(name, name + "s"))
        before = _newest_id(session, model)
        for i, raw in enumerate(native.tables[name]):
            row = {k: ids[fks[k]][v] if k in fks and v is not None else v for k, v in raw.items()}
            if model is Alias and (target := alias_target(row)) and row.get("target_id"):
                row["target_id"] = ids[target][row["target_id"]]
            row.pop("id", None)
            try:
                check_row(model, row)  # the forms' rules: a file stores what a form would
            except RowRefused as exc:
                where = f"tables.{name}[{i}]" + (f".{exc.field}" if exc.field else "")
                raise ImportFileError(native.source, where, str(exc)) from None
            _derive(model, row)
            if model is MatchDraft:
                row["body"] = _draft_body(row, ids, native.source, f"tables.{name}[{i}].body")
            found = _find_native(session, model, row, claimed, before)
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


def _draft_body(
    row: dict[str, Any], ids: dict[str, dict[int, int]], source: str, where: str
) -> str:
    """A stored draft names moments and quotes by the file's references: the new ids."""
    try:
        return remap_ids(str(row["body"]), ids)
    except (ValueError, KeyError, TypeError, AttributeError):
        raise ImportFileError(source, where, "is not a report draft MatchNotes wrote.") from None


def _derive(model: type[SQLModel], row: dict[str, Any]) -> None:
    """Columns the file leaves out because they follow from others."""
    if "name_key" in model.__table__.columns:  # type: ignore[attr-defined]
        row["name_key"] = fold(row["name"])
    if model is Moment:
        row["sort_key"] = sort_key(row["period"], row["minute"], row.get("stoppage", 0))
    if model is Alias:
        row["key"] = fold(row["spelling"])


def _newest_id(session: Session, model: type[SQLModel]) -> int | None:
    """The highest id before the import (0: an empty table); None for match_tag."""
    if not has_id(model):
        return None
    return int(session.exec(select(func.max(model.id))).one() or 0)  # type: ignore[attr-defined]


def _find_native(
    session: Session,
    model: type[SQLModel],
    row: dict[str, Any],
    claimed: set[int],
    before: int | None,
) -> SQLModel | None:
    if before == 0:
        return None  # the table was empty: nothing to find (and no query per row)
    old = [] if before is None else [col(model.id) <= before]  # type: ignore[attr-defined]
    if model is Person:
        people = select(Person).where(Person.name_key == row["name_key"], *old)
        candidates = [p for p in session.exec(people).all() if p.id not in claimed]
        born = row.get("date_of_birth")
        same = [p for p in candidates if p.date_of_birth == born]
        if same:
            return same[0]
        if len(candidates) == 1 and None in (born, candidates[0].date_of_birth):
            return candidates[0]
        return None
    keys = NATURAL_KEYS[table_name(model)]
    query = select(model).where(*(getattr(model, k) == row.get(k) for k in keys), *old)
    return session.exec(query).first()

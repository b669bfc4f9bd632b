"""MatchNotes' own JSON: every table, field for field, with a format version.

    {"format": "matchnotes", "version": 1, "tables": {"team": [{"id": 1, ...}], ...}}

Ids in a file are its own references (1, 2, 3... per table, in the order rows were
made); an import maps them to new ids. A photo's stored copy is named by its sha256
instead, kept as it is; its bytes are base64 text. Derived columns (``name_key``, ``sort_key``)
are left out and rebuilt. See docs/json-format.md. Pure: rows in, dicts out. The
export (rows to text, a row at a time) is ``native_writer``.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import enum
import hashlib
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Column
from sqlmodel import SQLModel

from matchnotes.enums import Period
from matchnotes.errors import ValidationError
from matchnotes.io.errors import ImportFileError
from matchnotes.minutes import make_minute
from matchnotes.models import (
    Alias,
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
from matchnotes.text import clean

FORMAT = "matchnotes"
VERSION = 1
# In dependency order: a row only points at tables listed before it.
TABLES: tuple[type[SQLModel], ...] = (
    Competition, Season, Team, Venue, Person, Tag, Match, MatchTag, LineupEntry, Moment,
    Quote, Note, CareerBaseline, MatchDraft, PhotoBlob, MatchPhoto, Alias,
)  # fmt: skip
# Rebuilt on import: folded names, a moment's order, an alias's folded spelling.
DERIVED = frozenset({"name_key", "sort_key", "key"})
# An alias (a spelling imports use for the user's row) names a team or a competition by
# ``target_id`` according to its kind; a stage alias names the user's words instead.
ALIAS_TARGETS = {"team": "team", "competition": "competition"}
# A row's edit count in one database (services/conflicts.py), not part of what it says:
# a file neither carries it nor sets it; an imported row starts at version 1.
LOCAL = frozenset({"version"})
Row = dict[str, Any]


def table_name(model: type[SQLModel]) -> str:
    return str(model.__tablename__)


def columns(model: type[SQLModel]) -> list[Column[Any]]:
    return [c for c in model.__table__.columns if c.name not in DERIVED | LOCAL]  # type: ignore[attr-defined]


def references(model: type[SQLModel]) -> dict[str, str]:
    """Foreign-key column -> the table it points at."""
    return {
        c.name: next(iter(c.foreign_keys)).column.table.name
        for c in columns(model)
        if c.foreign_keys
    }


def has_id(model: type[SQLModel]) -> bool:
    return "id" in model.__table__.columns  # type: ignore[attr-defined]


def kept_key(model: type[SQLModel]) -> str | None:
    """The key of a table whose rows are named by their content (``photo_blob``: its
    sha256), written as it is and never renumbered; None for the other tables."""
    key = [c.name for c in model.__table__.primary_key.columns]  # type: ignore[attr-defined]
    return key[0] if key != ["id"] and len(key) == 1 else None


KEPT_KEYS = {table_name(m): key for m in TABLES if (key := kept_key(m))}


def renumbered_references(model: type[SQLModel]) -> dict[str, str]:
    """``references`` but those to a table with a kept key: their values stay as they are."""
    return {c: t for c, t in references(model).items() if t not in KEPT_KEYS}


@dataclass
class NativeFile:
    source: str
    tables: dict[str, list[Row]] = field(default_factory=dict)  # ids are the file's refs
    format: str = FORMAT


# --- import --------------------------------------------------------------------------


def parse_native(doc: Any, source: str) -> NativeFile:
    """Check the version, every value's type and every reference; raise ImportFileError.
    The rows of ``doc`` are used up as they are decoded (a big file is not held twice)."""
    if not isinstance(doc, dict):
        raise ImportFileError(source, None, "expected a JSON object with “format” and “version”.")
    version = doc.get("version")
    if version != VERSION:
        newer = isinstance(version, int) and not isinstance(version, bool) and version > VERSION
        problem = (
            f"was written by a newer MatchNotes (format version {version}); "
            f"this version reads version {VERSION}. Update MatchNotes to import it."
            if newer
            else f"has an unknown format version {version!r}; expected {VERSION}."
        )
        raise ImportFileError(source, "version", problem)
    tables = doc.get("tables")
    if not isinstance(tables, dict):
        raise ImportFileError(source, "tables", "expected an object of tables.")
    known = {table_name(m): m for m in TABLES}
    for name in tables:
        if name not in known:
            raise ImportFileError(source, f"tables.{name}", "is not a MatchNotes table.")
    parsed = NativeFile(source)
    for name, model in known.items():
        raw = tables.get(name, [])
        if not isinstance(raw, list):
            raise ImportFileError(source, f"tables.{name}", "expected a list of rows.")
        rows = parsed.tables[name] = []
        for i, item in enumerate(raw):
            rows.append(_decode_row(model, item, source, f"tables.{name}[{i}]"))
            raw[i] = None  # the document's row goes as its decoded copy comes: one at a time
    _check_references(parsed)
    return parsed


def _decode_row(model: type[SQLModel], item: Any, source: str, where: str) -> Row:
    if not isinstance(item, dict):
        raise ImportFileError(source, where, "expected an object.")
    cols = {c.name: c for c in columns(model)}
    for key in item:
        if key not in cols:
            raise ImportFileError(source, f"{where}.{key}", "is not a field of this table.")
    row: Row = {}
    for name, column in cols.items():
        if name not in item:
            if (column.primary_key and has_id(model)) or model.model_fields[name].is_required():
                raise ImportFileError(source, f"{where}.{name}", "is missing.")
            continue
        try:
            row[name] = _decode(column, item[name])
        except ValueError as exc:
            raise ImportFileError(source, f"{where}.{name}", str(exc)) from None
    if "name" in row and not clean(row["name"]):
        raise ImportFileError(source, f"{where}.name", "a name cannot be empty.")
    if model is PhotoBlob and hashlib.sha256(row["image"]).hexdigest() != row["sha256"]:
        raise ImportFileError(
            source,
            f"{where}.image",
            f"the picture's bytes do not match its sha256 {row['sha256']}: the file was "
            "damaged or edited. Nothing was imported; use another copy of the file.",
        )
    if model is Moment:
        try:
            make_minute(row["minute"], row.get("stoppage", 0), row["period"])
        except ValidationError as exc:
            raise ImportFileError(source, f"{where}.minute", str(exc)) from None
        if row["period"] is Period.SHOOTOUT:
            row["minute"], row["stoppage"] = 120, 0
    return row


def _decode(column: Column[Any], value: Any) -> Any:
    if value is None:
        if not column.nullable:
            raise ValueError("is required and cannot be null.")
        return None
    kind = getattr(column.type, "impl", column.type).python_type  # UTCDateTime wraps DateTime
    if kind is bool or kind is int:
        if not isinstance(value, int) or isinstance(value, bool) != (kind is bool):
            expected = "true or false" if kind is bool else "a whole number"
            raise ValueError(f"expected {expected}, found {value!r}.")
        if not -(2**63) <= value < 2**63:  # what a database column holds
            raise ValueError(f"the number {value:.3e} is too large.")
        return value
    if not isinstance(value, str):
        raise ValueError(f"expected a text, found {value!r}.")
    if kind is bytes:  # a photo's JPEG: base64 text
        try:
            return base64.b64decode(value, validate=True)
        except binascii.Error:
            raise ValueError(
                "is not valid base64 (the picture's bytes are damaged). Nothing was "
                "imported; use another copy of the file."
            ) from None
    if issubclass(kind, enum.Enum):
        try:
            return kind(value)
        except ValueError:
            choices = ", ".join(str(m.value) for m in kind)
            raise ValueError(f"“{value}” is not one of {choices}.") from None
    parsers = {
        dt.datetime: dt.datetime.fromisoformat,
        dt.date: dt.date.fromisoformat,
        dt.time: dt.time.fromisoformat,
    }
    if kind in parsers:
        try:
            parsed = parsers[kind](value)
        except ValueError:
            raise ValueError(f"“{value}” is not a valid {kind.__name__}.") from None
        if isinstance(parsed, dt.datetime) and parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=dt.UTC)  # times are stored in UTC
        return parsed
    return value


def alias_target(row: Row) -> str | None:
    """The table an alias row's ``target_id`` points at (None: a stage's alias)."""
    return ALIAS_TARGETS.get(row.get("kind"))  # type: ignore[arg-type]


def _row_references(model: type[SQLModel], row: Row) -> dict[str, str]:
    if model is Alias:
        target = alias_target(row)
        return {"target_id": target} if target else {}
    return references(model)


def _check_references(parsed: NativeFile) -> None:
    ids: dict[str, set[Any]] = {}  # ids, or a kept key's values
    for model in TABLES:
        name = table_name(model)
        rows = parsed.tables[name]
        for i, row in enumerate(rows):
            for column, target in _row_references(model, row).items():
                ref = row.get(column)
                if ref is not None and ref not in ids[target]:
                    where = f"tables.{name}[{i}].{column}"
                    by = KEPT_KEYS.get(target, "id")
                    raise ImportFileError(
                        parsed.source, where, f"there is no {target} with {by} {ref} in the file."
                    )
        own = "id" if has_id(model) else KEPT_KEYS.get(name)
        if own is not None:
            seen = [row[own] for row in rows]
            if len(set(seen)) != len(seen):
                raise ImportFileError(parsed.source, f"tables.{name}", f"two rows share one {own}.")
            ids[name] = set(seen)

"""Row images of what one write transaction did, captured from the Session generically.

Every service write runs in ``Service._write``; a ``Recorder`` listens to that Session's
flushes and keeps, for each inserted, updated or deleted row of the app's tables, its
image before and after, in the order they were written. Rows the database itself
deletes or clears (ON DELETE CASCADE / SET NULL) are found from the foreign keys
before the flush, so undoing a deleted match brings back its moments and quotes too.
Bulk ORM statements (``session.execute(delete(...))``) would slip past the flush, so
they are refused while recording: services write row by row through the Session.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import Connection, Table, delete, event, insert, select, update
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction
from sqlmodel import SQLModel

import matchnotes.models  # noqa: F401  (the tables must be in the metadata)

Image = dict[str, Any] | None
Key = tuple[str, tuple[Any, ...]]
UNTRACKED = {"change", "photo_blob"}  # photo bytes: stored once, kept for undo


@cache
def tables() -> dict[str, Table]:
    """The app's tables, parents before children (the order rows can be inserted in)."""
    return {t.name: t for t in SQLModel.metadata.sorted_tables if t.name not in UNTRACKED}


@dataclass
class RowChange:
    table: str
    key: list[Any]
    before: Image
    after: Image

    def to_json(self) -> dict[str, Any]:
        return {"table": self.table, "key": self.key, "before": self.before, "after": self.after}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RowChange:
        return cls(data["table"], list(data["key"]), data["before"], data["after"])


# --- images: rows as JSON-safe dicts ---------------------------------------------


def plain(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.datetime):
        return {"$dt": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$d": value.isoformat()}
    if isinstance(value, dt.time):
        return {"$t": value.isoformat()}
    return value


def typed(table: Table, image: dict[str, Any]) -> dict[str, Any]:
    """An image back to the values its columns take."""
    out = {}
    for name, value in image.items():
        if isinstance(value, dict):
            tag, text = next(iter(value.items()))
            parse = {"$dt": dt.datetime.fromisoformat, "$d": dt.date.fromisoformat,
                     "$t": dt.time.fromisoformat}[tag]  # fmt: skip
            value = parse(text)
        else:
            enum_class = getattr(table.c[name].type, "enum_class", None)
            if enum_class is not None and value is not None:
                value = enum_class(value)
        out[name] = value
    return out


def _where(table: Table, key: list[Any]) -> Any:
    columns = list(table.primary_key.columns)
    clause = columns[0] == key[0]
    for column, value in zip(columns[1:], key[1:], strict=True):
        clause = clause & (column == value)
    return clause


def key_of(table: Table, row: Any) -> list[Any]:
    return [row[c.name] for c in table.primary_key.columns]


def read_image(conn: Connection, table: Table, key: list[Any]) -> Image:
    row = conn.execute(select(table).where(_where(table, key))).mappings().first()
    return None if row is None else {name: plain(value) for name, value in row.items()}


def write_image(
    conn: Connection, table: Table, key: list[Any], current: Image, want: Image
) -> None:
    """Make the row ``want`` (None: absent), given it is ``current`` now."""
    if want is None:
        conn.execute(delete(table).where(_where(table, key)))
    elif current is None:
        conn.execute(insert(table).values(**typed(table, want)))
    else:
        conn.execute(update(table).where(_where(table, key)).values(**typed(table, want)))


def dependants(conn: Connection, table: Table, image: dict[str, Any]) -> list[RowChange]:
    """What the database does to other rows when this one is deleted (CASCADE deletes,
    SET NULL clears), deepest first: the row changes to record before its own delete."""
    found: list[RowChange] = []
    for child in tables().values():
        for fk in child.foreign_keys:
            if fk.column.table is not table or fk.ondelete not in ("CASCADE", "SET NULL"):
                continue
            value = image[fk.column.name]
            rows = conn.execute(select(child).where(fk.parent == value)).mappings().all()
            for row in rows:
                before = {name: plain(v) for name, v in row.items()}
                key = key_of(child, row)
                if fk.ondelete == "CASCADE":
                    found += dependants(conn, child, before)
                    found.append(RowChange(child.name, key, before, None))
                else:
                    found.append(
                        RowChange(child.name, key, before, {**before, fk.parent.name: None})
                    )
    return found


# --- the recorder --------------------------------------------------------------------


class Recorder:
    """Collects the RowChanges of one Session's flushes, in write order."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.changes: list[RowChange] = []
        self._updates: dict[Key, RowChange] = {}
        self._deletes: list[RowChange] = []
        event.listen(session, "before_flush", self._before_flush)
        event.listen(session, "after_flush", self._after_flush)
        event.listen(session, "do_orm_execute", self._refuse_bulk)

    def close(self) -> None:
        event.remove(self.session, "before_flush", self._before_flush)
        event.remove(self.session, "after_flush", self._after_flush)
        event.remove(self.session, "do_orm_execute", self._refuse_bulk)

    def _refuse_bulk(self, state: ORMExecuteState) -> None:
        if state.is_insert or state.is_update or state.is_delete:
            raise RuntimeError(
                "A bulk statement bypasses the change history; write through the Session."
            )

    def _tracked(self, obj: Any) -> tuple[Table, list[Any]] | None:
        table = tables().get(getattr(obj, "__tablename__", ""))
        if table is None:
            return None
        return table, [getattr(obj, c.name) for c in table.primary_key.columns]

    def _before_flush(self, session: Session, _ctx: UOWTransaction, _objs: Any) -> None:
        conn = session.connection()
        self._updates, self._deletes = {}, []
        for obj in session.dirty:
            tracked = self._tracked(obj)
            if tracked and session.is_modified(obj):
                table, key = tracked
                image = read_image(conn, table, key)
                self._updates[(table.name, tuple(key))] = RowChange(table.name, key, image, None)
        found: dict[Key, RowChange] = {}
        for obj in session.deleted:
            tracked = self._tracked(obj)
            image = tracked and read_image(conn, *tracked)
            if not tracked or image is None:
                continue
            table, key = tracked
            for change in [
                *dependants(conn, table, image),
                RowChange(table.name, key, image, None),
            ]:
                known = found.get((change.table, tuple(change.key)))
                if known is None or change.after is None:  # a delete wins over a clear
                    found[(change.table, tuple(change.key))] = change
        # Replayable order: clears first, then deletes children before parents.
        order = {name: i for i, name in enumerate(tables())}
        cleared = [c for c in found.values() if c.after is not None]
        deleted = sorted((c for c in found.values() if c.after is None),
                         key=lambda c: -order[c.table])  # fmt: skip
        self._deletes = cleared + deleted

    def _after_flush(self, session: Session, _ctx: UOWTransaction) -> None:
        conn = session.connection()
        order = {name: i for i, name in enumerate(tables())}
        inserted = []
        for obj in session.new:
            tracked = self._tracked(obj)
            if tracked:
                table, key = tracked
                inserted.append(RowChange(table.name, key, None, read_image(conn, table, key)))
        inserted.sort(key=lambda c: order[c.table])  # parents first, as they were written
        for change in inserted:
            self.changes.append(change)
        for update_ in self._updates.values():
            update_.after = read_image(conn, tables()[update_.table], update_.key)
            if update_.after != update_.before:
                self.changes.append(update_)
        for change in self._deletes:
            if change.after is not None:  # cleared by SET NULL: read what it became
                change.after = read_image(conn, tables()[change.table], change.key)
            self.changes.append(change)
        self._updates, self._deletes = {}, []

"""Snapshots of rows so that a delete can be undone exactly (same ids, same children).

The UI's undo stack takes a snapshot before it deletes something and restores it on
undo. Rows come back with their original ids, so every later command on the stack
that refers to them by id still works. Undo is last-in, first-out, so an id freed by a
delete is not reused before its restore (SQLite hands out max(id)+1).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import insert
from sqlmodel import Session, SQLModel, col, select

from matchnotes.errors import MatchNotesError
from matchnotes.models import (
    CareerBaseline,
    LineupEntry,
    Match,
    MatchDraft,
    MatchTag,
    Moment,
    Note,
    Person,
    Quote,
)
from matchnotes.services.base import Service, get_or_404

_MODELS: dict[str, type[SQLModel]] = {
    str(m.__tablename__): m
    for m in (Match, LineupEntry, Moment, Quote, Note, MatchTag, Person, CareerBaseline, MatchDraft)
}


@dataclass(frozen=True)
class Snapshot:
    """Rows in insertion order: parents first."""

    label: str
    rows: list[tuple[str, dict[str, Any]]] = field(default_factory=list)


class HistoryService(Service):
    def snapshot_match(self, match_id: int) -> Snapshot:
        with self._read() as session:
            match = get_or_404(session, Match, match_id, "match")
            rows = [_row(match)]
            for model in (LineupEntry, MatchTag, Moment, Quote, Note, MatchDraft):
                query = select(model).where(col(model.match_id) == match_id)
                rows += [_row(r) for r in session.exec(query).all()]
            return Snapshot("match", rows)

    def snapshot(self, table: str, ident: int) -> Snapshot:
        """One row of ``table``: "moment", "quote", "note", "lineup_entry", "person"…

        Named by table, not model class, so that the UI needs no ORM import.
        """
        model = _MODELS[table]
        with self._read() as session:
            row = get_or_404(session, model, ident, str(model.__tablename__))
            rows = [_row(row)]
            if model is Moment:
                # Quotes linked to this moment lose the link on delete; keep it for undo.
                quotes = select(Quote).where(Quote.moment_id == ident)
                rows += [_row(q) for q in session.exec(quotes).all()]
            if model is Person:  # its career baselines go with it (CASCADE)
                baselines = select(CareerBaseline).where(CareerBaseline.person_id == ident)
                rows += [_row(b) for b in session.exec(baselines).all()]
            return Snapshot(str(model.__tablename__), rows)

    def snapshot_rows(self, rows: list[tuple[str, int]]) -> Snapshot:
        """Several rows, given parents first as (table, id): what one change created
        (a logged line: the people it made, their line-up entries, the moment)."""
        with self._read() as session:
            found = []
            for table, ident in rows:
                model = _MODELS[table]
                found.append(_row(get_or_404(session, model, ident, str(model.__tablename__))))
            return Snapshot("rows", found)

    def restore(self, snapshot: Snapshot) -> None:
        """Put the rows back in one transaction (upserting rows that still exist)."""
        with self._write() as session:
            for table, values in snapshot.rows:
                model = _MODELS[table]
                existing = _find(session, model, values)
                if existing is not None:
                    for key, value in values.items():
                        setattr(existing, key, value)
                else:
                    session.execute(insert(model).values(**values))
            session.flush()

    def delete_rows(self, snapshot: Snapshot) -> None:
        """Remove exactly the first row of a snapshot (redo of a create)."""
        table, values = snapshot.rows[0]
        with self._write() as session:
            row = _find(session, _MODELS[table], values)
            if row is None:
                raise MatchNotesError("Nothing to remove: it was already deleted.")
            session.delete(row)

    def delete_all(self, snapshot: Snapshot) -> None:
        """Remove every row of a snapshot, children first, in one transaction (undo of a
        change that created them all)."""
        with self._write() as session:
            for table, values in reversed(snapshot.rows):
                row = _find(session, _MODELS[table], values)
                if row is None:
                    raise MatchNotesError("Nothing to remove: it was already deleted.")
                session.delete(row)
                session.flush()  # children go before the parents they point at


def _row(obj: SQLModel) -> tuple[str, dict[str, Any]]:
    table = obj.__table__  # type: ignore[attr-defined]
    return table.name, {c.name: getattr(obj, c.name) for c in table.columns}


def _find(session: Session, model: type[SQLModel], values: dict[str, Any]) -> Any:
    keys = [c.name for c in model.__table__.primary_key.columns]  # type: ignore[attr-defined]
    return session.get(model, tuple(values[k] for k in keys) if len(keys) > 1 else values[keys[0]])

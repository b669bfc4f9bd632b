"""The change history: list it, undo the newest change, redo what was undone.

Every service write is recorded with its rows before and after (``journal.py``,
``change_log.py``), so undo and redo work the same for the app and the CLI and
survive a restart. Undo replays a change's row images backwards, redo forwards;
each step first checks that every row is still as the change left it, so a change
that something later built on is refused rather than half taken back. Ids come back
exactly: rows are re-inserted with their own ids.
"""

from __future__ import annotations

import datetime as dt
import json
from contextlib import AbstractContextManager
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from matchnotes.errors import MatchNotesError
from matchnotes.models import Change
from matchnotes.services import change_log
from matchnotes.services.base import Service
from matchnotes.services.journal import RowChange, dependants, read_image, tables, write_image
from matchnotes.services.views import ChangeView

UNDOABLE = ("change", "import")


class HistoryService(Service):
    def list(self, match_id: int | None = None, limit: int = 50) -> list[ChangeView]:
        """Newest first."""
        with self._read() as session:
            query = select(Change).order_by(col(Change.id).desc()).limit(limit)
            if match_id is not None:
                query = query.where(Change.match_id == match_id)
            return [_view(c) for c in session.exec(query).all()]

    def next_undo(self) -> ChangeView | None:
        """The change ``undo`` would take back (the newest not undone)."""
        with self._read() as session:
            found = _next_undo(session)
            return None if found is None else _view(found)

    def next_redo(self) -> ChangeView | None:
        """The change ``redo`` would make again (the last undone, if nothing new since)."""
        with self._read() as session:
            found = _next_redo(session)
            return None if found is None else _view(found)

    def use_author(self, name: str | None) -> None:
        """Whom this process's changes are by (None: the OS user name)."""
        change_log.set_author(name)

    def named(self, summary: str) -> AbstractContextManager[None]:
        """Changes made inside are listed as ``summary`` (the caller's own words)."""
        return change_log.named(summary)

    def undo(self) -> ChangeView:
        """Take back the newest change; returns it. Refused with a message when nothing
        is left, when it was an import, or when a later change built on its rows."""
        with self._step() as session:
            change = _next_undo(session)
            if change is None:
                raise MatchNotesError("Nothing to undo: the history has no change left to undo.")
            if change.kind == "import":
                raise MatchNotesError(
                    f"“{change.summary}” cannot be undone change by change. To go back to "
                    "before it, restore the backup made just before the import "
                    "(`matchnotes backups`, then `matchnotes restore`; in the app: "
                    "File ▸ Backups)."
                )
            rows = _rows(change)
            _replay(session.connection(), list(reversed(rows)), "undo", change.summary)
            inverse = [RowChange(r.table, r.key, r.after, r.before) for r in reversed(rows)]
            change.undone = True
            session.add(change)
            change_log.save(session, inverse, kind="undo", summary=f"Undid: {change.summary}",
                            target_id=change.id, match_id=change.match_id)  # fmt: skip
            return _view(change)

    def redo(self) -> ChangeView:
        """Make the last undone change again; returns it."""
        with self._step() as session:
            change = _next_redo(session)
            if change is None:
                raise MatchNotesError(
                    "Nothing to redo: redo makes again what undo took back, "
                    "until a new change is made."
                )
            rows = _rows(change)
            _replay(session.connection(), rows, "redo", change.summary)
            change.undone = False
            session.add(change)
            change_log.save(session, rows, kind="redo", summary=f"Redid: {change.summary}",
                            target_id=change.id, match_id=change.match_id)  # fmt: skip
            return _view(change)

    def _step(self) -> AbstractContextManager[Session]:
        # Undo and redo write rows with Core on the transaction's connection, which the
        # recorder does not see; they record their own entry.
        return self._write()


def _next_undo(session: Session) -> Change | None:
    query = (
        select(Change)
        .where(col(Change.kind).in_(UNDOABLE), col(Change.undone).is_(False))
        .order_by(col(Change.id).desc())
    )
    return session.exec(query).first()


def _next_redo(session: Session) -> Change | None:
    newest_change = session.exec(
        select(Change.id).where(col(Change.kind).in_(UNDOABLE)).order_by(col(Change.id).desc())
    ).first()
    undos = select(Change).where(Change.kind == "undo").order_by(col(Change.id).desc())
    for step in session.exec(undos):
        if newest_change is not None and newest_change > (step.id or 0):
            return None  # a new change since: what was undone stays undone
        target = session.get(Change, step.target_id)
        if target is not None and target.undone:
            return target
    return None


def _rows(change: Change) -> list[RowChange]:
    return [RowChange.from_json(r) for r in json.loads(change.rows)]


def _replay(conn: Connection, rows: list[RowChange], step: str, summary: str) -> None:
    """Apply ``before`` -> ``after`` for each row in order (undo passes them inverted)."""
    known = tables()
    for row in rows:
        expected, wanted = (row.after, row.before) if step == "undo" else (row.before, row.after)
        table = known[row.table]
        current = read_image(conn, table, row.key)
        stale = _unversioned(current) != _unversioned(expected)
        if stale or (wanted is None and current and dependants(conn, table, current)):
            raise MatchNotesError(_built_upon(step, summary, row.table))
        try:
            write_image(conn, table, row.key, current, _next_version(current, wanted))
        except IntegrityError as exc:
            raise MatchNotesError(_built_upon(step, summary, row.table)) from exc


def _unversioned(image: dict[str, Any] | None) -> dict[str, Any] | None:
    """A row image without its version: an undo or redo bumps the version, so what the
    history recorded and what the row holds differ in it alone."""
    return None if image is None else {k: v for k, v in image.items() if k != "version"}


def _next_version(current: dict[str, Any] | None, wanted: dict[str, Any] | None) -> Any:
    """An undo or redo is a change too: the row's version goes up (never back), so a
    screen that showed it before is refused rather than overwriting it."""
    if wanted is None or "version" not in wanted:
        return wanted
    newest = max(int(wanted["version"]), int((current or {}).get("version", 0)))
    return {**wanted, "version": newest + 1}


def _built_upon(step: str, summary: str, table: str) -> str:
    what = table.replace("_", "-")
    return (
        f"Cannot {step} “{summary}”: a later change built on it (a {what} it touched has "
        "changed since, or other rows now depend on it). Nothing was changed; edit it "
        "by hand instead."
    )


def _view(c: Change) -> ChangeView:
    at = c.at if c.at.tzinfo else c.at.replace(tzinfo=dt.UTC)  # stored as UTC
    return ChangeView(c.id or 0, at, c.author, c.summary, c.match_id, c.kind, c.target_id,
                      c.undone)  # fmt: skip

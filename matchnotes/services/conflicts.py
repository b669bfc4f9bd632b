"""No silent overwrite: an edit or delete made from a screen that showed an older
version of the row is refused, with both sides in the message.

Every versioned row (match, moment, quote, note) carries ``version`` (schema 0011),
one more on each edit. A form or command hands in the version it was filled from
(``seen``); when the row has moved on since, someone else's newer change would be
overwritten, so the change is refused with who made theirs and when (from the change
history), what the row holds now and what the refused change would have made it.
The mapper's ``version_id_col`` catches the last race on a server (two writers past
this check at the same instant): ``Service._write`` turns it into the same refusal.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, TypeVar

from sqlalchemy import Connection
from sqlmodel import Session, SQLModel, col, select

from matchnotes.errors import ConflictError
from matchnotes.models import Change
from matchnotes.services import change_log
from matchnotes.services.base import RACE, get_or_404
from matchnotes.services.journal import plain, tables

__all__ = ["RACE", "ConflictError", "check_seen", "get_seen", "gone"]
T = TypeVar("T", bound=SQLModel)
_SCAN = 200  # history entries of the match searched for the row's last change
_NOUN = {"match": "match", "moment": "moment", "quote": "quote", "note": "note"}


def check_seen(session: Session, row: Any, seen: int | None, yours: str) -> None:
    """Refuse when ``row`` is no longer at the version ``seen`` (None: no check).

    ``yours``: the refused change in words ("67' Goal Harry Kane", "delete it")."""
    if seen is None or row.version == seen:
        return
    table = row.__tablename__
    conn = session.connection()
    image = {c.name: plain(getattr(row, c.name)) for c in tables()[table].columns}
    change = last_change(session, table, row.id, image.get("match_id"))
    noun = _NOUN.get(table, table)
    who = f"{change.author} changed this {noun}" if change else f"This {noun} was changed"
    when = f" at {when_text(change.at)}" if change else ""
    raise ConflictError(
        f"{who}{when} after you opened it, so your change was not saved.\n"
        f"Now: {describe(conn, table, image)}\n"
        f"Yours: {yours}\n"
        "Reload (the page shows their change) and edit again if yours should still be made."
    )


def get_seen(session: Session, model: type[T], ident: int, what: str, seen: int | None) -> T:
    """The row to change; one deleted since the user saw it (``seen`` given) is refused
    with who deleted it, not merely "not found"."""
    row = session.get(model, ident)
    if row is None and seen is not None:
        raise gone(session, what, ident, None)
    return get_or_404(session, model, ident, what)


def gone(session: Session, table: str, ident: int, match_id: int | None) -> ConflictError:
    """The refusal for a row someone deleted after the user opened it."""
    change = last_change(session, table, ident, match_id)
    noun = _NOUN.get(table, table)
    who = f"{change.author} deleted this {noun} at {when_text(change.at)}" if change else (
        f"This {noun} was deleted"
    )  # fmt: skip
    return ConflictError(
        f"{who} after you opened it, so your change was not saved. "
        "Reload to see the page as it is now."
    )


def last_change(
    session: Session, table: str, ident: int | None, match_id: int | None
) -> Change | None:
    """The newest history entry that wrote this row (among the match's recent ones)."""
    query = select(Change).order_by(col(Change.id).desc()).limit(_SCAN)
    if match_id is not None:
        query = query.where(Change.match_id == match_id)
    for change in session.exec(query):
        for row in json.loads(change.rows):
            if row["table"] == table and row["key"] == [ident]:
                return change
    return None


def when_text(at: dt.datetime) -> str:
    """The time of a change in the reader's time zone: "20:47", or "3 Dec 20:47"."""
    local = (at if at.tzinfo else at.replace(tzinfo=dt.UTC)).astimezone()
    if local.date() == dt.datetime.now().astimezone().date():
        return f"{local:%H:%M}"
    return f"{local.day} {local:%b %Y %H:%M}"


def describe(conn: Connection, table: str, image: dict[str, Any]) -> str:
    """A row in words, as a conflict message shows it."""
    what = change_log.what(conn, table, image)
    extra = image.get("description") or image.get("text")
    return f"{what} — “{_short(extra)}”" if extra else what


def _short(text: str, limit: int = 120) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"

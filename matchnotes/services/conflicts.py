"""No silent overwrite: an edit or delete made from a screen that showed an older
version of the row is refused, with both sides in the message.

Every versioned row (match, moment, quote, note: schema 0011; person, team, line-up
entry: 0017) carries ``version``, one more on each edit. A form or command hands in the
version it was filled from (``seen``); when the row has moved on since, someone else's
newer change would be overwritten, so the change is refused with who made theirs and
when (from the change history), what the row holds now and what the refused change
would have made it. A team's line-up, saved as a whole by the line-up editor, is
checked by the versions of all its entries (``check_lineup_seen``). The mapper's
``version_id_col`` catches the last race on a server (two writers past this check at
the same instant): ``Service._write`` turns it into the same refusal.
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

__all__ = ["RACE", "RELOAD", "ConflictError", "LineupSeen", "check_lineup_seen", "check_seen",
           "get_seen", "gone"]  # fmt: skip
T = TypeVar("T", bound=SQLModel)
_SCAN = 200  # history entries of the match searched for the row's last change
_NOUN = {"match": "match", "moment": "moment", "quote": "quote", "note": "note",
         "person": "person", "team": "team", "lineup_entry": "line-up entry"}  # fmt: skip
# The last line of a refusal: what to do about it (a form that keeps your values says more).
RELOAD = ConflictError.RELOAD
LineupSeen = tuple[tuple[int, int], ...]  # a team's line-up as shown: (entry id, version)…


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
        f"Yours: {yours}\n{RELOAD}"
    )


def check_lineup_seen(
    session: Session, match_id: int, team: str, seen: LineupSeen, now: LineupSeen,
    texts: tuple[str, str],
) -> None:  # fmt: skip
    """Refuse a team's line-up saved from a screen that showed other entries (or older
    versions of them) than ``now``: someone else saved, edited or removed one since.

    ``texts``: the team's stored line-up now and the refused one, as editor text; the
    message shows the lines where they differ."""
    if sorted(seen) == sorted(now):
        return
    moved = sorted(set(seen) ^ set(now))
    change = next(
        (c for ident, _v in moved if (c := last_change(session, "lineup_entry", ident, match_id))),
        None,
    )
    who = f"{change.author} changed {team}'s line-up" if change else f"{team}'s line-up changed"
    when = f" at {when_text(change.at)}" if change else ""
    theirs, yours = (text.splitlines() for text in texts)
    only_theirs = [line for line in theirs if line not in yours and line != "Substitutes:"]
    only_yours = [line for line in yours if line not in theirs and line != "Substitutes:"]
    same = "the same lines in another order" if not (only_theirs or only_yours) else ""
    raise ConflictError(
        f"{who}{when} after you opened it, so your change was not saved.\n"
        f"Now: {_lines(only_theirs) or same}\n"
        f"Yours: {_lines(only_yours) or same}\n{RELOAD}"
    )


def _lines(lines: list[str]) -> str:
    return _short("; ".join(lines), 240) if lines else ""


def get_seen(session: Session, model: type[T], ident: int, what: str, seen: int | None) -> T:
    """The row to change; one deleted since the user saw it (``seen`` given) is refused
    with who deleted it, not merely "not found"."""
    row = session.get(model, ident)
    if row is None and seen is not None:
        raise gone(session, str(model.__tablename__), ident, None)
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
    if table == "person":
        return person_words(image)
    if table == "team":
        return team_words(image)
    if table == "lineup_entry":
        person = tables()["person"]
        name = conn.execute(select(person.c.name).where(person.c.id == image["person_id"]))
        return lineup_words(image, str(name.scalar()))
    what = change_log.what(conn, table, image)
    extra = image.get("description") or image.get("text")
    return f"{what} — “{_short(extra)}”" if extra else what


def _short(text: str, limit: int = 120) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def person_words(p: dict[str, Any]) -> str:
    """A person as their form shows them: "Kylian Mbappé, player, #10, FW, France, born
    1998-12-20" (what is blank left out)."""
    from matchnotes.enums import PersonRole
    from matchnotes.labels import ROLE_LABELS

    role = p.get("role")
    parts = [
        p.get("name"),
        ROLE_LABELS.get(PersonRole(role), str(role)).lower() if role else None,
        f"#{p['shirt_number']}" if p.get("shirt_number") is not None else None,
        p.get("position"),
        p.get("nationality"),
        f"club {p['club']}" if p.get("club") else None,
        f"born {_day(p['date_of_birth'])}" if p.get("date_of_birth") else None,
    ]
    return ", ".join(str(part) for part in parts if part)


def team_words(t: dict[str, Any]) -> str:
    """A team as its form shows it: "England (ENG), England"."""
    code = f" ({t['code']})" if t.get("code") else ""
    return f"{t.get('name')}{code}" + (f", {t['country']}" if t.get("country") else "")


def _day(value: Any) -> str:
    """A date from a row image (a journal's ``{"$d": "…"}``) or from a form."""
    return str(value.get("$d")) if isinstance(value, dict) else str(value)


def lineup_words(e: dict[str, Any], name: str) -> str:
    """A line-up entry as its form shows it: "Hugo Lloris, Starting XI, #1, GK, captain"."""
    from matchnotes.enums import LineupRole
    from matchnotes.labels import LINEUP_ROLE_LABELS

    parts = [name, LINEUP_ROLE_LABELS[LineupRole(e["role"])],
             f"#{e['shirt_number']}" if e.get("shirt_number") is not None else None,
             e.get("position"), "captain" if e.get("captain") else None]  # fmt: skip
    return ", ".join(str(p) for p in parts if p)

"""Writing a change history entry: who, when, which match, and a line a user understands.

The summary is read from the rows themselves ("Logged 54' Penalty goal Harry Kane",
"Deleted quote by Gareth Southgate"), so a service needs no code of its own; one may
still say it better by putting ``session.info["summary"]`` (``say``).
"""

from __future__ import annotations

import getpass
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from sqlalchemy import Connection, insert, select
from sqlmodel import Session

from matchnotes.enums import MomentKind, Period
from matchnotes.labels import KIND_LABELS
from matchnotes.minutes import format_minute
from matchnotes.models import Change
from matchnotes.services.journal import RowChange, tables

_author: str | None = None
_named: ContextVar[str | None] = ContextVar("change_name", default=None)
_unsigned: ContextVar[bool] = ContextVar("unsigned", default=False)

# Which row a change is about, most telling first; the verbs per table.
_MAIN = ("match", "moment", "quote", "note", "lineup_entry", "person", "team", "venue",
         "competition", "season", "tag", "match_tag")  # fmt: skip
_NOUN = {"lineup_entry": "line-up entry", "match_tag": "tag of a match",
         "match_draft": "report draft", "career_baseline": "career baseline"}  # fmt: skip
_CLOCK = {"clock_period", "clock_started_at", "clock_paused_at", "clock_adjust_seconds",
          "status", "updated_at"}  # fmt: skip


def set_author(name: str | None) -> None:
    """Who the changes of this process are by (``--author``, the app's setting)."""
    global _author
    _author = name.strip() if name and name.strip() else None


def current_author() -> str:
    """The name set, else the OS account's full name, else its login."""
    return _author or os_user_name()


def os_user_name() -> str:
    """The full name of the OS account when it has one, else the login name."""
    try:
        import pwd  # POSIX only

        full = pwd.getpwuid(os.getuid()).pw_gecos.split(",")[0].strip()
        if full:
            return full
    except (ImportError, KeyError, OSError, AttributeError):
        pass
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in this environment
        return "unknown"


@contextmanager
def unsigned() -> Iterator[None]:
    """Rows made inside record no author (the demo match: sample data nobody logged)."""
    token = _unsigned.set(True)
    try:
        yield
    finally:
        _unsigned.reset(token)


def row_author() -> str | None:
    """The author a new moment, quote or note records (None inside ``unsigned``)."""
    return None if _unsigned.get() else current_author()


@contextmanager
def named(summary: str) -> Iterator[None]:
    """The changes made inside are summed up as ``summary`` (the app's own words for a
    clock change: "Start first half")."""
    token = _named.set(summary)
    try:
        yield
    finally:
        _named.reset(token)


def say(session: Session, summary: str) -> None:
    """Name the change being made in a service's own words."""
    session.info["summary"] = summary


def save(session: Session, changes: list[RowChange], *, kind: str = "change",
         summary: str | None = None, target_id: int | None = None,
         match_id: int | None = None) -> int | None:  # fmt: skip
    """Add the entry in the same transaction; nothing for a write that changed no row."""
    if kind == "change" and not changes:
        return None
    conn = session.connection()
    if summary is None:
        summary = _named.get() or session.info.get("summary") or describe(conn, changes)
    if match_id is None:
        match_id = match_of(changes)
    rows = json.dumps([c.to_json() for c in changes])
    entry = Change(author=current_author(), summary=summary, match_id=match_id, kind=kind,
                   target_id=target_id, rows=rows)  # fmt: skip
    values = entry.model_dump(exclude={"id"})
    result = conn.execute(insert(Change.__table__).values(**values))  # type: ignore[attr-defined]
    return int(result.inserted_primary_key[0])  # type: ignore[index]


def match_of(changes: list[RowChange]) -> int | None:
    for change in changes:
        image = change.after or change.before or {}
        if change.table == "match":
            return int(image["id"])
        if image.get("match_id") is not None:
            return int(image["match_id"])
    return None


def describe(conn: Connection, changes: list[RowChange]) -> str:
    def rank(change: RowChange) -> tuple[int, int]:
        table = _MAIN.index(change.table) if change.table in _MAIN else len(_MAIN)
        # A match created or deleted is the story; a match merely edited comes last.
        edited_match = change.table == "match" and change.before and change.after
        return (len(_MAIN) + 1 if edited_match else table, 0)

    main = min(changes, key=rank)
    image = main.after or main.before or {}
    what = _what(conn, main.table, image)
    if main.before is None:
        verb = "Logged" if main.table == "moment" else "Added"
        if main.table in ("match", "person", "team"):
            verb = "Created"
    elif main.after is None:
        verb = "Deleted"
    else:
        changed = {k for k in main.after if main.after[k] != main.before.get(k)}
        if main.table == "match" and changed <= _CLOCK:
            return f"Changed the clock of {what}"
        verb = "Edited"
    same = sum(1 for c in changes if c.table == main.table and (c.before is None) ==
               (main.before is None) and (c.after is None) == (main.after is None))  # fmt: skip
    if main.table == "lineup_entry" and same > 1:
        return f"{verb} {same} line-up entries of {_match_title(conn, image['match_id'])}"
    return f"{verb} {what}"


def what(conn: Connection, table: str, image: dict[str, Any]) -> str:
    """A row in a few words ("54' Penalty goal Harry Kane", "quote by Gareth Southgate")."""
    return _what(conn, table, image)


def _what(conn: Connection, table: str, image: dict[str, Any]) -> str:
    if table == "match":
        return f"match {_match_title(conn, image['id'], image)}"
    if table == "moment":
        minute = format_minute(Period(image["period"]), image["minute"], image["stoppage"])
        kind = KIND_LABELS.get(MomentKind(image["kind"]), image["kind"])
        who = _person(conn, image.get("player_id"))
        return " ".join(p for p in (minute, kind, who) if p)
    if table == "quote":
        return f"quote by {_person(conn, image['speaker_id'])}"
    if table == "note":
        if image.get("match_id") is not None:
            return f"note on {_match_title(conn, image['match_id'])}"
        return f"note on {_person(conn, image.get('person_id'))}"
    if table == "lineup_entry":
        return f"{_person(conn, image['person_id'])} in the line-up"
    if "name" in image:
        return f"{_NOUN.get(table, table)} {image['name']}"
    if image.get("match_id") is not None:  # a report draft…
        return f"{_NOUN.get(table, table)} of {_match_title(conn, image['match_id'])}"
    return _NOUN.get(table, table)


def _person(conn: Connection, ident: int | None) -> str:
    if ident is None:
        return ""
    person = tables()["person"]
    name = conn.execute(select(person.c.name).where(person.c.id == ident)).scalar()
    return str(name) if name else f"person {ident}"


def _match_title(conn: Connection, ident: int, image: dict[str, Any] | None = None) -> str:
    if image is None:
        match = tables()["match"]
        row = conn.execute(select(match).where(match.c.id == ident)).mappings().first()
        if row is None:
            return f"match {ident}"
        image = dict(row)
    team = tables()["team"]
    sides = [image["home_team_id"], image["away_team_id"]]
    names = dict(conn.execute(select(team.c.id, team.c.name).where(team.c.id.in_(sides))).all())
    home, away = names.get(image["home_team_id"], "?"), names.get(image["away_team_id"], "?")
    date = image["date"]
    day = date.get("$d") if isinstance(date, dict) else str(date)
    return f"{home} v {away}, {day}"

"""What other processes commit, as it happens (issue 18: a newsroom on one match).

``open_feed(engine).wait(timeout)`` blocks up to ``timeout`` seconds and returns the
changes committed meanwhile (an empty list when none). It never scans a table:

- PostgreSQL: a dedicated connection LISTENs on ``matchnotes_changes``; the triggers of
  migration 0013 send the table, operation, row id and match id of every changed moment,
  quote, note, line-up entry and match; those of 0017 a renamed person or team (no match:
  the name may be on any page). A notification arrives only when its transaction
  commits, so what a reader then reads is there. Commits made through this process's
  own engine are left out (the window already shows them). A lost connection is opened
  again, and then reported as "something changed" (notifications sent meanwhile are lost).
- SQLite (another process writing the same file: the CLI, a second window): one
  integer, ``PRAGMA data_version`` on a dedicated connection, read every half second;
  it moves when any other connection commits. What changed is then read from the change
  history (every service write records its rows there, in the same transaction): the
  entries after the last one seen, by primary key, told as the server tells them. A
  commit with no entry (an import, a program of its own) is "something changed"
  (``Change(None)``): the reader reloads what it shows. Whose commit it was is not
  known: when this process wrote meanwhile too, the changes are marked ``maybe_own``
  (the window has shown its own change; a reader may skip what is costly). A file
  replaced under it (a restore) is opened again.

``page_after`` puts the changes told on the page shown: the moments and quotes changed,
read by id, in place; the line-ups, notes and header read when they changed; the whole
match read only when the feed could not say what changed.

No Qt here: the window runs a feed on a thread of its own (ui/live.py); the newsroom
benchmark runs it in plain processes.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import Engine, event

if TYPE_CHECKING:
    from matchnotes.services import Services
    from matchnotes.services.views import MatchDetail

CHANNEL = "matchnotes_changes"
SQLITE_INTERVAL = 0.5  # seconds between two reads of PRAGMA data_version
# More rows changed than this at once (an undo of a big change): one read of the whole
# match instead of a list of ids that long.
READ_ALONE_AT_MOST = 500
# The parts of a match page, by the table whose rows they show.
PAGE_TABLES = frozenset({"moment", "quote", "note", "lineup_entry", "match", "match_tag"})


@dataclass(frozen=True)
class Change:
    """One committed change; ``match_id`` None means "not known which": reload all shown."""

    match_id: int | None
    table: str | None = None
    op: str | None = None  # "insert", "update", "delete"
    row_id: int | None = None
    maybe_own: bool = False  # SQLite: this process wrote in the same half second


class ChangeFeed(Protocol):
    def wait(self, timeout: float) -> list[Change]: ...

    def close(self) -> None: ...


def open_feed(engine: Engine) -> ChangeFeed:
    """The feed for the database behind ``engine``; nothing is connected until ``wait``."""
    if engine.dialect.name == "postgresql":
        return PostgresFeed(engine)
    database = engine.url.database
    if not database or database == ":memory:":
        return QuietFeed()  # no other process can write to it
    from matchnotes.services.base import own_writes

    return SqliteFeed(database, lambda: own_writes(engine))


def batches(
    feed: ChangeFeed, stopped: Callable[[], bool], timeout: float = 0.5
) -> Iterator[list[Change]]:
    """Non-empty batches of changes until ``stopped()``, which is asked every ``timeout``."""
    while not stopped():
        changes = feed.wait(timeout)
        if changes and not stopped():
            yield changes


def page_after(
    services: Services, match_id: int, shown: MatchDetail | None, changes: Sequence[Change]
) -> MatchDetail:
    """The match page after ``changes``: what was ``shown`` with the rows told changed
    read alone (moments and quotes by id; the line-ups, notes or header when they
    changed) and put in place, the scores counted again; ``shown`` itself when nothing
    on it changed. The whole match is read again only when a change does not say what
    it was. NotFoundError if the match is gone."""
    from matchnotes.services.match_append import detail_with_changes

    wanted = _wanted(match_id, changes)
    if shown is None or wanted is None:
        return services.matches.get_match(match_id)
    moments, quotes, parts = wanted
    if not (moments or quotes or parts):
        return shown
    read = services.matches.page_changes(
        match_id, moment_ids=moments, quote_ids=quotes, lineups="lineup_entry" in parts,
        notes="note" in parts, header=bool(parts & {"match", "match_tag"}),
    )  # fmt: skip
    after = detail_with_changes(shown, read)
    return after if after is not None else services.matches.get_match(match_id)


def _wanted(match_id: int, changes: Sequence[Change]) -> tuple[set[int], set[int], set[str]] | None:
    """(moment ids, quote ids, other page tables) that ``changes`` touched on this match's
    page; None when that cannot be told (read the whole match)."""
    moments: set[int] = set()
    quotes: set[int] = set()
    parts: set[str] = set()
    for change in changes:
        if change.match_id not in (match_id, None):
            continue
        table = change.table
        if table is None:
            return None  # "something changed"
        if table not in PAGE_TABLES:
            if change.op == "insert" or change.match_id is not None:
                continue  # a new person or team (the rows naming it are told too); a draft
            return None  # a name changed: it may be anywhere on the page
        if change.match_id is None and table == "note" and change.row_id is not None:
            continue  # a note on a person (a file's history names it): on no match page
        if change.match_id is None or (table == "match" and change.op == "delete"):
            return None
        if table in ("moment", "quote"):
            if change.row_id is None:
                return None  # one statement over several rows: which is not told
            (moments if table == "moment" else quotes).add(change.row_id)
        else:
            parts.add(table)
    if len(moments) + len(quotes) > READ_ALONE_AT_MOST:
        return None
    return moments, quotes, parts


def recorded_changes(match_id: int | None, kind: str, rows: str) -> list[Change]:
    """One change history entry (services/change_log.py) as the changes a server would
    tell: a row of a match as (match, table, op, id); a new row elsewhere (a person, a
    team) with the entry's match; any other row changed, or an import (recorded without
    rows), as a change to no match known ("reload what you show")."""
    if kind == "import":
        return [Change(None)]
    try:
        images = json.loads(rows)
    except ValueError:
        return [Change(None)]
    told = []
    for image in images:
        table, key = image.get("table"), image.get("key") or [None]
        before, after = image.get("before"), image.get("after")
        op = "insert" if before is None else "delete" if after is None else "update"
        row_id = key[0] if len(key) == 1 and isinstance(key[0], int) else None
        # A row moved to another match (a note) is gone from one page and new on the other.
        matches = {r.get("match_id") for r in (before, after) if r} - {None}
        if table == "match":
            told.append(Change(row_id, table, op, row_id))
        elif matches:
            told += [Change(m, table, op, row_id) for m in sorted(matches)]
        elif op == "insert":
            told.append(Change(match_id, table, op, row_id))
        else:
            told.append(Change(None, table, op, row_id))
    return told


class QuietFeed:
    """An in-memory database: nobody else writes to it."""

    def wait(self, timeout: float) -> list[Change]:
        time.sleep(timeout)
        return []

    def close(self) -> None:
        pass


class SqliteFeed:
    def __init__(
        self, path: str, own_writes: Callable[[], int] = lambda: 0,
        interval: float = SQLITE_INTERVAL,
    ) -> None:  # fmt: skip
        self._path, self._interval = path, interval
        self._own_writes, self._own_seen = own_writes, own_writes()
        self._conn: sqlite3.Connection | None = None
        self._inode: int | None = None
        self._version: int | None = None
        self._next = 0.0  # when to read data_version next (time.monotonic)
        self._reopened = False  # a reconnection: what happened meanwhile is not known
        self._last: int | None = None  # the last change history entry told

    def wait(self, timeout: float) -> list[Change]:
        deadline = time.monotonic() + timeout
        while True:
            now = time.monotonic()
            if now >= self._next:
                self._next = now + self._interval
                own = self._own_writes()  # before the read: a write after it is next time's
                told = self._changed()
                if told:
                    maybe_own, self._own_seen = own != self._own_seen, own
                    return [replace(c, maybe_own=maybe_own) for c in told]
                self._own_seen = own
            pause = min(self._next, deadline) - time.monotonic()
            if time.monotonic() >= deadline:
                return []
            time.sleep(max(0.0, pause))

    def _changed(self) -> list[Change]:
        """What other connections committed since the last read (empty: nothing)."""
        try:
            inode = os.stat(self._path).st_ino
            if self._conn is not None and inode != self._inode:  # replaced (a restore)
                self.close()
                self._reopened = True
            if self._conn is None:
                # Never writes; check_same_thread off: made on the feed's thread, but
                # closed by whoever stops it.
                self._conn = sqlite3.connect(self._path, timeout=2, check_same_thread=False)
                self._inode = inode
            (version,) = self._conn.execute("PRAGMA data_version").fetchone()
            changed = (self._version is not None and version != self._version) or self._reopened
            first = self._version is None
            self._version, self._reopened = version, False
            if first:  # the history so far: what is shown was read after it
                (self._last,) = self._conn.execute("SELECT max(id) FROM change").fetchone()
                return [Change(None)] if changed else []
            if not changed:
                return []
            return self._recorded()
        except (OSError, sqlite3.Error):  # gone or locked for now: try again next time
            self.close()
            self._reopened = True
            return []

    def _recorded(self) -> list[Change]:
        """The change history's entries after the last one seen, as changes; "something
        changed" when none says (an import, a commit that is not the app's)."""
        assert self._conn is not None
        entries = self._conn.execute(
            "SELECT id, match_id, kind, rows FROM change WHERE id > ? ORDER BY id",
            (self._last or 0,),
        ).fetchall()
        if not entries:
            return [Change(None)]
        self._last = entries[-1][0]
        told: list[Change] = []
        for _id, match_id, kind, rows in entries:
            told += recorded_changes(match_id, kind, rows)
        return told or [Change(None)]

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
            self._version = None


class PostgresFeed:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._conn: Any = None  # psycopg.Connection, autocommit, LISTENing
        self._connected_before = False
        # The backend pids of this process's own connections: their commits are not news.
        self._own: set[int] = set()
        event.listen(engine, "checkout", self._on_checkout)
        event.listen(engine, "close", self._on_close)

    def _on_checkout(self, dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        pid = record.info.get("matchnotes_pid")
        if pid is None:
            pid = record.info["matchnotes_pid"] = dbapi_connection.info.backend_pid
        self._own.add(pid)

    def _on_close(self, _dbapi_connection: Any, record: Any) -> None:
        self._own.discard(record.info.get("matchnotes_pid", -1))

    def wait(self, timeout: float) -> list[Change]:
        import psycopg

        if self._conn is None:
            try:
                self._connect()
            except psycopg.Error:  # the server is away: try again next time
                time.sleep(timeout)
                return []
            if self._connected_before:
                return [Change(None)]  # notifications sent while away are lost
            self._connected_before = True
        try:
            notices = list(self._conn.notifies(timeout=timeout, stop_after=1))
            if notices:  # what came in the same burst, without waiting
                notices += list(self._conn.notifies(timeout=0.0))
        except psycopg.Error:
            self._disconnect()
            return []
        return [c for c in (self._parse(n.payload) for n in notices) if c is not None]

    def _connect(self) -> None:
        dialect = self._engine.dialect
        args, kwargs = dialect.create_connect_args(self._engine.url)
        kwargs.setdefault("connect_timeout", 5)
        conn = dialect.loaded_dbapi.connect(*args, **kwargs)
        conn.autocommit = True
        conn.execute(f"LISTEN {CHANNEL}")
        self._conn = conn

    def _parse(self, payload: str) -> Change | None:
        try:
            data = json.loads(payload)
        except ValueError:
            return Change(None)
        if data.get("pid") in self._own:
            return None
        return Change(data.get("match_id"), data.get("table"), data.get("op"), data.get("id"))

    def _disconnect(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(Exception):  # a broken connection closes as it can
                self._conn.close()
            self._conn = None

    def close(self) -> None:
        """Done with: the connection closed, the engine's events forgotten."""
        self._disconnect()
        if event.contains(self._engine, "checkout", self._on_checkout):
            event.remove(self._engine, "checkout", self._on_checkout)
            event.remove(self._engine, "close", self._on_close)

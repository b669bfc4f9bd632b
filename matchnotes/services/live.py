"""What other processes commit, as it happens (issue 18: a newsroom on one match).

``open_feed(engine).wait(timeout)`` blocks up to ``timeout`` seconds and returns the
changes committed meanwhile (an empty list when none). It never scans a table:

- PostgreSQL: a dedicated connection LISTENs on ``matchnotes_changes``; the triggers of
  migration 0013 send the table, operation, row id and match id of every changed moment,
  quote, note, line-up entry and match. A notification arrives only when its transaction
  commits, so what a reader then reads is there. Commits made through this process's
  own engine are left out (the window already shows them). A lost connection is opened
  again, and then reported as "something changed" (notifications sent meanwhile are lost).
- SQLite (another process writing the same file: the CLI, a second window): one
  integer, ``PRAGMA data_version`` on a dedicated connection, read every half second;
  it moves when any other connection commits. It cannot say what changed, so it
  reports "something changed" (``Change(None)``) and the reader reloads what it shows.
  Nor whose commit it was: when this process wrote meanwhile too, the change is marked
  ``maybe_own`` (the window has shown its own change; a reader may skip what is costly).
  A file replaced under it (a restore) is opened again.

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
# More lines added than this at once (a reader fallen behind): one read of the whole
# match is cheaper than putting each in place (tens of ms apiece on a busy match).
READ_ALONE_AT_MOST = 4


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
    """The match page after ``changes``: what was ``shown`` plus the quotes added, read
    alone, when that is all that changed; else the whole match read again (moments too,
    for now: main's with_moment takes a line's own view, and there is no moment-by-id
    reader yet). NotFoundError if the match is gone."""
    mine = [c for c in changes if c.match_id in (match_id, None)]
    if (
        shown is None
        or not mine
        or len(mine) > READ_ALONE_AT_MOST
        or any(c.op != "insert" or c.table != "quote" or c.row_id is None
               for c in mine)
    ):  # fmt: skip
        return services.matches.get_match(match_id)
    detail = shown
    quotes = {c.row_id for c in mine if c.table == "quote"} - {q.id for q in shown.quotes}
    if quotes:
        added = services.quotes.by_ids(sorted(q for q in quotes if q is not None))
        if len(added) != len(quotes):  # deleted meanwhile
            return services.matches.get_match(match_id)
        detail = replace(detail, quotes=sorted([*detail.quotes, *added], key=lambda q: q.id))
    return detail


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

    def wait(self, timeout: float) -> list[Change]:
        deadline = time.monotonic() + timeout
        while True:
            now = time.monotonic()
            if now >= self._next:
                self._next = now + self._interval
                own = self._own_writes()  # before the read: a write after it is next time's
                if self._changed():
                    maybe_own, self._own_seen = own != self._own_seen, own
                    return [Change(None, maybe_own=maybe_own)]
                self._own_seen = own
            pause = min(self._next, deadline) - time.monotonic()
            if time.monotonic() >= deadline:
                return []
            time.sleep(max(0.0, pause))

    def _changed(self) -> bool:
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
        except (OSError, sqlite3.Error):  # gone or locked for now: try again next time
            self.close()
            self._reopened = True
            return False
        changed = (self._version is not None and version != self._version) or self._reopened
        self._version, self._reopened = version, False
        return changed

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

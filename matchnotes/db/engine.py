"""Engines for SQLite files and PostgreSQL URLs, with the connection settings we rely on.

SQLite PRAGMAs, set on every new connection (see ARCHITECTURE.md, "Durability"):
- ``journal_mode=WAL``: readers never block the writer, and a commit is one
  append to the log, so a crash mid-write leaves the last committed state.
- ``synchronous=FULL``: each commit is fsync'ed before it returns, so a moment the UI
  shows as saved survives a power cut, not just an app crash. Commits happen at human
  speed (one per logged line), so the cost does not matter.
- ``foreign_keys=ON``: SQLite ignores FOREIGN KEY clauses unless told otherwise.
- ``busy_timeout=5000``: a second app instance writing at the same moment waits up to
  5 s for the lock instead of failing at once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=5000",
)

# Written into the SQLite header (offset 68) so that another program's database is
# recognised without reading any table: ASCII "MNot".
APPLICATION_ID = 0x4D4E6F74


def is_url(target: str) -> bool:
    """True for "postgresql://..." or "sqlite:///..." style targets, False for a plain path."""
    return "://" in target


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def make_engine(url: str) -> Engine:
    """Create an engine; for SQLite, install the PRAGMAs on every connection."""
    parsed = make_url(url)
    kwargs: dict[str, Any] = {}
    if parsed.get_backend_name() == "sqlite":
        kwargs["connect_args"] = {"check_same_thread": False}
    engine = create_engine(url, **kwargs)
    if parsed.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _set_sqlite_pragmas)
    return engine


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        for pragma in SQLITE_PRAGMAS:
            cursor.execute(pragma)
    finally:
        cursor.close()

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

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy import Engine

SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=5000",
)


def is_url(target: str) -> bool:
    """True for "postgresql://..." or "sqlite:///..." style targets, False for a plain path."""
    return "://" in target


def display_location(target: str) -> str:
    """What to show the user for a target, before it is opened: the file's full path,
    or the URL with its password hidden (as ``Database.location`` shows them)."""
    if is_url(target) and not target.startswith("sqlite:///"):
        return re.sub(r"(//[^:/@]*:)[^@/]*@", r"\1***@", target)
    return str(Path(target.removeprefix("sqlite:///")).expanduser().resolve())


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def make_engine(url: str) -> Engine:
    """Create an engine; for SQLite, install the PRAGMAs on every connection."""
    # Imported here so that is_url and sqlite_url cost nothing at start-up.
    from sqlalchemy import create_engine, event
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.drivername == "postgresql":
        # Our driver is psycopg 3 (the postgresql extra, and the bundle); SQLAlchemy 2.0
        # would pick psycopg2 for a bare postgresql:// address.
        parsed = parsed.set(drivername="postgresql+psycopg")
    kwargs: dict[str, Any] = {}
    if parsed.get_backend_name() == "sqlite":
        kwargs["connect_args"] = {"check_same_thread": False}
    engine = create_engine(parsed, **kwargs)
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

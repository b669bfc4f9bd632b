"""Find-then-create, once under any concurrency.

A lookup that misses and then creates (a team, a person, a tag…) races when two
connections do it at once: both miss, both create. SQLite runs one writer at a time
(``Service._write`` starts with ``BEGIN IMMEDIATE``), so there it cannot happen. On
PostgreSQL, under READ COMMITTED, a creator first takes a transaction-scoped advisory lock
on (kind, folded name) and looks again: whoever created the name meanwhile has committed
before releasing that lock, so the second look finds the row. The unique keys (team,
competition and tag names, a season per competition) stay the last line of defence.

Imports take one lock for the whole import (``hold_import``): two imports of one file
run one after the other, and the second finds everything the first wrote.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlmodel import Session

# One advisory-lock space per kind, so "Lyon" the team never waits for "Lyon" the venue.
SPACES = {
    "person": 0x4D4E01,
    "team": 0x4D4E02,
    "competition": 0x4D4E03,
    "season": 0x4D4E04,
    "venue": 0x4D4E05,
    "tag": 0x4D4E06,
    "import": 0x4D4E07,
}


def hold_name(session: Session, kind: str, key: str) -> bool:
    """Lock ``key`` of ``kind`` until this transaction ends. True when a lock was taken
    (a server): the caller must look for the row again before creating it."""
    if session.get_bind().dialect.name != "postgresql":
        return False
    session.execute(
        text("SELECT pg_advisory_xact_lock(:space, hashtext(:key))"),
        {"space": SPACES[kind], "key": key},
    )
    return True


def hold_import(session: Session) -> None:
    """One import at a time on a server (SQLite's write lock already does this)."""
    hold_name(session, "import", "")

"""What a file on disk is, read without writing and without SQLAlchemy.

The schema revisions are read from the migration files' headers, and a SQLite file
is recognised (or refused) from its header bytes and a read-only connection. Kept
free of SQLAlchemy and Alembic so the app can decide how to open a file, and paint
its window, before the database stack has loaded.
"""

from __future__ import annotations

import os
import re
import sqlite3
import struct
from functools import cache
from pathlib import Path

from matchnotes.db.check import (
    APPLICATION_ID,
    DatabaseDamagedError,
    cannot_open,
    connect_read_only,
    undecodable_schema,
)
from matchnotes.db.disk import disk_full_message, is_disk_full
from matchnotes.errors import DatabaseRefusedError

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
_SQLITE_MAGIC = b"SQLite format 3\x00"
_REVISION_RE = re.compile(r'^(down_)?revision = "?(\w+|None)"?', re.MULTILINE)


@cache
def _revision_graph() -> dict[str, str | None]:
    """revision -> down_revision, read from the version files' headers.

    Reading two lines per file instead of importing Alembic keeps Alembic (about a
    sixth of a second of imports) off the start-up path when no upgrade is needed; a
    test checks this agrees with Alembic's own ScriptDirectory.
    """
    graph: dict[str, str | None] = {}
    for path in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        found = dict((bool(down), value) for down, value in _REVISION_RE.findall(path.read_text()))
        if False in found:
            graph[found[False]] = None if found.get(True, "None") == "None" else found[True]
    return graph


def head_revision() -> str:
    graph = _revision_graph()
    (head,) = set(graph) - set(graph.values())
    return head


def known_revisions() -> set[str]:
    return set(_revision_graph())


def inspect_sqlite_file(path: Path) -> str:
    """Return the schema revision of a MatchNotes file, or refuse it. Never writes."""
    if path.is_dir():
        raise DatabaseRefusedError(f"{path} is a folder, not a MatchNotes database file.")
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        raise DatabaseRefusedError(f"Cannot read {path}: {exc.strerror or exc}.") from exc
    if size == 0:
        raise DatabaseRefusedError(
            f"{path} is an empty file, not a MatchNotes database. "
            "To start a new database, choose a file name that does not exist yet."
        )
    if not header.startswith(_SQLITE_MAGIC):
        raise DatabaseRefusedError(
            f"{path} is not a MatchNotes database (it is not a SQLite file at all). "
            "It was left untouched; open a .sqlite file made by MatchNotes, "
            "or choose a new file name to start a new database."
        )
    if len(header) < 100:
        raise _damaged(path, "the file is shorter than a SQLite header")
    _check_size(path, header, size)
    try:
        conn = connect_read_only(path)  # nothing is created beside a file we may refuse
        try:
            # Asked through SQLite, not read from the header bytes: a commit still in
            # the -wal file (not yet checkpointed) is part of the database too.
            (application_id,) = conn.execute("PRAGMA application_id").fetchone()
            if application_id != APPLICATION_ID:
                raise DatabaseRefusedError(
                    f"{path} is a SQLite database of another program, not of MatchNotes. "
                    "It was left untouched; choose a MatchNotes file or a new file name."
                )
            rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
            conn.execute("SELECT count(*) FROM match").fetchone()
        finally:
            conn.close()
    except UnicodeDecodeError as exc:  # sqlite3 could not decode SQLite's own message
        raise _damaged(path, undecodable_schema(exc)) from exc
    except sqlite3.DatabaseError as exc:
        if cannot_open(exc):
            raise _unreadable(path, exc) from exc
        raise _damaged(path, str(exc)) from exc
    if len(rows) != 1:
        raise _damaged(path, "its schema version is missing")
    revision = str(rows[0][0])
    if revision not in known_revisions():
        raise DatabaseRefusedError(
            f"{path} was written by a newer version of MatchNotes (schema {revision}). "
            "It was left untouched; update MatchNotes to open it."
        )
    return revision


def _check_size(path: Path, header: bytes, size: int) -> None:
    """Catch a truncated file from the header alone (page size x page count)."""
    (page_size,) = struct.unpack(">H", header[16:18])
    page_size = 65536 if page_size == 1 else page_size
    (change_counter, page_count) = struct.unpack(">II", header[24:32])
    (valid_for,) = struct.unpack(">I", header[92:96])
    if page_size < 512 or size % page_size:
        raise _damaged(path, "its size is not a whole number of pages (it may be truncated)")
    if change_counter == valid_for and page_count * page_size > size:
        raise _damaged(
            path, f"it should hold {page_count} pages but holds {size // page_size} (truncated)"
        )


def refuse_read_only_folder(path: Path) -> None:
    """A WAL database is opened for use with a -wal and a -shm beside it: refuse a file
    in a folder where they cannot be made (and are not there already)."""
    if not path.with_name(path.name + "-wal").exists() and not os.access(path.parent, os.W_OK):
        raise _read_only(path)


def _read_only(path: Path) -> DatabaseRefusedError:
    return DatabaseRefusedError(
        f"{path} cannot be opened: the file or its folder is read-only, and SQLite "
        "needs to write small -wal/-shm files beside it. Copy the file to a folder "
        "you can write to, or change the permissions."
    )


def _unreadable(path: Path, exc: sqlite3.Error) -> DatabaseRefusedError:
    """SQLite could not open or lock the file: not damage, so say what is in the way."""
    if is_disk_full(exc, path.parent):  # no room for the -shm index SQLite writes beside it
        return DatabaseRefusedError(
            disk_full_message(f"{path} cannot be opened (SQLite needs a little room)", path.parent)
        )
    if not os.access(path.parent, os.W_OK) or not os.access(path, os.W_OK):
        return _read_only(path)
    return DatabaseRefusedError(
        f"{path} cannot be opened right now ({exc}). If another program is using it, "
        "close that program and try again."
    )


def _damaged(path: Path, detail: str) -> DatabaseRefusedError:
    # The damaged-file error: the app offers to restore the newest good backup.
    return DatabaseDamagedError(path, (detail,))

"""Opening a database: recognise it, refuse what is not ours, upgrade what is old.

The order matters for safety. A SQLite file is inspected through its header bytes
and a read-only connection *before* any engine that could write to it exists, so a
text file, another program's database, a truncated file or a file from a newer
MatchNotes is refused untouched. An older MatchNotes file is backed up (online
backup API) before Alembic upgrades it.
"""

from __future__ import annotations

import os
import re
import sqlite3
import struct
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from matchnotes.db.backup import backup_sqlite
from matchnotes.db.check import DatabaseDamagedError, cannot_open, quick_check_on_open
from matchnotes.db.engine import APPLICATION_ID, make_engine, sqlite_url
from matchnotes.errors import DatabaseRefusedError

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
_SQLITE_MAGIC = b"SQLite format 3\x00"


if TYPE_CHECKING:
    from alembic.config import Config

_REVISION_RE = re.compile(r'^(down_)?revision = "?(\w+|None)"?', re.MULTILINE)


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


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


@dataclass(frozen=True)
class OpenReport:
    """What happened while opening: for the status bar and the log."""

    created: bool = False
    upgraded_from: str | None = None
    backup: Path | None = None


# --- SQLite files ------------------------------------------------------------------


def open_sqlite(path: Path) -> tuple[Engine, OpenReport]:
    """Open (creating or upgrading as needed) the MatchNotes database file at ``path``."""
    if not path.exists():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseRefusedError(f"Cannot create the folder for {path}: {exc}.") from exc
        engine = make_engine(sqlite_url(path))
        _upgrade(engine)
        return engine, OpenReport(created=True)

    revision = inspect_sqlite_file(path)
    # A damaged file is refused before anything writes to it. PRAGMA quick_check reads
    # the whole file: about 0.5 s for a 200 MB archive with a warm cache (BENCHMARKS.md).
    quick_check_on_open(path)
    report = OpenReport()
    if revision != head_revision():
        backup = backup_sqlite(path, f"before-upgrade-from-{revision}")
        report = OpenReport(upgraded_from=revision, backup=backup)
    engine = make_engine(sqlite_url(path))
    if report.upgraded_from:
        _upgrade(engine)
    return engine, report


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
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
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


def _unreadable(path: Path, exc: sqlite3.Error) -> DatabaseRefusedError:
    """SQLite could not open or lock the file: not damage, so say what is in the way."""
    if not os.access(path.parent, os.W_OK) or not os.access(path, os.W_OK):
        return DatabaseRefusedError(
            f"{path} cannot be opened: the file or its folder is read-only, and SQLite "
            "needs to write small -wal/-shm files beside it. Copy the file to a folder "
            "you can write to, or change the permissions."
        )
    return DatabaseRefusedError(
        f"{path} cannot be opened right now ({exc}). If another program is using it, "
        "close that program and try again."
    )


def _damaged(path: Path, detail: str) -> DatabaseRefusedError:
    # The damaged-file error: the app offers to restore the newest good backup.
    return DatabaseDamagedError(path, (detail,))


# --- any database (PostgreSQL) ------------------------------------------------------


def open_url(url: str) -> tuple[Engine, OpenReport]:
    """Open a database server URL: create the schema in an empty one, upgrade an old one."""
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            revision = None
            if "alembic_version" in tables:
                revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except Exception as exc:  # any driver error: say it plainly
        engine.dispose()
        raise DatabaseRefusedError(f"Cannot open the database at {_safe(url)}: {exc}") from exc
    if tables and revision is None:
        engine.dispose()
        raise DatabaseRefusedError(
            f"The database at {_safe(url)} holds another program's tables, not MatchNotes'. "
            "It was left untouched; give MatchNotes an empty database."
        )
    if revision is not None and revision not in known_revisions():
        engine.dispose()
        raise DatabaseRefusedError(
            f"The database at {_safe(url)} was written by a newer version of MatchNotes "
            f"(schema {revision}). Update MatchNotes to open it."
        )
    if revision != head_revision():
        _upgrade(engine)
    return engine, OpenReport(created=not tables, upgraded_from=revision if tables else None)


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def _upgrade(engine: Engine) -> None:
    """Run every migration up to head in one transaction."""
    from alembic import command

    config = alembic_config()
    with engine.begin() as conn:
        if conn.dialect.name == "sqlite":
            # Python's sqlite3 opens a transaction only before INSERT/UPDATE/DELETE: without
            # this each ALTER/CREATE of a migration would commit on its own, and a kill in
            # between would leave half an upgrade. IMMEDIATE: take the write lock up front.
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
        if conn.dialect.name == "sqlite":
            conn.execute(text(f"PRAGMA application_id={APPLICATION_ID}"))


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()

"""Opening a database: recognise it, refuse what is not ours, upgrade what is old.

The order matters for safety. A SQLite file is inspected through its header bytes
and a read-only connection *before* any engine that could write to it exists, so a
text file, another program's database, a truncated file or a file from a newer
MatchNotes is refused untouched. An older MatchNotes file is backed up (online
backup API) before Alembic upgrades it.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from matchnotes.db.backup import backup_sqlite, parse_backup_name
from matchnotes.db.check import APPLICATION_ID, quick_check_on_open
from matchnotes.db.engine import make_engine, sqlite_url
from matchnotes.db.file_format import (
    MIGRATIONS_DIR,
    head_revision,
    inspect_sqlite_file,
    known_revisions,
    refuse_read_only_folder,
)
from matchnotes.db.leftovers import UnfinishedRestoreError, find_leftovers
from matchnotes.errors import DatabaseRefusedError

if TYPE_CHECKING:
    from alembic.config import Config

# An upgrade's progress: (done, total) of its slow step, the search index's rebuild
# (migrations read it from the Alembic config's attributes as "progress").
UpgradeProgress = Callable[[int, int], None]


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


@dataclass(frozen=True)
class OpenReport:
    """What happened while opening: for the status bar and the log."""

    created: bool = False
    upgraded_from: str | None = None
    backup: Path | None = None

    @property
    def backed_up_at(self) -> dt.datetime | None:
        """When the upgrade's backup started: the stamp in its name."""
        name = parse_backup_name(self.backup) if self.backup else None
        return name.made_at if name else None


# --- SQLite files ------------------------------------------------------------------


def open_sqlite(
    path: Path,
    check: Callable[[Path], None] = quick_check_on_open,
    progress: UpgradeProgress | None = None,
) -> tuple[Engine, OpenReport]:
    """Open (creating or upgrading as needed) the MatchNotes database file at ``path``.

    ``check`` refuses a damaged file; the app passes one that waits for the same
    check started earlier on another thread (it reads the whole file). ``progress``
    hears how an upgrade goes.
    """
    if not path.exists():
        leftovers = find_leftovers(path)
        if leftovers is not None:  # never an empty database over an interrupted restore
            raise UnfinishedRestoreError(leftovers)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseRefusedError(f"Cannot create the folder for {path}: {exc}.") from exc
        engine = make_engine(sqlite_url(path))
        _upgrade(engine)
        return engine, OpenReport(created=True)

    revision = inspect_sqlite_file(path)
    refuse_read_only_folder(path)  # the inspection could read it, but SQLite must write
    # A damaged file is refused before anything writes to it. PRAGMA quick_check reads
    # the whole file: about 0.5 s for a 200 MB archive with a warm cache (BENCHMARKS.md).
    check(path)
    report = OpenReport()
    if revision != head_revision():
        backup = backup_sqlite(path, f"before-upgrade-from-{revision}")
        report = OpenReport(upgraded_from=revision, backup=backup)
    engine = make_engine(sqlite_url(path))
    if report.upgraded_from:
        _upgrade(engine, progress)
    return engine, report


# --- any database (PostgreSQL) ------------------------------------------------------


def _driver_advice() -> str:
    if getattr(sys, "frozen", False):  # a bundle: pip cannot add to it
        return (
            "This build of MatchNotes includes only the psycopg driver: "
            "write the address as postgresql://… or postgresql+psycopg://…"
        )
    return "Install it next to MatchNotes: pip install 'matchnotes[postgresql]'."


def open_url(url: str, progress: UpgradeProgress | None = None) -> tuple[Engine, OpenReport]:
    """Open a database server URL: create the schema in an empty one, upgrade an old one."""
    try:
        engine = make_engine(url)
    except ImportError as exc:  # the server's driver is not installed
        raise DatabaseRefusedError(
            f"Cannot open the database at {_safe(url)}: its driver is missing ({exc}). "
            + _driver_advice()
        ) from exc
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
    if revision == head_revision():
        return engine, OpenReport()
    try:
        _upgrade(engine, progress)
    except BaseException:  # refused (e.g. search needs an extension): no connection left open
        engine.dispose()
        raise
    return engine, OpenReport(created=not tables, upgraded_from=revision)


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def _upgrade(engine: Engine, progress: UpgradeProgress | None = None) -> None:
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
        config.attributes["progress"] = progress
        command.upgrade(config, "head")
        if conn.dialect.name == "sqlite":
            conn.execute(text(f"PRAGMA application_id={APPLICATION_ID}"))


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()

"""The one entry point that turns "a path or a URL" into an open, current database."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine

from matchnotes.db.check import quick_check_on_open
from matchnotes.db.engine import is_url
from matchnotes.db.schema import OpenReport, UpgradeProgress, open_sqlite, open_url


@dataclass
class Database:
    engine: Engine
    location: str  # what to show the user: a file path or a URL without password
    path: Path | None = None  # set for SQLite files
    report: OpenReport = field(default_factory=OpenReport)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def close(self) -> None:
        self.engine.dispose()


def open_database(
    target: str | Path,
    check: Callable[[Path], None] = quick_check_on_open,
    progress: UpgradeProgress | None = None,
) -> Database:
    """Open a SQLite file (created if missing) or a database server URL; ``progress``
    hears how an upgrade of an old one goes (the search index's rebuild).

    Raises DatabaseRefusedError, leaving the target untouched, when it is not a
    MatchNotes database, is damaged, or comes from a newer version.
    """
    text = str(target)
    if is_url(text) and not text.startswith("sqlite:///"):
        engine, report = open_url(text, progress)
        return Database(engine, engine.url.render_as_string(hide_password=True), None, report)
    path = Path(text.removeprefix("sqlite:///")).expanduser().resolve()
    engine, report = open_sqlite(path, check, progress)
    return Database(engine, str(path), path, report)

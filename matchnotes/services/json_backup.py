"""A server database's backup: the app's own MatchNotes JSON (docs/json-format.md).

A SQLite file is backed up as a verified copy of itself (db/backups.py); a database on
a server has no file to copy, so its backup is the whole database as MatchNotes JSON,
written as it is read (``reports.export.export_all``). A restore imports that file
into an EMPTY database in one transaction: every row comes back, ids numbered 1, 2,
3… in the order they were made. A database that holds anything is refused, so a
restore never mixes two archives.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from matchnotes.errors import ValidationError
from matchnotes.io.detect import NATIVE
from matchnotes.io.summary import ImportSummary
from matchnotes.services.copying import row_counts
from matchnotes.services.imports import ImportService, Progress

_SQLITE_MAGIC = b"SQLite format 3\x00"
_HISTORY = "change"  # the change history alone does not make a database "not empty"


def backup_file_name(url: str, now: dt.datetime | None = None) -> str:
    """``<database>-backup-2026-12-06-2130.json``: the default name of a server's backup."""
    name = make_url(url).database or "matchnotes"
    safe = re.sub(r"[^\w.-]+", "-", name).strip("-.") or "matchnotes"
    return f"{safe}-backup-{(now or dt.datetime.now()):%Y-%m-%d-%H%M%S}.json"


def restore_json(
    engine: Engine, backup: Path, target_name: str, progress: Progress | None = None
) -> ImportSummary:
    """Fill the empty database behind ``engine`` from a MatchNotes JSON backup."""
    _refuse_sqlite_file(backup, target_name)
    held = {n: c for n, c in row_counts(engine).items() if c and n != _HISTORY}
    if held:
        what = ", ".join(f"{c:,} {n.replace('_', ' ')} rows" for n, c in held.items())
        raise ValidationError(
            f"{target_name} is not empty ({what}); nothing was restored. A backup is "
            "restored into a new, empty database only (on PostgreSQL: createdb NAME), so "
            "it never mixes with other data. To add a file to this one, use import."
        )
    return ImportService(engine).import_file(backup, NATIVE, progress=progress)


def _refuse_sqlite_file(backup: Path, target_name: str) -> None:
    try:
        with backup.open("rb") as handle:
            head = handle.read(len(_SQLITE_MAGIC))
    except OSError as exc:
        raise ValidationError(f"{backup} cannot be read: {exc.strerror or exc}.") from exc
    if head == _SQLITE_MAGIC:
        raise ValidationError(
            f"{backup} is a SQLite database, not a MatchNotes JSON backup. Put it on the "
            f"server with: matchnotes copy {backup} {target_name}"
        )

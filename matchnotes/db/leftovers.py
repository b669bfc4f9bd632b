"""What an interrupted restore (of an older MatchNotes, or of a copy without hard links)
may leave beside a missing database: the restored copy ``<name>.partial`` and the
damaged file kept as ``<stem>.damaged-<time><suffix>``. Opening such a path must not
create a new empty database over the story; it offers to finish or undo instead.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

from matchnotes.db.check import DatabaseDamagedError, check_database
from matchnotes.db.file_format import inspect_sqlite_file
from matchnotes.errors import DatabaseRefusedError, MatchNotesError

_COMPANIONS = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class Leftovers:
    db_path: Path
    restored: Path | None  # the .partial copy of a backup, complete or not
    damaged: Path | None  # the newest file set aside as damaged

    def names(self) -> str:
        found = []
        if self.restored is not None:
            found.append(f"{self.restored.name} (the restored copy)")
        if self.damaged is not None:
            found.append(f"{self.damaged.name} (the file it replaced)")
        return " and ".join(found)


class UnfinishedRestoreError(DatabaseDamagedError):
    """The database file is missing, and a restore's leftovers are beside it."""

    def __init__(self, leftovers: Leftovers) -> None:
        self.leftovers = leftovers
        db = leftovers.db_path
        ways = []
        if leftovers.restored is not None:
            ways.append(f"finish the restore with `matchnotes restore --finish --db {db}`")
        if leftovers.damaged is not None:
            ways.append(f"put the old file back with `matchnotes restore --undo --db {db}`")
        DatabaseRefusedError.__init__(
            self,
            f"There is no database at {db}, but an unfinished restore left "
            f"{leftovers.names()} in {db.parent}. Nothing was created. "
            f"To go on, {' or '.join(ways)} (or the same in the app when it asks).",
        )
        self.path, self.problems = db, ("an unfinished restore",)


def find_leftovers(db_path: Path) -> Leftovers | None:
    """The leftovers of a restore beside ``db_path``, if it is missing; else None."""
    if db_path.exists():
        return None
    partial = db_path.with_name(db_path.name + ".partial")
    damaged = sorted(db_path.parent.glob(f"{db_path.stem}.damaged-*{db_path.suffix}"))
    if not partial.exists() and not damaged:
        return None
    newest = max(damaged, key=lambda p: p.stat().st_mtime) if damaged else None
    return Leftovers(db_path, partial if partial.exists() else None, newest)


def finish_restore(db_path: Path) -> Path:
    """Put the restored copy in place, once it passes the full check."""
    found = find_leftovers(db_path)
    if found is None or found.restored is None:
        raise MatchNotesError(f"There is no unfinished restore to finish at {db_path}.")
    try:
        inspect_sqlite_file(found.restored)
        ok = check_database(found.restored).ok
    except DatabaseRefusedError:
        ok = False
    if not ok:
        raise MatchNotesError(
            f"The restored copy {found.restored.name} is incomplete, so the restore cannot "
            f"be finished. Restore a backup again (`matchnotes restore --newest --db {db_path}`)"
            + (" or undo it (`--undo`)." if found.damaged else ".")
        )
    found.restored.replace(db_path)
    return db_path


def undo_restore(db_path: Path) -> Path:
    """Put the file that the restore set aside back in place; returns its old name."""
    found = find_leftovers(db_path)
    if found is None or found.damaged is None:
        raise MatchNotesError(f"There is no file set aside by a restore beside {db_path}.")
    for suffix in _COMPANIONS:  # its -wal first, so it is never opened without it
        companion = found.damaged.with_name(found.damaged.name + suffix)
        if companion.exists():
            companion.replace(db_path.with_name(db_path.name + suffix))
    found.damaged.replace(db_path)
    if found.restored is not None:
        with contextlib.suppress(OSError):
            found.restored.unlink()
    return found.damaged

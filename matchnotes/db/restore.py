"""Restore a backup, and rescue a damaged database.

**The caller closes its Database first** (``Database.close()``), restores, then opens
the file again with ``open_database`` (which upgrades an older backup's schema, with
its own pre-upgrade backup). Nothing here can see that our own engine is closed; a
pooled connection left open would keep its old view until its next transaction.

How a restore writes, and why:
- into a healthy live file, through SQLite's backup API: one write transaction of
  the live file, so a crash or a full disk midway leaves the old content whole, and
  another MatchNotes window that has the file open sees the restored content on its
  next read instead of writing on into a file that was swapped under it;
- the current content is backed up first (reason ``before-restore``), so a restore
  can itself be undone by restoring that backup;
- a damaged current file is never written to: it is kept beside the database as
  ``<name>.damaged-YYYYmmdd-HHMMSS.sqlite`` (with its ``-wal``, which may hold the
  last commits; hard links, so no disk space is needed) for rescue, and a verified
  copy of the backup is renamed over it in one atomic step: a kill at any moment
  leaves a database file (tests/safety/test_restore_kill.py).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from matchnotes.db.backup import BEFORE_RESTORE, backup_sqlite, copy_verified
from matchnotes.db.backups import BackupInfo, list_backups
from matchnotes.db.check import CheckReport, DatabaseDamagedError, check_database, quick_check
from matchnotes.db.file_format import inspect_sqlite_file
from matchnotes.errors import DatabaseRefusedError, MatchNotesError

# SQLite's companions of a database file; the -wal may hold committed transactions.
_COMPANIONS = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class RestoreReport:
    restored_from: Path
    safety_backup: Path | None = None  # the replaced content, as a verified backup
    damaged_copy: Path | None = None  # the damaged file, renamed beside the database


def verify_backup(backup_path: Path) -> CheckReport:
    """Full check of a file offered for restoring. Raises DatabaseRefusedError for a
    file that is not a MatchNotes database or is from a newer MatchNotes."""
    try:
        inspect_sqlite_file(backup_path)
    except DatabaseDamagedError as exc:  # its message is written for a database, not a backup
        raise _damaged_backup(backup_path, exc.problems[0]) from exc
    return check_database(backup_path)


def _damaged_backup(backup_path: Path, problem: str) -> DatabaseRefusedError:
    return DatabaseRefusedError(
        f"The backup {backup_path} is damaged ({problem}); it was not restored and the "
        "database was not changed. Choose an older backup (`matchnotes backups`)."
    )


def newest_good_backup(db_path: Path) -> BackupInfo | None:
    """The newest backup that is ours, of a known schema and passes the full check."""
    for info in list_backups(db_path):
        try:
            if verify_backup(info.path).ok:
                return info
        except DatabaseRefusedError:
            continue
    return None


def restore_backup(db_path: Path, backup_path: Path) -> RestoreReport:
    """Make the database at ``db_path`` hold exactly the backup's content.

    Close the Database first (see the module docstring). Raises DatabaseRefusedError
    for a backup that is damaged or not ours, MatchNotesError when writing fails; in
    both cases the database is unchanged.
    """
    report = verify_backup(backup_path)
    if not report.ok:
        raise _damaged_backup(backup_path, report.problems[0])
    if db_path.exists() and quick_check(db_path).ok:
        safety = backup_sqlite(db_path, BEFORE_RESTORE)
        _copy_into_live_file(backup_path, db_path)
        return RestoreReport(backup_path, safety_backup=safety)
    return RestoreReport(backup_path, damaged_copy=_replace_damaged(db_path, backup_path))


def rescue_damaged(db_path: Path) -> RestoreReport:
    """For a damaged database: the newest good backup in its place, the file kept beside.

    Raises MatchNotesError, changing nothing, when there is no good backup.
    """
    best = newest_good_backup(db_path)
    if best is None:
        raise MatchNotesError(
            f"There is no good backup of {db_path} to restore. The damaged file was left "
            "as it is; a data-recovery tool (e.g. sqlite3's .recover) may rescue part of it."
        )
    return RestoreReport(best.path, damaged_copy=_replace_damaged(db_path, best.path))


def _replace_damaged(db_path: Path, backup_path: Path) -> Path | None:
    """Keep the damaged file (if any) beside the database, then swap the verified copy
    of the backup in with one atomic rename: there is always a database file, the
    damaged one or the restored one, whenever the process is killed.

    If the copy fails, the database is as it was and the kept copy is removed again.
    """
    damaged = keep_damaged_copy(db_path) if db_path.exists() else None
    swapping = False

    def drop_companions() -> None:
        # Right before the rename: a -wal left beside the restored file would be replayed
        # into it. The kept copy has its own (linked) -wal, with the last commits.
        nonlocal swapping
        swapping = True
        for suffix in _COMPANIONS:
            db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)

    try:
        copy_verified(backup_path, db_path, before_replace=drop_companions)
    except MatchNotesError as exc:
        if damaged is not None and not swapping:
            _remove_with_companions(damaged)
        kept = f" The damaged file is kept as {damaged.name}." if swapping and damaged else ""
        raise MatchNotesError(
            f"Could not restore {backup_path} as {db_path}: {exc.__cause__ or exc}. "
            f"Nothing was changed; free some disk space and try again.{kept}"
        ) from exc
    return damaged


def keep_damaged_copy(db_path: Path, now: dt.datetime | None = None) -> Path:
    """Keep the file (and its -wal/-shm/-journal) as ``<name>.damaged-<time><suffix>``,
    leaving the original in place: a hard link (instant, no disk space), or a copy
    where the file system has no links."""
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = db_path.with_name(f"{db_path.stem}.damaged-{stamp}{db_path.suffix}")
    counter = 1
    while target.exists():
        counter += 1
        target = db_path.with_name(f"{db_path.stem}.damaged-{stamp}-{counter}{db_path.suffix}")
    try:
        # The companions first: a kept file is only named *.sqlite once its -wal is there.
        for suffix in (*_COMPANIONS, ""):
            source = db_path.with_name(db_path.name + suffix)
            if source.exists():
                _link_or_copy(source, target.with_name(target.name + suffix))
    except OSError as exc:
        _remove_with_companions(target)
        raise MatchNotesError(
            f"Could not keep a copy of the damaged file {db_path} for rescue: "
            f"{exc.strerror or exc}. Nothing was changed; free some disk space and try again."
        ) from exc
    return target


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
        with open(target, "rb+") as handle:
            os.fsync(handle.fileno())


def _remove_with_companions(path: Path) -> None:
    for suffix in ("", *_COMPANIONS):
        with contextlib.suppress(OSError):
            path.with_name(path.name + suffix).unlink(missing_ok=True)


def _copy_into_live_file(backup_path: Path, db_path: Path) -> None:
    try:
        source = sqlite3.connect(f"file:{backup_path}?mode=ro", uri=True)
        try:
            live = _connect_live(db_path)
            try:
                live.execute("PRAGMA busy_timeout=5000")
                source.backup(live)
                verdict = live.execute("PRAGMA quick_check").fetchone()[0]
                live.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            finally:
                live.close()
        finally:
            source.close()
    except sqlite3.Error as exc:
        cause = "the disk is full" if "full" in str(exc) else str(exc)
        raise MatchNotesError(
            f"Could not restore {backup_path} into {db_path}: {cause}. "
            "The database was left as it was; free some disk space or close other "
            "MatchNotes windows, then try again."
        ) from exc
    if verdict != "ok":
        raise MatchNotesError(f"The restored database {db_path} failed its check: {verdict}.")


def _connect_live(db_path: Path) -> sqlite3.Connection:
    """The connection the restore writes through (a seam for the full-disk test)."""
    return sqlite3.connect(db_path)

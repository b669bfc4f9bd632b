"""Integrity checks of a database file, through read-only connections only.

- ``quick_check_on_open`` runs SQLite's ``PRAGMA quick_check`` (every page and
  record, without cross-checking indexes against tables: a fraction of the full
  check's time) before the app opens a file for writing, and refuses a damaged one
  with DatabaseDamagedError. The file is never written to.
- ``check_database`` is the full check behind `matchnotes check`: ``integrity_check``
  plus ``foreign_key_check`` (SQLite never re-checks foreign keys on its own).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from matchnotes.errors import DatabaseRefusedError

# Written into the SQLite header (offset 68) so that another program's database is
# recognised without reading any table: ASCII "MNot".
APPLICATION_ID = 0x4D4E6F74

_MAX_PROBLEMS = 100  # SQLite's own default cap for integrity_check


class DatabaseDamagedError(DatabaseRefusedError):
    """The file is a MatchNotes database but damaged; it was not opened nor changed.

    The app offers ``restore.rescue_damaged`` (newest good backup in its place, the
    damaged file kept beside it); the CLI points at `matchnotes restore`.
    """

    def __init__(self, path: Path, problems: tuple[str, ...]) -> None:
        self.path = path
        self.problems = problems
        first = problems[0] if problems else "unknown problem"
        super().__init__(
            f"{path} is damaged ({first}). It was not opened and has not been changed. "
            "Restore the newest good backup (File ▸ Backups…, or `matchnotes restore`); "
            "the damaged file is kept beside it for rescue."
        )


@dataclass(frozen=True)
class CheckReport:
    path: Path
    full: bool  # integrity_check + foreign_key_check, or only quick_check
    problems: tuple[str, ...]  # empty when the file is intact

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        """A few lines for the CLI and the Backups dialog."""
        kind = "Full check" if self.full else "Quick check"
        if self.ok:
            return f"{kind} of {self.path}: no problems found."
        lines = [f"{kind} of {self.path}: {len(self.problems)} problem(s) found."]
        lines += [f"  - {p}" for p in self.problems[:20]]
        if len(self.problems) > 20:
            lines.append(f"  … and {len(self.problems) - 20} more.")
        return "\n".join(lines)


def check_database(path: Path) -> CheckReport:
    """The full check: page structure, records, indexes and foreign keys.

    Raises DatabaseRefusedError for a file that is missing or not a MatchNotes database;
    damage is reported in the CheckReport, not raised.
    """
    return _check(path, full=True)


def quick_check(path: Path) -> CheckReport:
    return _check(path, full=False)


def quick_check_on_open(path: Path) -> None:
    """Refuse a damaged database before anything may write to it (see db/schema.py)."""
    report = quick_check(path)
    if not report.ok:
        raise DatabaseDamagedError(path, report.problems)


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection that creates nothing beside the file.

    SQLite makes a -wal and a -shm even to read a WAL database, and a read-only
    connection cannot remove them again. Without a -wal beside it, no program has the
    file open and every commit is in the file itself, so it is read as immutable (no
    companion files, no locks). With a -wal (open elsewhere, or a crash left commits
    in it), a plain read-only connection reads those commits too.
    """
    uri = f"file:{quote(str(path))}?mode=ro"
    if not path.with_name(path.name + "-wal").exists():
        uri += "&immutable=1"
    return sqlite3.connect(uri, uri=True)


def _check(path: Path, *, full: bool) -> CheckReport:
    if not path.is_file():
        raise DatabaseRefusedError(f"There is no database file at {path}.")
    try:
        conn = connect_read_only(path)
        try:
            conn.execute("PRAGMA busy_timeout=5000")
            (application_id,) = conn.execute("PRAGMA application_id").fetchone()
            if application_id != APPLICATION_ID:
                raise DatabaseRefusedError(f"{path} is not a MatchNotes database.")
            pragma = f"PRAGMA integrity_check({_MAX_PROBLEMS})" if full else "PRAGMA quick_check"
            found = [str(row[0]) for row in conn.execute(pragma)]
            problems = [] if found == ["ok"] else found
            if full:
                problems += _foreign_key_problems(conn)
        finally:
            conn.close()
    except UnicodeDecodeError as exc:  # SQLite quoted a schema byte that is not UTF-8
        problems = [f"SQLite cannot read it: {undecodable_schema(exc)}"]
    except sqlite3.Error as exc:
        if cannot_open(exc):
            raise DatabaseRefusedError(
                f"Cannot read {path} to check it: {exc}. If its folder is read-only, "
                "copy the file to a writable folder (SQLite writes a -shm file beside it)."
            ) from exc
        problems = [f"SQLite cannot read it: {exc}"]
    return CheckReport(path, full, tuple(problems))


def cannot_open(exc: sqlite3.Error) -> bool:
    """Whether SQLite could not open, lock or read the file at all (a read-only folder,
    another program holding a lock, a disk error), as opposed to finding it broken."""
    name = getattr(exc, "sqlite_errorname", "")
    if name.startswith("SQLITE_IOERR_SHORT_READ"):  # the file ends too early: damage
        return False
    return name.startswith(
        ("SQLITE_CANTOPEN", "SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_PERM", "SQLITE_READONLY",
         "SQLITE_IOERR", "SQLITE_NOMEM", "SQLITE_AUTH")
    )  # fmt: skip


def undecodable_schema(exc: UnicodeDecodeError) -> str:
    """What to say when Python's sqlite3 could not even decode SQLite's error message:
    it quotes a piece of the schema, and that piece holds bytes that are not text."""
    quoted = exc.object[:200].decode("utf-8", "replace") if isinstance(exc.object, bytes) else ""
    return f"its schema holds bytes that are not valid UTF-8: {quoted}"


def is_damage(exc: sqlite3.Error) -> bool:
    """Whether SQLite failed because the file's content is broken."""
    name = getattr(exc, "sqlite_errorname", "")
    return name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB", "SQLITE_IOERR_SHORT_READ")) or (
        not name and ("malformed" in str(exc) or "not a database" in str(exc))
    )


def _foreign_key_problems(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute("PRAGMA foreign_key_check").fetchall()
    return [
        f"row {rowid} of table {table} points at a missing row of {parent}"
        for table, rowid, parent, _fk in rows[:_MAX_PROBLEMS]
    ]

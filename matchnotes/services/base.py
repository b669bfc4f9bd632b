"""What every service shares: a short Session per call, and errors users can read."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar
from weakref import WeakKeyDictionary

from sqlalchemy import Engine, event
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session, SQLModel

from matchnotes.db.disk import disk_full_message, is_disk_full
from matchnotes.errors import ConflictError, MatchNotesError, NotFoundError, ValidationError

T = TypeVar("T", bound=SQLModel)

# How many changes this process has committed to each database, and how many other
# processes' commits it was told of (services/live.py): a cache of what was read (quick
# entry's names) is still good while neither count has moved.
_CHANGES: WeakKeyDictionary[Engine, int] = WeakKeyDictionary()
_OUTSIDE: WeakKeyDictionary[Engine, int] = WeakKeyDictionary()
_BEGUN: WeakKeyDictionary[Engine, int] = WeakKeyDictionary()  # writes begun (own_writes)


RACE = (
    "Someone else changed the same record at the same moment, so your change was not "
    "saved. Reload (the page shows their change) and edit again."
)


def changes_committed(engine: Engine) -> int:
    return _CHANGES.get(engine, 0) + _OUTSIDE.get(engine, 0)


def own_writes(engine: Engine) -> int:
    """How many writes this process has begun: counted before they commit, so a reader
    that sees a commit land (services/live.py) can tell it may be this process's."""
    return _BEGUN.get(engine, 0)


def count_outside_change(engine: Engine) -> None:
    """Another process committed to this database: what this process cached from it
    is read again."""
    _OUTSIDE[engine] = _OUTSIDE.get(engine, 0) + 1


class Service:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    @contextmanager
    def _write(self, *, bulk: str | None = None) -> Iterator[Session]:
        """One user change = one transaction, committed before the call returns, and
        recorded in the change history in that same transaction (services/journal.py).

        ``bulk`` (an import): the rows are not recorded one by one; the history gets one
        entry with this summary, which undo refuses (the backup taken before it is the
        way back)."""
        from matchnotes.services import change_log
        from matchnotes.services.journal import Recorder

        _BEGUN[self._engine] = _BEGUN.get(self._engine, 0) + 1
        with Session(self._engine, expire_on_commit=False) as session:
            recorder = None if bulk else Recorder(session)
            if recorder is not None:  # an import keeps the authors its file names (or none)
                event.listen(session, "before_flush", _sign_new_rows)
            try:
                if self._engine.dialect.name == "sqlite":
                    # Take the write lock before the change's own reads (duplicate and clash
                    # checks), so two app instances cannot both pass a check and then write;
                    # a second writer waits (busy_timeout) instead of failing mid-change.
                    session.connection().exec_driver_sql("BEGIN IMMEDIATE")
                yield session
                session.flush()
                if recorder is not None:
                    change_log.save(session, recorder.changes)
                else:
                    change_log.save(session, [], kind="import", summary=bulk)
                session.commit()
            except IntegrityError as exc:
                session.rollback()
                raise ValidationError(explain_integrity_error(exc)) from exc
            except OperationalError as exc:
                session.rollback()
                raise MatchNotesError(explain_operational_error(exc, self._folder())) from exc
            except StaleDataError as exc:  # version_id_col: another writer got there first
                session.rollback()
                raise ConflictError(RACE) from exc
            finally:
                # Counted even when the change failed: what was read may be stale anyway.
                _CHANGES[self._engine] = _CHANGES.get(self._engine, 0) + 1
                if recorder is not None:
                    recorder.close()

    def _folder(self) -> Path | None:
        """The folder of a SQLite file (for its free space); None for a server."""
        database = self._engine.url.database
        if self._engine.dialect.name != "sqlite" or not database or database == ":memory:":
            return None
        return Path(database).parent

    @contextmanager
    def _read(self) -> Iterator[Session]:
        with Session(self._engine, expire_on_commit=False) as session:
            try:
                yield session
            except OperationalError as exc:
                raise MatchNotesError(explain_operational_error(exc, self._folder())) from exc


def _sign_new_rows(session: Session, _ctx: object, _objs: object) -> None:
    """A moment, quote or note records who logged it: the same name the change history
    records (``--author``, the app's "Your name" setting, else the OS account)."""
    from matchnotes.models import Moment, Note, Quote
    from matchnotes.services.change_log import row_author

    for obj in session.new:
        if isinstance(obj, Moment | Quote | Note) and obj.author is None:
            obj.author = row_author()


def get_or_404(session: Session, model: type[T], ident: int, what: str) -> T:
    row = session.get(model, ident)
    if row is None:
        raise NotFoundError(f"There is no {what} with id {ident} (it may have been deleted).")
    return row


def explain_integrity_error(exc: IntegrityError) -> str:
    detail = str(exc.orig).lower()
    if "foreign key" in detail:
        return "That record is still used elsewhere (a match, line-up or moment points at it)."
    if "unique" in detail or "duplicate" in detail:
        return "That would create a duplicate of something that already exists."
    if "not null" in detail:
        return "A required field is empty."
    if "check" in detail:
        return f"A value is out of range ({exc.orig})."
    return f"The database refused the change: {exc.orig}"


def explain_operational_error(exc: OperationalError, folder: Path | None = None) -> str:
    detail = str(exc.orig)
    lowered = detail.lower()
    # Before "locked": a server's deadlock report says "blocked by process".
    if "deadlock" in lowered or "could not serialize" in lowered:
        return (
            "Someone else changed the same records at the same moment, so this change was "
            "not saved. Try again."
        )
    if "locked" in lowered or "busy" in lowered:
        return (
            "The database is busy: another MatchNotes window or program is writing to it. "
            "Try again in a moment."
        )
    if "readonly" in lowered or "read-only" in lowered:
        return "The database file is read-only, so the change was not saved."
    if is_disk_full(exc, folder):
        return disk_full_message("the change was not saved", folder)
    return f"The database could not complete the change: {detail}"

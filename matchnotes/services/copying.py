"""Copy a whole database to another (SQLite file or PostgreSQL server, either way round).

Into an empty target the copy is exact: every row of every table, ids included, in
one transaction (the search index is built once at the end; on PostgreSQL the id
sequences are moved past the copied ids). A target that holds data
is refused unless ``merge`` is asked for: then the source goes in as a MatchNotes
JSON import would, matching rows already there by their natural keys
(docs/json-format.md) instead of duplicating them.
Both databases are opened (and upgraded to the same schema) by the caller.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, func, select, text
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlmodel import SQLModel

import matchnotes.models  # noqa: F401  (registers every table on SQLModel.metadata)
from matchnotes.db import search, search_pg
from matchnotes.errors import MatchNotesError, ValidationError
from matchnotes.io.native import parse_native
from matchnotes.services.base import explain_integrity_error
from matchnotes.services.imports import ImportService

Progress = Callable[[int, int], None]
_BATCH = 2000  # rows per INSERT round trip


@dataclass(frozen=True)
class CopyReport:
    rows: dict[str, int]  # table -> rows copied (exact) or rows in the source (merge)
    merged: bool
    summary: str  # what the merge added / updated, or the row counts

    def __str__(self) -> str:
        return self.summary


def row_counts(engine: Engine) -> dict[str, int]:
    """Rows per table, in the order a table comes after the ones it points at."""
    with engine.connect() as conn:
        return {
            t.name: int(conn.execute(select(func.count()).select_from(t)).scalar_one())
            for t in SQLModel.metadata.sorted_tables
        }


def copy_database(
    source: Engine,
    target: Engine,
    *,
    target_name: str,
    merge: bool = False,
    progress: Progress | None = None,
) -> CopyReport:
    """Copy ``source`` into ``target``; refuse a target with data unless ``merge``."""
    counts = row_counts(source)
    held = {name: n for name, n in row_counts(target).items() if n}
    if held and not merge:
        what = ", ".join(f"{n:,} {name.replace('_', ' ')} rows" for name, n in held.items())
        raise ValidationError(
            f"{target_name} is not empty ({what}); nothing was copied. Copy into a new or "
            "empty database, or add --merge to merge into this one (rows it has already "
            "are matched, not duplicated)."
        )
    if held:
        document = ImportService(source).export_data(progress=_half(progress, 0, 2))
        native = parse_native(document, "the source database")
        summary = ImportService(target).import_native_file(native, _half(progress, 1, 2))
        return CopyReport(counts, True, str(summary))
    try:
        with source.connect() as read, target.begin() as write:
            _copy_rows(read, write, counts, progress)
    except IntegrityError as exc:
        raise ValidationError(explain_integrity_error(exc)) from exc
    except OperationalError as exc:
        raise MatchNotesError(f"The copy failed and nothing was kept: {exc.orig}") from exc
    lines = [f"{n:>9,}  {name.replace('_', ' ')}" for name, n in counts.items() if n]
    return CopyReport(counts, False, "Copied:\n" + "\n".join(lines))


def _copy_rows(
    read: Connection, write: Connection, counts: dict[str, int], progress: Progress | None
) -> None:
    total, done = sum(counts.values()), 0
    index = search_pg if write.dialect.name == "postgresql" else search
    indexed = _has_search_index(write)
    if indexed:  # filled once at the end: far faster than its triggers row by row
        index.uninstall(write)
    for table in SQLModel.metadata.sorted_tables:
        order = [table.c.id] if "id" in table.c else list(table.primary_key.columns)
        result = read.execute(select(table).order_by(*order)).mappings()
        while batch := result.fetchmany(_BATCH):
            write.execute(table.insert(), [dict(row) for row in batch])
            done += len(batch)
            if progress:
                progress(done, total)
        if write.dialect.name == "postgresql" and "id" in table.c:
            # Explicit ids leave the sequence behind: the next new row would clash.
            write.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('\"{table.name}\"', 'id'), "
                    f'COALESCE((SELECT MAX(id) FROM "{table.name}"), 0) + 1, false)'
                )
            )
    if indexed:
        index.install(write)
    if progress:
        progress(total, total)


def _has_search_index(connection: Connection) -> bool:
    if connection.dialect.name == "postgresql":
        return search_pg.is_installed(connection)
    query = (
        "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search_index_%'"
    )
    return bool(connection.exec_driver_sql(query).scalar_one())


def _half(progress: Progress | None, part: int, parts: int) -> Progress | None:
    """Report one step of several as its share of the whole (reading, then writing)."""
    if progress is None:
        return None

    def report(done: int, total: int) -> None:
        share = done / total if total else 1.0
        progress(round((part + share) * 1000), parts * 1000)

    return report

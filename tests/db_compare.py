"""Every table of a database as comparable rows, for round-trip and copy tests.

Ids are the one thing allowed to differ between two databases holding the same data
(an import numbers rows 1, 2, 3… in the order they were made; the source may have
gaps where rows were deleted). So each id, and each reference to it, is replaced by
its rank in its table (1 for the lowest id); every other column must be equal.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import Engine, select
from sqlmodel import SQLModel

import matchnotes.models  # noqa: F401  (the tables on SQLModel.metadata)
from matchnotes.cli import make_demo_database
from matchnotes.db.database import open_database
from matchnotes.services import Services

# What MatchNotes JSON does not carry: the change history (above) and the spellings
# imports learnt as aliases (the next import learns them again).
NOT_IN_JSON = ("change", "alias")


def table_rows(
    engine: Engine, skip: tuple[str, ...] = ("change",)
) -> dict[str, list[tuple[Any, ...]]]:
    """{table: its rows, ids as ranks, in id order (match_tag: sorted)} for every table
    of the schema, with alembic_version (the schema revision must match too)."""
    # A table after the ones it points at; not the change history: it is this file's own
    # record of its changes (an import into another file has an entry of its own).
    tables = [t for t in SQLModel.metadata.sorted_tables if t.name not in skip]
    ranks: dict[str, dict[int, int]] = {}
    found: dict[str, list[tuple[Any, ...]]] = {}
    with engine.connect() as conn:
        for table in tables:
            # Not a row's version: its edit count in its own database (io.native.LOCAL), which
            # a JSON round trip starts again at 1.
            rows = [
                {k: v for k, v in r._mapping.items() if k != "version"}
                for r in conn.execute(select(table))
            ]
            if "id" in table.c:
                rows.sort(key=lambda r: r["id"])
                ranks[table.name] = {r["id"]: i for i, r in enumerate(rows, 1)}
            refs = {
                c.name: next(iter(c.foreign_keys)).column.table.name
                for c in table.c
                if c.foreign_keys
            }
            shown = []
            for row in rows:
                for name, value in row.items():
                    if value is None:
                        continue
                    if name == "id":
                        row[name] = ranks[table.name][value]
                    elif refs.get(name) in ranks:  # not photo_blob's sha256: no id to rank
                        row[name] = ranks[refs[name]][value]
                shown.append(tuple(row[c.name] for c in table.c if c.name in row))
            found[table.name] = shown if "id" in table.c else sorted(shown)
        version = conn.exec_driver_sql("SELECT version_num FROM alembic_version").all()
        found["alembic_version"] = [tuple(v) for v in version]
    return found


def assert_same_tables(first: Engine, second: Engine, skip: tuple[str, ...] = ("change",)) -> None:
    """Table for table, row for row; a difference names its table and first row."""
    a, b = table_rows(first, skip), table_rows(second, skip)
    assert a.keys() == b.keys()
    for name in a:
        assert len(a[name]) == len(b[name]), f"{name}: {len(a[name])} rows, then {len(b[name])}"
        for left, right in zip(a[name], b[name], strict=True):
            assert left == right, f"{name}: {left} became {right}"


@pytest.fixture(name="demo_with_gaps")
def demo_with_gaps_fixture(tmp_path):
    """The demo, with a deleted moment (an id gap) and a goal logged twice on purpose."""
    path = make_demo_database(tmp_path / "demo.sqlite")
    db = open_database(path)
    services = Services.create(db.engine)
    detail = services.matches.get_match(1)
    services.moments.delete(detail.moments[3].id)
    services.quick_entry.record(1, "17 goal Tchouameni", None, allow_duplicate=True)
    db.close()
    return path

"""The database backends the tests run on: SQLite always, PostgreSQL when a server is given.

``MATCHNOTES_TEST_POSTGRES_URL`` names a server where the tests may create and drop
databases (``scripts/with_postgres.sh`` starts a throwaway cluster and sets it). Each test
gets a database of its own, copied from a template that the migrations built once
(``CREATE DATABASE … TEMPLATE``: far faster than migrating each one).

Which tests run on both: those under the folders below (and the top-level ones: the
commands) that use a database through the ``db_target`` fixture (``database``,
``services``, the GUI's ``window``…) and neither ask for ``db_path`` (a SQLite file) nor
carry the ``sqlite_only`` mark. Only the file-safety tests (tests/safety: kills, full
disks, backups of a file) stay on SQLite. tests/search runs its module-wide databases on
both through its own ``search_target`` fixture.
"""

from __future__ import annotations

import enum
import inspect
import itertools
import os
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from matchnotes.db.database import open_database

URL_VARIABLE = "MATCHNOTES_TEST_POSTGRES_URL"
TESTS = Path(__file__).parent
ON_BOTH = ("services", "entry", "io", "db", "reports", "search", "ui", "draft")


class Backend(enum.Enum):
    SQLITE = "sqlite"
    POSTGRESQL = "postgresql"


def server_url() -> str | None:
    return os.environ.get(URL_VARIABLE) or None


def server_configured() -> bool:
    return server_url() is not None


def backends_for(metafunc: pytest.Metafunc) -> list[str]:
    """The backends one test function runs on (its parametrisation ids)."""
    if not server_url() or not _runs_on_both(metafunc):
        return [Backend.SQLITE.value]
    return [Backend.SQLITE.value, Backend.POSTGRESQL.value]


def _runs_on_both(metafunc: pytest.Metafunc) -> bool:
    relative = metafunc.definition.path.relative_to(TESTS)
    folder = relative.parts[0] if len(relative.parts) > 1 else ""
    if folder and folder not in ON_BOTH:
        return False
    if metafunc.definition.get_closest_marker("sqlite_only"):
        return False
    return "db_path" not in inspect.signature(metafunc.function).parameters


class PostgresServer:
    """Creates a fresh database per test on the server, and drops it afterwards."""

    def __init__(self, url: str) -> None:
        self._url = make_url(url).set(drivername="postgresql+psycopg")
        self._admin: Engine = create_engine(self._url, isolation_level="AUTOCOMMIT")
        self._names = (f"matchnotes_test_{os.getpid()}_{n}" for n in itertools.count())
        self._template: str | None = None

    @classmethod
    def from_environment(cls) -> PostgresServer:
        url = server_url()
        assert url, f"{URL_VARIABLE} is not set"
        return cls(url)

    def _database_url(self, name: str) -> str:
        return self._url.set(database=name).render_as_string(hide_password=False)

    def _execute(self, sql: str) -> None:
        with self._admin.connect() as conn:
            conn.execute(text(sql))

    def create_database(self, empty: bool = False) -> str:
        """A new database: MatchNotes' tables without rows, or nothing at all (``empty``)."""
        if empty:
            name = next(self._names)
            self._execute(f'CREATE DATABASE "{name}"')
            return self._database_url(name)
        if self._template is None:
            template = next(self._names) + "_template"
            self._execute(f'CREATE DATABASE "{template}"')
            open_database(self._database_url(template)).close()  # every migration, once
            self._template = template
        name = next(self._names)
        self._execute(f'CREATE DATABASE "{name}" TEMPLATE "{self._template}"')
        return self._database_url(name)

    def drop_database(self, url: str) -> None:
        self._execute(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)')

    def close(self) -> None:
        if self._template is not None:
            self._execute(f'DROP DATABASE IF EXISTS "{self._template}" WITH (FORCE)')
        self._admin.dispose()

"""The search tests run on SQLite (FTS5) and, when a PostgreSQL server is given
(``scripts/with_postgres.sh``), on PostgreSQL (tsvector): the same tests, the same
expected results. ``search_target`` is one database per module and backend (most of
these tests only read), made as ``db_target`` makes them (tests/backends.py)."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.backends import Backend, PostgresServer, server_configured

BACKENDS = [Backend.SQLITE.value] + ([Backend.POSTGRESQL.value] if server_configured() else [])


@pytest.fixture(scope="module", params=BACKENDS)
def search_target(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A new database for the module: a SQLite file, or a database on the server."""
    if request.param == Backend.SQLITE.value:
        folder: Path = tmp_path_factory.mktemp("search")
        yield str(folder / "search.sqlite")
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    url = server.create_database()
    yield url
    server.drop_database(url)

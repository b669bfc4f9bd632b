"""Shared fixtures. Qt runs offscreen, and every test gets its own config/data folders.

The database-level tests run on SQLite and, when ``MATCHNOTES_TEST_POSTGRES_URL`` names a
PostgreSQL server (``scripts/with_postgres.sh`` starts a throwaway one), on PostgreSQL too:
see ``tests/backends.py``.
"""

import os
import sys
import tempfile

# Before anything imports Qt: no display needed, and QSettings / platformdirs write
# into a throw-away folder, never into the developer's real configuration or data.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_SANDBOX = tempfile.mkdtemp(prefix="matchnotes-tests-")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_SANDBOX, "config")
os.environ["XDG_DATA_HOME"] = os.path.join(_SANDBOX, "data")
os.environ.pop("MATCHNOTES_DB", None)

import datetime as dt  # noqa: E402
import shutil  # noqa: E402
from collections.abc import Callable, Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from matchnotes.db.database import Database, open_database  # noqa: E402
from matchnotes.demo import load_demo  # noqa: E402
from matchnotes.enums import LineupRole, MatchStatus  # noqa: E402
from matchnotes.services import Services  # noqa: E402
from matchnotes.services.inputs import LineupInput, MatchInput  # noqa: E402
from tests.backends import Backend, PostgresServer, backends_for, server_configured  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "notes.sqlite"


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file every migration built, once per test process: a test's database is
    a copy of it (migrating a new file takes a second or more, a copy milliseconds).
    The migrations themselves are tested from empty files in tests/db."""
    path = tmp_path_factory.mktemp("template") / "migrated.sqlite"
    open_database(path).close()  # the last connection out leaves no WAL beside it
    return path


@pytest.fixture(scope="session")
def sqlite_demo_template(
    sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, int]:
    """The same with the demo match loaded (through the services, as ``demo`` does), and
    the demo match's id: what ``demo_match_id`` gives a SQLite test."""
    path = tmp_path_factory.mktemp("template") / "demo.sqlite"
    shutil.copyfile(sqlite_template, path)
    db = open_database(path)
    try:
        match_id = load_demo(Services.create(db.engine))
    finally:
        db.close()
    return path, match_id


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Every test that uses a database through ``db_target`` gets one run per backend."""
    if "backend" in metafunc.fixturenames:
        backends = backends_for(metafunc)
        if len(backends) > 1:  # ids stay as they were (no "[sqlite]") without a server
            metafunc.parametrize("backend", backends, indirect=True)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    server = PostgresServer.from_environment()
    yield server
    server.close()


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> Backend:
    return Backend(getattr(request, "param", Backend.SQLITE.value))


@pytest.fixture
def db_target(backend: Backend, request: pytest.FixtureRequest, db_path: Path) -> Iterator[str]:
    """Where the test's database is: a new SQLite file, or a new database on the server
    (copied from a migrated template, dropped afterwards)."""
    if backend is Backend.SQLITE:
        yield str(db_path)
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    url = server.create_database()
    yield url
    server.drop_database(url)


@pytest.fixture
def empty_server_db(request: pytest.FixtureRequest) -> Iterator[str]:
    """A new, empty database on the PostgreSQL server; the test is skipped without one."""
    if not server_configured():
        pytest.skip("needs a PostgreSQL server: scripts/with_postgres.sh pytest")
    server: PostgresServer = request.getfixturevalue("postgres_server")
    url = server.create_database(empty=True)
    yield url
    server.drop_database(url)


DEMO_IN_COPY = pytest.StashKey[int]()  # the demo match's id, when the copy holds it


@pytest.fixture
def database(
    db_target: str, backend: Backend, request: pytest.FixtureRequest
) -> Iterator[Database]:
    if backend is Backend.SQLITE and not Path(db_target).exists():
        # A copy of a migrated file (with the demo when the test asks for it), not a
        # new file migrated again: see ``sqlite_template``.
        if "demo_match_id" in request.fixturenames:
            template, match_id = request.getfixturevalue("sqlite_demo_template")
            shutil.copyfile(template, db_target)
            request.node.stash[DEMO_IN_COPY] = match_id
        else:
            shutil.copyfile(request.getfixturevalue("sqlite_template"), db_target)
    db = open_database(db_target)
    yield db
    _workers_done()
    db.close()


def _workers_done() -> None:
    """Reads still running on Qt's worker threads end before their database closes (a
    server connection closed under them would be left open, and warned about later)."""
    qtcore = sys.modules.get("PySide6.QtCore")
    if qtcore is not None:
        qtcore.QThreadPool.globalInstance().waitForDone(10_000)


@pytest.fixture
def services(database: Database) -> Services:
    return Services.create(database.engine)


@pytest.fixture
def demo_match_id(services: Services, request: pytest.FixtureRequest) -> int:
    """The demo match, loaded into the test's database (on SQLite it came with the copy)."""
    copied = request.node.stash.get(DEMO_IN_COPY, None)
    return copied if copied is not None else load_demo(services)


@pytest.fixture
def make_match(services: Services) -> Callable[..., int]:
    """Factory: a match between two teams (created on the fly), finished by default."""

    def make(
        home: str = "Home FC", away: str = "Away FC", date: dt.date = dt.date(2024, 5, 1),
        **fields: object,
    ) -> int:  # fmt: skip
        fields.setdefault("status", MatchStatus.FINISHED)
        return services.matches.create_match(MatchInput(home=home, away=away, date=date, **fields))  # type: ignore[arg-type]

    return make


@pytest.fixture
def make_player(services: Services) -> Callable[..., int]:
    """Factory: put a (new) player in a match's line-up; returns the person id."""

    def make(
        match_id: int, team: str, name: str, number: int | None = None,
        role: LineupRole = LineupRole.STARTER, captain: bool = False,
    ) -> int:  # fmt: skip
        team_id = services.catalog.ensure_team(team)
        entry_id = services.lineups.add(
            match_id, LineupInput(team_id, name, role, number, None, captain)
        )
        return next(e.person_id for e in services.lineups.lineup(match_id) if e.id == entry_id)

    return make


def team_id(services: Services, name: str) -> int:
    return services.catalog.ensure_team(name)

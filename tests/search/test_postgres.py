"""PostgreSQL's search index (tsvector, db/search_pg.py) finds and ranks what FTS5 does.

The same records go into a SQLite file and a database on the server, through the
services; every query of the shared set must give the same results, in the same order,
with the same totals. Also: the upgrade that builds the index, and a server where the
unaccent extension cannot be created. Skipped without a server (scripts/with_postgres.sh).
"""

import datetime as dt
from contextlib import contextmanager

import pytest
from alembic import command
from sqlalchemy import create_engine, event, insert, text
from sqlalchemy.engine import make_url

from matchnotes.db import search_pg
from matchnotes.db.database import open_database
from matchnotes.db.schema import alembic_config
from matchnotes.db.search_query import UNFOLDED, fold_words
from matchnotes.demo import load_demo
from matchnotes.enums import MomentKind, SearchKind
from matchnotes.errors import DatabaseRefusedError
from matchnotes.minutes import make_minute
from matchnotes.models import Moment
from matchnotes.services import Services
from matchnotes.services.inputs import LineupInput, MatchInput, MomentInput, QuoteInput
from matchnotes.services.search import SearchService
from matchnotes.services.search_results import SearchResults
from tests.backends import server_configured, server_url
from tests.search.test_portable import FILTERS, QUERIES

pytestmark = pytest.mark.skipif(
    not server_configured(), reason="needs a PostgreSQL server: scripts/with_postgres.sh pytest"
)

# Beyond the portable set: punctuation FTS5 splits on, letters only unaccent folds, NEAR
# distances and orders, OR with phrases, names found twice (ranking), typed beginnings.
# Not alike: the rank of documents with ø, ß, ł… (``ranked``), and letters only unaccent
# folds (ħ: FTS5 finds "ħamrun" but not "hamrun"; PostgreSQL both).
MORE = [
    "al-bayt", "x al-bayt", "al bayt stadium", "kane's", '"kane s"', "o'neill", "strasse",
    "straße", "ødegaard", "odegaard", "ħamrun", "3.5", "2-1", "NEAR(kane bar)",
    "NEAR(bar kane, 3)", "NEAR(kane bar, 1)", "NEAR(over bar penalty, 5)", "NEAR(kane)",
    "kane OR \"over the bar\"", "harry", "harry ", "harry kane", '"harry kane"', "manchester",
    "manchester ", "wanted", "runni", "penalties -missed", "adams ", "adam ", "kan* pen",
    "©", "a.b@c.com", "chance OR save", "he", "sco",
]  # fmt: skip


def _fill(services: Services) -> None:
    load_demo(services)
    match = services.matches.create_match(
        MatchInput(home="Manchester United", away="Manchester City", date=dt.date(2024, 3, 2),
                   venue="Al-Bayt Stadium", competition="FA Cup")
    )  # fmt: skip
    people = {}
    for team, name in [("Manchester United", "Martin Ødegaard"), ("Manchester City", "Tyler Adams"),
                       ("Manchester United", "Tammy Adam"), ("Manchester City", "Jan Straße"),
                       ("Manchester United", "Ħamrun O'Neill"),
                       ("Manchester City", "Harry Kane")]:  # fmt: skip
        entry = services.lineups.add(match, LineupInput(services.catalog.ensure_team(team), name))
        people[name] = next(e.person_id for e in services.lineups.lineup(match) if e.id == entry)
    lines = [("Martin Ødegaard", "Through ball from deep"),
             ("Tammy Adam", "Kane's cross, over the bar from 3.5 yards: al-bayt erupts"),
             ("Harry Kane", "Harry Kane heads over the bar, then 2-1 at x al-bayt"),
             ("Tyler Adams", "Bar, then kane: a chance saved"),
             ("Jan Straße", "strasse a.b@c.com")]  # fmt: skip
    for minute, (who, description) in enumerate(lines, 10):
        services.moments.log(
            match, MomentInput(make_minute(minute), MomentKind.CHANCE, people[who],
                               description=description)
        )  # fmt: skip
    services.quotes.add(match, QuoteInput(people["Harry Kane"], "He wanted penalties, running."))


@pytest.fixture(scope="module")
def pair(tmp_path_factory, postgres_server):
    """(SQLite's search, PostgreSQL's search) over the same records, same ids."""
    sqlite_db = open_database(tmp_path_factory.mktemp("pg") / "same.sqlite")
    url = postgres_server.create_database()
    pg_db = open_database(url)
    for db in (sqlite_db, pg_db):
        _fill(Services.create(db.engine))
    yield SearchService(sqlite_db.engine), SearchService(pg_db.engine)
    sqlite_db.close()
    pg_db.close()
    postgres_server.drop_database(url)


def ranked(results: SearchResults) -> dict[str, list[int]]:
    """Each kind's ids in rank order; in id order where the order cannot be the same:
    FTS5 counts every hit of a document with ø, ß, ł… again (in its ``alt`` column)."""
    return {
        kind.value: [r.id for r in group]
        if not any(set(UNFOLDED) & set(r.title + r.snippet) for r in group)
        else sorted(r.id for r in group)
        for kind, group in results.groups.items()
    }


@pytest.mark.parametrize("typed", QUERIES + MORE)
def test_postgresql_finds_and_ranks_what_fts5_does(pair, typed):
    on_sqlite, on_pg = (s.search(typed) for s in pair)
    assert on_pg.indexed and on_sqlite.indexed
    assert ranked(on_pg) == ranked(on_sqlite)
    assert on_pg.totals == on_sqlite.totals
    assert {(r.kind, r.id): r.snippet for r in on_pg} == {
        (r.kind, r.id): r.snippet for r in on_sqlite
    }


@pytest.mark.parametrize("filters", FILTERS, ids=str)
def test_postgresql_filters_keep_what_fts5_keeps(pair, filters):
    on_sqlite, on_pg = (s.search("kane", **filters) for s in pair)
    assert ranked(on_pg) == ranked(on_sqlite)


def test_typed_beginnings_find_the_same_as_prefix_queries(pair, monkeypatch):
    """A beginning shared by too many words stays a prefix query (':*'): same results."""
    monkeypatch.setattr(search_pg, "MAX_EXPANSION", 0)
    on_sqlite, on_pg = pair
    for typed in ["kan* pen", "sco", "runni", "harry ka", "x al-b", "penalties -mis"]:
        assert ranked(on_pg.search(typed)) == ranked(on_sqlite.search(typed)), typed


def test_windows_name_blocks_of_ids_from_the_lowest_asked_up():
    """Blocks of 2**16 ids from the lowest up to a block of 2**18, then those up to the
    one past the highest id's (rows added since)."""
    assert search_pg.window(0, 100) is None
    assert search_pg.window(1, 100) is None  # from id 0: every id
    assert search_pg.window(65_535, 600_000) is None
    assert search_pg.window(534_465, 600_000) == "('#18-2' | '#18-3')"
    assert search_pg.window(600_000, 620_000) == "('#16-9' | '#16-10' | '#16-11' | '#18-3')"
    assert search_pg.window(750_000, 1_000_000) == "('#16-11' | '#18-3' | '#18-4')"
    assert search_pg.window(100_000, 600_000) == (
        "('#16-1' | '#16-2' | '#16-3' | '#18-1' | '#18-2' | '#18-3')"
    )
    assert search_pg.window(1_600_000, 2_000_000) == "('#18-6' | '#18-7' | '#18-8')"
    assert search_pg.window(300_000, 3_000_000) is None  # more than MAX_SLICES blocks


@pytest.fixture(scope="module")
def far_apart(tmp_path_factory, postgres_server):
    """(SQLite's search, PostgreSQL's search) over 3,000 moments with ids 200 apart (up
    to 600,000): enough for PostgreSQL to search blocks of the newest ids first."""
    sqlite_db = open_database(tmp_path_factory.mktemp("far") / "far.sqlite")
    url = postgres_server.create_database()
    pg_db = open_database(url)
    for db in (sqlite_db, pg_db):
        services = Services.create(db.engine)
        match = services.matches.create_match(
            MatchInput(home="Arsenal", away="Chelsea", date=dt.date(2024, 5, 1))
        )
        rows = []
        for i in range(3000):
            minute = make_minute(1 + i % 90)
            words = ["penalty"] + (["early"] if i < 1500 else []) + (["kane"] if i % 10 else [])
            rows.append(
                {"id": 1 + i * 200, "match_id": match, "period": minute.period.value,
                 "minute": minute.minute, "stoppage": minute.stoppage,
                 "sort_key": minute.sort_key, "kind": MomentKind.CHANCE.value,
                 "description": " ".join(words), "created_at": dt.datetime(2024, 5, 1, tzinfo=dt.UTC)}  # noqa: E501
            )  # fmt: skip
        with db.engine.begin() as conn:
            conn.execute(insert(Moment), rows)
        if db.engine.dialect.name == "postgresql":  # as autovacuum would: word statistics
            with db.engine.begin() as conn:
                conn.execute(text("ANALYZE search_moment"))
    yield SearchService(sqlite_db.engine), SearchService(pg_db.engine)
    sqlite_db.close()
    pg_db.close()
    postgres_server.drop_database(url)


# "penalty": every moment, the newest blocks are enough; "early": the older half only.
@pytest.mark.parametrize(
    "typed", ["penalty", "penalty ", "pen", "early", "early pen", "ear", "kane", "kane early",
              "penalty -early", "penalty -kane", "early OR kane"],
)  # fmt: skip
def test_newest_blocks_first_find_the_same_candidates(far_apart, typed):
    on_sqlite, on_pg = (s.search(typed) for s in far_apart)
    assert ranked(on_pg) == ranked(on_sqlite)
    assert on_pg.totals == on_sqlite.totals and on_pg.more == on_sqlite.more


def test_letters_only_the_server_folds_are_found_as_typed(pair):
    """unaccent folds ħ to h (Python's fold leaves it): typed either way, found."""
    on_pg = pair[1]
    for typed in ["ħamrun", "hamrun", "Ħamrun O'Neill"]:
        (person,) = on_pg.search(typed).groups[SearchKind.PERSON]
        assert person.title == "Ħamrun O'Neill"


def test_the_server_folds_documents_as_fts5_does(pair):
    """The words of a text, as the server indexes them, are the words Python reads."""
    samples = ["Aurélien Tchouaméni", "Kane's penalty, 84'", "Al-Bayt · 2022-12-10",
               "ÆBLE ŒUVRE Łódź", "über-straße", "3.5 yards", "x@y.org/path"]  # fmt: skip
    engine = pair[1]._engine
    with engine.connect() as conn:
        for sample in samples:
            words = conn.execute(text("SELECT matchnotes_search_words(:t)"), {"t": sample})
            assert tuple(words.scalar_one()) == fold_words(sample.replace("ß", "ss")), sample


@contextmanager
def _demo_at(server, revision):
    """A new server database at ``revision`` with the demo in it: (url, engine, the
    Alembic config on it); dropped afterwards. The demo is loaded by today's services (at
    the newest schema, whose columns they write) and the schema then taken down."""
    url = server.create_database(empty=True)
    engine = create_engine(make_url(url).set(drivername="postgresql+psycopg"))
    config = alembic_config()
    try:
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
        load_demo(Services.create(engine))
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, revision)
        yield url, engine, config
    finally:
        engine.dispose()
        server.drop_database(url)


def test_the_upgrade_builds_the_index_for_existing_rows(postgres_server):
    with _demo_at(postgres_server, "0011_author_and_version") as (url, _engine, config):
        heard: list[tuple[int, int]] = []
        db = open_database(url, progress=lambda done, total: heard.append((done, total)))
        found = SearchService(db.engine).search('"over the bar"')
        assert found.indexed and len(found.groups[SearchKind.MOMENT]) == 1
        assert heard[0][0] == 0 and heard[-1][0] == heard[-1][1] > 14
        assert SearchService(db.engine).rebuild() == heard[-1][1]
        with db.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0011_author_and_version")
        without = SearchService(db.engine).search('"over the bar"')  # the LIKE search
        assert not without.indexed and len(without.groups[SearchKind.MOMENT]) == 1
        db.close()


def test_the_upgrade_from_0015_adds_blocks_and_words_to_the_index(postgres_server):
    """0012's index as 0015 left it (no id blocks, no search_word): 0016 rebuilds it,
    with progress, and the search finds what it found."""
    with _demo_at(postgres_server, "0015") as (url, engine, _config):
        with engine.begin() as conn:  # what 0012 built before 0016 had neither
            conn.execute(text("DROP TABLE search_word"))
            conn.execute(text("DROP FUNCTION matchnotes_search_slices(integer)"))
            assert search_pg.is_installed(conn) and not search_pg.is_current(conn)
        heard: list[tuple[int, int]] = []
        db = open_database(url, progress=lambda done, total: heard.append((done, total)))
        with db.engine.connect() as conn:
            assert search_pg.is_current(conn)
            assert conn.execute(text("SELECT count(*) FROM search_word")).scalar_one() > 100
        assert heard and heard[-1][0] == heard[-1][1] > 14
        found = SearchService(db.engine).search('"over the bar"')
        assert found.indexed and len(found.groups[SearchKind.MOMENT]) == 1
        db.close()


def test_without_the_unaccent_extension_the_upgrade_says_whom_to_ask(postgres_server):
    """A user who may not create extensions (nor anything in the database): refused,
    with the command to ask the administrator for, and the database left as it was."""
    url = postgres_server.create_database(empty=True)
    name = make_url(url).database
    admin = create_engine(make_url(url).set(drivername="postgresql+psycopg"))
    with admin.begin() as conn:
        conn.execute(text("DROP ROLE IF EXISTS matchnotes_reader"))
        conn.execute(text("CREATE ROLE matchnotes_reader LOGIN"))
        conn.execute(text(f'REVOKE CREATE ON DATABASE "{name}" FROM PUBLIC'))
        conn.execute(text("GRANT CREATE, USAGE ON SCHEMA public TO matchnotes_reader"))
    reader = make_url(url).set(username="matchnotes_reader").render_as_string(hide_password=False)
    try:
        with pytest.raises(DatabaseRefusedError) as refused:
            open_database(reader)
        message = str(refused.value)
        assert "unaccent" in message and "CREATE EXTENSION unaccent;" in message
        assert "administrator" in message and "Nothing was changed" in message
        with admin.connect() as conn:
            tables = conn.execute(
                text("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
            )
            assert tables.scalar_one() == 0  # the whole upgrade was rolled back
    finally:
        admin.dispose()
        postgres_server.drop_database(url)  # and the role's rights in it
        server = create_engine(make_url(server_url()).set(drivername="postgresql+psycopg"))
        with server.begin() as conn:
            conn.execute(text("DROP ROLE matchnotes_reader"))
        server.dispose()


@pytest.mark.parametrize(
    "filters",
    [{"team": "Arsenal"}, {"date_from": dt.date(2024, 1, 1)}, {"date_to": dt.date(2020, 1, 1)}],
    ids=str,
)
def test_newest_blocks_first_keep_what_the_filters_keep(far_apart, filters):
    on_sqlite, on_pg = (s.search("penalty", **filters) for s in far_apart)
    assert ranked(on_pg) == ranked(on_sqlite)
    assert on_pg.totals == on_sqlite.totals and on_pg.more == on_sqlite.more


def test_a_search_widens_its_window_while_too_few_are_found(far_apart, monkeypatch):
    """The windows above are used: the newest blocks for "penalty"; for "early", when the
    planner guesses more hits than there are, a first window with too few, then every id,
    with the same results."""
    on_sqlite, on_pg = far_apart
    asked: list[str] = []

    def heard(conn, cursor, statement, parameters, context, executemany):
        if isinstance(parameters, dict) and "search_moment" in statement and "limit" in parameters:
            asked.append(" & ".join(v for k, v in parameters.items() if k.startswith("tsquery")))

    event.listen(on_pg._engine, "before_cursor_execute", heard)
    try:
        on_pg.search("penalty", kinds=["moment"])
        assert len(asked) == 1 and "'#18-" in asked[0]
        asked.clear()
        guess = {SearchKind.MOMENT: 1800}  # there are 1,500
        monkeypatch.setattr(search_pg, "estimates", lambda *_: guess)
        found = on_pg.search("early", kinds=["moment"])
        assert len(asked) == 2 and "'#18-" in asked[0] and "#" not in asked[1]
        assert ranked(found) == ranked(on_sqlite.search("early", kinds=["moment"]))
    finally:
        event.remove(on_pg._engine, "before_cursor_execute", heard)

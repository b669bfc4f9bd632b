"""The index stays what a rebuild would make: after edits, deletes, renames and undo.
Those using ``database`` run on SQLite (FTS5) and PostgreSQL (tsvector) alike."""

import dataclasses
import shutil
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Connection, Engine, text

from benchmarks.generate import generate
from matchnotes.db import search_pg
from matchnotes.db.database import open_database
from matchnotes.db.schema import alembic_config
from matchnotes.db.search import TABLES, is_installed, rebuild
from matchnotes.demo import load_demo
from matchnotes.enums import MomentKind, SearchKind
from matchnotes.minutes import make_minute
from matchnotes.services import Services
from matchnotes.services.inputs import MomentInput, QuoteInput
from matchnotes.services.search import SearchService

FIXTURES = Path(__file__).parent.parent / "fixtures"
Rows = dict[str, list[tuple]]


def _rows(conn: Connection) -> Rows:
    read = "SELECT rowid, * FROM {} ORDER BY rowid"
    if conn.dialect.name == "postgresql":
        read = "SELECT id, title, body, match_id, person_id, document::text FROM {} ORDER BY id"
    return {
        name: [tuple(r) for r in conn.exec_driver_sql(read.format(name))]
        for name in TABLES.values()
    }


def index_rows(engine: Engine) -> Rows:
    with engine.connect() as conn:
        return _rows(conn)


def rebuilt_rows(engine: Engine) -> Rows:
    """What a rebuild from the tables makes, in a transaction that is then rolled back."""
    with engine.connect() as conn:
        (search_pg.rebuild if conn.dialect.name == "postgresql" else rebuild)(conn)
        rows = _rows(conn)
        conn.rollback()
    return rows


def assert_current(engine: Engine) -> Rows:
    rows = index_rows(engine)
    assert rows == rebuilt_rows(engine)
    return rows


@pytest.fixture
def search(database):
    return SearchService(database.engine)


def ids(search: SearchService, typed: str, kind: SearchKind) -> list[int]:
    return [r.id for r in search.search(typed).groups.get(kind, [])]


def test_the_demo_logged_through_the_services_is_indexed(database, demo_match_id):
    rows = assert_current(database.engine)
    assert len(rows["search_moment"]) == 14 and len(rows["search_quote"]) == 4


def test_an_edited_moment_is_found_by_its_new_words(services, search, database, demo_match_id):
    (moment_id,) = ids(search, '"over the bar"', SearchKind.MOMENT)
    _, data = services.moments.get_input(moment_id)
    services.moments.update(moment_id, dataclasses.replace(data, description="into the stand"))
    assert ids(search, '"into the stand"', SearchKind.MOMENT) == [moment_id]
    assert ids(search, '"over the bar"', SearchKind.MOMENT) == []
    assert_current(database.engine)


def test_deleted_and_added_rows_leave_and_join(services, search, database, demo_match_id):
    (moment_id,) = ids(search, '"over the bar"', SearchKind.MOMENT)
    services.moments.delete(moment_id)  # its quote loses the link: the quote is re-indexed
    assert ids(search, '"over the bar"', SearchKind.MOMENT) == []
    kane = search.search("harry kane", kinds=["person"]).groups[SearchKind.PERSON][0].id
    quote_id = services.quotes.add(demo_match_id, QuoteInput(kane, "It will hurt for a while."))
    assert ids(search, "hurt while", SearchKind.QUOTE) == [quote_id]
    log = MomentInput(make_minute(60), MomentKind.NOTE, description="Streaker on the pitch")
    new_id = services.moments.log(demo_match_id, log)
    assert ids(search, "streaker", SearchKind.MOMENT) == [new_id]
    assert_current(database.engine)


def test_a_deleted_match_takes_its_whole_story_out(services, search, database, demo_match_id):
    services.matches.delete_match(demo_match_id)
    rows = assert_current(database.engine)
    assert not rows["search_match"] and not rows["search_moment"] and not rows["search_quote"]
    assert not rows["search_note"]
    assert ids(search, "kane", SearchKind.PERSON)  # people stay
    assert not search.search('"over the bar"') and not search.search('"special person"')


def test_undo_of_a_deleted_moment_keeps_its_id(services, search, database, demo_match_id):
    before = index_rows(database.engine)
    (moment_id,) = ids(search, '"over the bar"', SearchKind.MOMENT)
    services.moments.delete(moment_id)
    services.history.undo()
    assert ids(search, '"over the bar"', SearchKind.MOMENT) == [moment_id]
    assert assert_current(database.engine) == before


def test_undo_of_a_deleted_match_puts_everything_back(services, search, database, demo_match_id):
    before = index_rows(database.engine)
    services.matches.delete_match(demo_match_id)
    services.history.undo()
    assert assert_current(database.engine) == before
    assert ids(search, '"special person"', SearchKind.QUOTE)
    services.history.redo()
    services.history.undo()  # deleted and put back again: the same index
    assert index_rows(database.engine) == before


def test_renames_reach_every_document_with_the_name(services, search, database, demo_match_id):
    kane = ids(search, "harry kane", SearchKind.PERSON)[0]
    renamed = dataclasses.replace(services.people.get_input(kane), name="Harry Edward Kane")
    services.people.update(kane, renamed)
    for kind in (SearchKind.MOMENT, SearchKind.QUOTE):  # everything of his has the new name
        assert ids(search, "edward", kind) == ids(search, "kane", kind) != []
    england = services.catalog.ensure_team("England")
    services.catalog.update_team(england, "Three Lions", "ENG")
    (match,) = search.search("lions").groups[SearchKind.MATCH]
    assert match.title == "Three Lions v France"
    assert ids(search, "lions", SearchKind.MOMENT)
    with database.engine.begin() as conn:
        conn.execute(text("UPDATE venue SET name = 'Al-Bayt Arena'"))
        conn.execute(text("UPDATE competition SET name = 'Coupe du Monde'"))
        conn.execute(text("UPDATE season SET name = 'Qatar 2022'"))
    for typed in ["arena", "coupe monde", "qatar"]:
        assert ids(search, typed, SearchKind.MATCH) == [demo_match_id]
    assert_current(database.engine)


def test_deleting_a_person_removes_their_notes(services, search, database):
    from matchnotes.services.inputs import PersonInput

    person = services.people.create(PersonInput("Ada Hegerberg"))
    services.notes.add("Ballon d'Or winner", person_id=person)
    (note,) = search.search("ballon").groups[SearchKind.NOTE]
    assert (note.person_id, note.match_id, note.context) == (person, None, "Ada Hegerberg")
    services.people.delete(person)
    assert not search.search("ballon") and not search.search("hegerberg")
    assert_current(database.engine)


def test_rebuild_repairs_a_damaged_index(services, search, database, demo_match_id):
    before = index_rows(database.engine)
    with database.engine.begin() as conn:
        conn.execute(text("DELETE FROM search_moment"))
        on = " ON quote" if conn.dialect.name == "postgresql" else ""
        conn.execute(text(f"DROP TRIGGER search_index_quote_ai{on}"))
    assert not search.search('"over the bar"')
    assert search.rebuild() == sum(len(rows) for rows in before.values())
    assert index_rows(database.engine) == before
    assert ids(search, '"over the bar"', SearchKind.MOMENT)
    kane = ids(search, "harry kane", SearchKind.PERSON)[0]
    services.quotes.add(demo_match_id, QuoteInput(kane, "Triggers are back."))
    assert ids(search, "triggers", SearchKind.QUOTE)


def test_a_generated_database_is_indexed_row_by_row_as_a_rebuild_would(tmp_path):
    path = tmp_path / "generated.sqlite"
    generate(path, matches=30, moments=1_500, quotes=60, notes=60)
    db = open_database(path)
    try:
        rows = assert_current(db.engine)
        assert len(rows["search_moment"]) == 1_500 and len(rows["search_match"]) == 30
        search = SearchService(db.engine)
        plain = search.search("odegaard", kinds=["person"])  # ø: FTS5 cannot fold it
        accented = search.search("ødegaard")
        assert plain.totals[SearchKind.PERSON] == accented.totals[SearchKind.PERSON] > 0
        assert all("Ødegaard" in r.title for r in plain)
        found = search.search("kane penalty", limit=5)
        assert found.totals[SearchKind.MOMENT] > 5 and len(found.groups[SearchKind.MOMENT]) == 5
        dates = [r.date for r in found.groups[SearchKind.MOMENT]]
        assert all(d is not None for d in dates)
        common = search.search("chance OR save OR note", kinds=["moment"])  # most moments
        assert common.more == {SearchKind.MOMENT} and common.totals[SearchKind.MOMENT] == 500
    finally:
        db.close()


def test_the_upgrade_indexes_existing_rows_and_the_downgrade_removes_the_index(tmp_path):
    path = tmp_path / "old.sqlite"
    shutil.copyfile(FIXTURES / "schema-0001.sqlite", path)
    db = open_database(path)
    try:
        search = SearchService(db.engine)
        assert search.search('"special person"').groups[SearchKind.QUOTE]
        config = alembic_config()
        with db.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0003")
        with db.engine.connect() as conn:
            assert not is_installed(conn)
            names = conn.exec_driver_sql("SELECT name FROM sqlite_master").scalars().all()
            assert not [n for n in names if n.startswith("search_")]
        portable = search.search("kane")  # without the index: the portable search
        assert not portable.indexed and portable.groups[SearchKind.PERSON]
        with db.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
        assert_current(db.engine)
    finally:
        db.close()


def test_without_fts5_the_database_opens_and_search_still_works(tmp_path, monkeypatch):
    from matchnotes.db import search as search_index

    monkeypatch.setattr(search_index, "fts5_available", lambda connection: False)
    db = open_database(tmp_path / "no-fts5.sqlite")
    try:
        load_demo(Services.create(db.engine))
        search = SearchService(db.engine)
        found = search.search('"over the bar"')
        assert not found.indexed and len(found) == 1
        assert search.rebuild() == 0
    finally:
        db.close()


def test_a_rebuild_in_small_batches_over_sparse_ids_makes_the_same_index(
    services, database, demo_match_id, monkeypatch
):
    from matchnotes.db import search as search_index

    for moment in services.matches.get_match(demo_match_id).moments[::3]:
        services.moments.delete(moment.id)  # gaps in the ids
    whole = index_rows(database.engine)
    monkeypatch.setattr(search_index, "REBUILD_BATCH", 2)
    heard: list[tuple[int, int]] = []
    with database.engine.begin() as conn:
        build = search_pg.rebuild if conn.dialect.name == "postgresql" else rebuild
        total = build(conn, lambda done, all_: heard.append((done, all_)))
    assert index_rows(database.engine) == whole
    assert total == sum(len(rows) for rows in whole.values()) == heard[-1][0] == heard[-1][1]
    assert len(heard) > total // 2  # a step per batch of two

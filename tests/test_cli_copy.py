"""`matchnotes copy SRC DST`: exact into an empty target, refused into one with data
unless --merge; SQLite files, and a PostgreSQL server when the tests have one."""

import pytest

from matchnotes.cli import run
from matchnotes.db.database import open_database
from matchnotes.services import Services
from tests.backends import URL_VARIABLE, server_configured
from tests.db_compare import (
    assert_same_tables,
    demo_with_gaps_fixture,  # noqa: F401  (a fixture)
    table_rows,
)
from tests.io import WORLDCUP_JSON, WORLDCUP_TXT


def opened(path):
    return open_database(path)


def test_a_copy_is_exact_ids_included(demo_with_gaps, tmp_path, capsys):
    target = tmp_path / "copy.sqlite"
    assert run(["copy", str(demo_with_gaps), str(target)]) == 0
    assert "moment" in capsys.readouterr().out
    a, b = opened(demo_with_gaps), opened(target)
    try:
        assert_same_tables(a.engine, b.engine)
        with a.engine.connect() as ca, b.engine.connect() as cb:
            for table in ("moment", "person", "quote"):  # the ids themselves, gaps and all
                query = f"SELECT * FROM {table} ORDER BY id"
                assert ca.exec_driver_sql(query).all() == cb.exec_driver_sql(query).all()
        services = Services.create(b.engine)
        assert [r.kind.value for r in services.search.search("tchouameni")][:1] == ["person"]
        with b.engine.connect() as cb:
            newest = cb.exec_driver_sql("SELECT max(id) FROM note").scalar_one()
        assert services.notes.add("Written after the copy", match_id=1) == newest + 1
    finally:
        a.close()
        b.close()


def test_a_target_with_data_is_refused_unless_merge(demo_with_gaps, tmp_path, capsys):
    target = tmp_path / "wc.sqlite"
    assert run(["import", str(WORLDCUP_JSON), "--db", str(target)]) == 0
    before = _rows(target)
    capsys.readouterr()
    assert run(["copy", str(demo_with_gaps), str(target)]) == 1
    message = capsys.readouterr().err
    assert "is not empty" in message and "--merge" in message and "nothing was copied" in message
    assert _rows(target) == before
    assert run(["copy", str(demo_with_gaps), str(target), "--merge"]) == 0
    db = opened(target)
    try:
        matches = Services.create(db.engine).matches.list_matches()
        assert len(matches) == 64  # the demo's England v France is the World Cup's
        england = next(m for m in matches if (m.home, m.away) == ("England", "France"))
        assert len(Services.create(db.engine).matches.get_match(england.id).quotes) == 4
    finally:
        db.close()


def test_merging_the_same_data_again_changes_nothing(tmp_path):
    source, target = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    for data in (WORLDCUP_JSON, WORLDCUP_TXT):
        assert run(["import", str(data), "--db", str(source)]) == 0
    assert run(["copy", str(source), str(target)]) == 0
    before = _rows(target)
    assert run(["copy", str(source), str(target), "--merge"]) == 0
    assert _rows(target) == before


@pytest.mark.parametrize("same", [False, True])
def test_a_missing_source_or_the_same_file_is_refused(tmp_path, capsys, same):
    source = tmp_path / "typo.sqlite"
    target = source if same else tmp_path / "new.sqlite"
    assert run(["copy", str(source), str(target)]) == 1
    err = capsys.readouterr().err
    assert ("same database" in err) if same else ("There is no database at" in err)
    assert list(tmp_path.iterdir()) == []


def _rows(path):
    db = opened(path)
    try:
        return table_rows(db.engine)
    finally:
        db.close()


@pytest.mark.skipif(not server_configured(), reason=f"set {URL_VARIABLE} to a throwaway server")
def test_a_copy_to_postgresql_and_back_is_exact(demo_with_gaps, tmp_path, postgres_server):
    server = postgres_server.create_database(empty=True)  # no tables: copy migrates it
    back = tmp_path / "back.sqlite"
    try:
        assert run(["copy", str(demo_with_gaps), server]) == 0
        assert run(["copy", server, str(back)]) == 0
        a, b, s = opened(demo_with_gaps), opened(back), open_database(server)
        try:
            assert_same_tables(a.engine, b.engine)
            assert_same_tables(a.engine, s.engine)
            with a.engine.connect() as ca, b.engine.connect() as cb:
                for table in ("moment", "person", "quote"):  # ids, gaps and all, both ways
                    query = f"SELECT * FROM {table} ORDER BY id"
                    assert ca.exec_driver_sql(query).all() == cb.exec_driver_sql(query).all()
            with s.engine.connect() as cs:
                newest = cs.exec_driver_sql("SELECT max(id) FROM note").scalar_one()
            # The server's id sequences were moved past the copied ids.
            assert Services.create(s.engine).notes.add("On the server", match_id=1) == newest + 1
        finally:
            a.close()
            b.close()
            s.close()
    finally:
        postgres_server.drop_database(server)

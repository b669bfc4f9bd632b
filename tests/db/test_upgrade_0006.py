"""Schema 0006: the search index rebuilt with the porter stemmer, its progress shown."""

import shutil
import sqlite3
from pathlib import Path

from alembic import command

from matchnotes.cli import run
from matchnotes.db import search
from matchnotes.db.database import open_database
from matchnotes.db.schema import alembic_config
from matchnotes.enums import SearchKind
from matchnotes.services.search import SearchService

FIXTURES = Path(__file__).parent.parent / "fixtures"


def row_counts(path: Path) -> dict[str, int]:
    """Rows of every table but the search index's (which the upgrade rebuilds)."""
    conn = sqlite3.connect(path)
    names = [n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    counts = {
        n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0]
        for n in names
        if n not in search.SHADOW_TABLES and n != "alembic_version"
    }
    conn.close()
    return counts


def copy(fixture: str, tmp_path: Path) -> Path:
    path = tmp_path / "old.sqlite"
    shutil.copyfile(FIXTURES / fixture, path)
    return path


def test_a_0005_file_keeps_every_row_and_finds_inflections(tmp_path):
    path = copy("schema-0005.sqlite", tmp_path)
    before = row_counts(path)
    heard: list[tuple[int, int]] = []
    db = open_database(path, progress=lambda done, total: heard.append((done, total)))
    try:
        assert db.report.upgraded_from == "0005"
        with db.engine.connect() as conn:
            assert search.is_current(conn)
        found = SearchService(db.engine).search("kane penalty ")
        assert found.totals == {SearchKind.MOMENT: 2, SearchKind.QUOTE: 2}
    finally:
        db.close()
    after = row_counts(path)
    assert {t: n for t, n in after.items() if t in before} == before  # later revisions add tables
    total = heard[0][1]
    assert heard[0] == (0, total) and heard[-1] == (total, total) and total > 50
    assert [done for done, _ in heard] == sorted(done for done, _ in heard)


def test_the_command_line_shows_the_upgrades_progress_on_stderr(tmp_path, capsys):
    path = copy("schema-0005.sqlite", tmp_path)
    assert run(["matches", "--db", str(path)]) == 0
    out, err = capsys.readouterr()
    assert "England" in out and "rebuilding the search index" not in out
    lines = err.splitlines()
    assert lines[0].startswith("Upgrading the database: rebuilding the search index (")
    assert lines[-1].startswith("Upgrading the database: rebuilding the search index: 100% (")
    assert run(["matches", "--db", str(path)]) == 0  # upgraded: nothing more to say
    assert capsys.readouterr().err == ""


def test_a_file_from_before_the_index_is_indexed_once(tmp_path):
    path = copy("schema-0001.sqlite", tmp_path)
    heard: list[tuple[int, int]] = []
    db = open_database(path, progress=lambda done, total: heard.append((done, total)))
    db.close()
    assert heard and heard[-1][0] == heard[-1][1]
    assert len([h for h in heard if h[0] == 0]) == 1  # 0004 built it as 0006 would: no rebuild


def test_the_downgrade_keeps_an_index_0005s_search_reads(tmp_path):
    db = open_database(copy("schema-0005.sqlite", tmp_path))
    try:
        config = alembic_config()
        with db.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0005")
        with db.engine.connect() as conn:
            old_query = (  # 0005's columns, a MATCH without column filters
                "SELECT rowid, title, body, alt, match_id, person_id, bm25(search_moment, 4.0) "
                "FROM search_moment WHERE search_moment MATCH '\"over the bar\"'"
            )
            assert conn.exec_driver_sql(old_query).all()
    finally:
        db.close()

"""`matchnotes export json --all` then `import` into an empty database gives back every
table, row for row and column for column (ids as ranks: tests/db_compare.py)."""

import json

from matchnotes.cli import run
from matchnotes.db.database import open_database
from matchnotes.services import Services
from tests.db_compare import (
    NOT_IN_JSON,
    assert_same_tables,
    demo_with_gaps_fixture,  # noqa: F401  (a fixture)
    table_rows,
)
from tests.io import SQUADS_TXT, WORLDCUP_JSON, WORLDCUP_TXT


def cli(*argv: object) -> None:
    assert run([str(a) for a in argv]) == 0


def round_trip(source, tmp_path):
    out = tmp_path / "all.json"
    cli("export", "json", "--all", "-o", out, "--db", source)
    target = tmp_path / "back.sqlite"
    cli("import", out, "--db", target)
    return out, target


def test_the_demo_comes_back_table_for_table(demo_with_gaps, tmp_path):
    out, target = round_trip(demo_with_gaps, tmp_path)
    a, b = open_database(demo_with_gaps), open_database(target)
    try:
        assert_same_tables(a.engine, b.engine)
        rows = table_rows(b.engine)
        for table in ("match", "lineup_entry", "moment", "quote", "note", "tag", "match_tag"):
            assert rows[table], f"the demo has no {table} rows to compare"
        twins = [r for r in rows["moment"] if r[2:4] == ("1H", 17) and r[6] == "goal"]
        assert len(twins) == 2  # the goal logged twice stays two moments
    finally:
        a.close()
        b.close()
    assert json.loads(out.read_text("utf-8"))["format"] == "matchnotes"


def test_the_world_cup_comes_back_table_for_table(tmp_path):
    source = tmp_path / "wc.sqlite"
    for data in (WORLDCUP_JSON, WORLDCUP_TXT, SQUADS_TXT):
        cli("import", data, "--db", source)
    _, target = round_trip(source, tmp_path)
    a, b = open_database(source), open_database(target)
    try:
        assert_same_tables(a.engine, b.engine, NOT_IN_JSON)
        rows = table_rows(b.engine)
        assert len(rows["match"]) == 64 and len(rows["lineup_entry"]) > 1000
    finally:
        a.close()
        b.close()


def test_per_match_person_and_season_files_import(demo_with_gaps, tmp_path):
    """Each selection is a file `import` takes, and the match comes back whole."""
    db = open_database(demo_with_gaps)
    expected = Services.create(db.engine).matches.get_match(1)
    db.close()
    for what in (["--match", "1"], ["--person", "1"], ["--season", "--year", "2022"]):
        out = tmp_path / f"{what[0].strip('-')}.json"
        cli("export", "json", *what, "-o", out, "--db", demo_with_gaps)
        target = tmp_path / f"{what[0].strip('-')}.sqlite"
        cli("import", out, "--db", target)
        db = open_database(target)
        try:
            detail = Services.create(db.engine).matches.get_match(1)
            assert detail.summary.title == expected.summary.title
            assert list(map(_moment, detail.moments)) == list(map(_moment, expected.moments))
            assert len(detail.quotes) == len(expected.quotes) == 4
        finally:
            db.close()


def _moment(m):
    return (m.minute, m.kind, m.team, m.player, m.related_player, m.description)

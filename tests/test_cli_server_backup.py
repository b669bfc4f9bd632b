"""`matchnotes backup` / `restore` on a PostgreSQL server: the backup is the app's own
MatchNotes JSON; restored into an empty database it gives back every table (skipped
without a server: scripts/with_postgres.sh). A SQLite file's backups stay as they are."""

import pytest

from matchnotes.cli import run
from matchnotes.db.database import open_database
from matchnotes.enums import PhotoKind
from matchnotes.services import Services
from matchnotes.services.photos import ScaledImage
from tests.backends import URL_VARIABLE, server_configured
from tests.db_compare import assert_same_tables, table_rows

PICTURE = ScaledImage(b"\xff\xd8 the away end \x00\xfe" * 50, b"\xff\xd8 thumb", 1600, 1200)
needs_server = pytest.mark.skipif(
    not server_configured(), reason=f"set {URL_VARIABLE} to a throwaway server"
)


@pytest.fixture
def fresh(postgres_server):
    """A factory of empty server databases (no tables yet), dropped afterwards."""
    made = []

    def make():
        made.append(postgres_server.create_database(empty=True))
        return made[-1]

    yield make
    for url in made:
        postgres_server.drop_database(url)


def _demo_with_edits(url):
    assert run(["demo", "--db", url]) == 0
    db = open_database(url)
    services = Services.create(db.engine)
    detail = services.matches.get_match(1)
    services.moments.delete(detail.moments[3].id)  # an id gap
    services.quick_entry.record(1, "17 goal Tchouameni", None, allow_duplicate=True)
    services.notes.add("Pénalty manqué — “Kane” ⚽", match_id=1)
    services.photos.add(1, PICTURE, caption="The away end")  # one stored copy, two uses
    services.photos.add(1, PICTURE, kind=PhotoKind.TICKET)
    gone = ScaledImage(b"\xff\xd8 blurred", b"\xff\xd8", 8, 6)  # its copy stays (undo)
    services.photos.remove(services.photos.add(1, gone))
    db.close()


@needs_server
def test_a_server_backup_restores_into_an_empty_database_exactly(fresh, tmp_path, capsys):
    first, second = fresh(), fresh()
    _demo_with_edits(first)
    backup = tmp_path / "diary.json"
    assert run(["backup", "--db", first, "-o", str(backup), "--quiet"]) == 0
    said = capsys.readouterr().out
    assert "MatchNotes JSON" in said and str(backup) in said
    assert backup.read_text(encoding="utf-8").startswith('{\n  "format": "matchnotes"')
    assert run(["restore", str(backup), "--db", second, "--quiet"]) == 0
    assert "Restored" in capsys.readouterr().out
    a, b = open_database(first), open_database(second)
    try:
        assert_same_tables(a.engine, b.engine)
        restored = table_rows(b.engine)
        assert restored["moment"]  # not two empty databases
        assert (len(restored["photo_blob"]), len(restored["match_photo"])) == (2, 2)
        photos = Services.create(b.engine).photos
        assert photos.image(photos.photos(1)[1].id) == PICTURE.image
    finally:
        a.close()
        b.close()
    again = tmp_path / "again.json"  # the restored database's backup is the same file
    assert run(["backup", "--db", second, "-o", str(again), "--quiet"]) == 0
    assert again.read_bytes() == backup.read_bytes()


@needs_server
def test_a_restore_into_a_database_with_data_is_refused(fresh, tmp_path, capsys):
    first = fresh()
    _demo_with_edits(first)
    backup = tmp_path / "diary.json"
    assert run(["backup", "--db", first, "-o", str(backup)]) == 0
    db = open_database(first)
    before = table_rows(db.engine)
    db.close()
    capsys.readouterr()
    assert run(["restore", str(backup), "--db", first]) == 1
    err = capsys.readouterr().err
    assert "is not empty" in err and "nothing was restored" in err and "match rows" in err
    db = open_database(first)
    assert table_rows(db.engine) == before
    db.close()


@needs_server
def test_a_server_backup_gets_a_default_name_and_file_only_options_are_explained(
    fresh, tmp_path, capsys, monkeypatch
):
    url = fresh()
    monkeypatch.chdir(tmp_path)
    assert run(["backup", "--db", url]) == 0
    written = list(tmp_path.glob("matchnotes_test_*-backup-*.json"))
    assert len(written) == 1
    capsys.readouterr()
    assert run(["restore", "--newest", "--db", url]) == 1
    assert "name the MatchNotes JSON backup" in capsys.readouterr().err
    sqlite_file = tmp_path / "a.sqlite"
    assert run(["demo", "--db", str(sqlite_file)]) == 0
    assert run(["restore", str(sqlite_file), "--db", url]) == 1
    assert "matchnotes copy" in capsys.readouterr().err
    for command in ("check", "backups"):
        assert run([command, "--db", url]) == 1
        err = capsys.readouterr().err
        assert "is a database server" in err and "pg_amcheck" in err


def test_a_file_backup_is_still_a_copy_of_the_file_and_refuses_o(tmp_path, capsys):
    path = tmp_path / "a.sqlite"
    assert run(["demo", "--db", str(path)]) == 0
    assert run(["backup", "--db", str(path), "-o", str(tmp_path / "x.json")]) == 1
    assert "export json --all" in capsys.readouterr().err
    assert run(["backup", "--db", str(path)]) == 0
    assert "a-backups" in capsys.readouterr().out
    assert not (tmp_path / "x.json").exists()

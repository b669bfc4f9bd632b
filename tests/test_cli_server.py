"""The commands on a PostgreSQL server database (skipped without a server: see
tests/backends.py): the demo goes to the server, an up-to-date database opens without
an upgrade, and the file-only commands say what to use instead."""

from matchnotes.cli import run
from matchnotes.db.database import open_database


def test_the_demo_is_written_to_the_server_not_to_a_file(
    empty_server_db, tmp_path, capsys, monkeypatch
):
    monkeypatch.chdir(tmp_path)  # a file named after the URL would land here
    assert run(["demo", "--db", empty_server_db]) == 0
    said = capsys.readouterr().out
    assert said.startswith("Demo database written to postgresql")
    assert list(tmp_path.iterdir()) == []
    assert run(["matches", "--json", "--db", empty_server_db]) == 0
    assert '"England"' in capsys.readouterr().out
    assert run(["demo", "--db", empty_server_db]) == 1
    assert "already holds matches" in capsys.readouterr().err


def test_an_up_to_date_server_database_is_not_upgraded_again(empty_server_db):
    first = open_database(empty_server_db)
    first.close()
    assert first.report.created and first.report.upgraded_from is None
    again = open_database(empty_server_db)
    again.close()
    assert not again.report.created and again.report.upgraded_from is None


def test_check_and_backups_on_a_server_say_what_to_use(empty_server_db, capsys):
    for command in ("check", "backups"):  # backup writes its JSON: test_cli_server_backup
        assert run([command, "--db", empty_server_db]) == 1
        err = capsys.readouterr().err
        assert "is a database server" in err and "pg_amcheck" in err
        assert "@127.0.0.1" in err

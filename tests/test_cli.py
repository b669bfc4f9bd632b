"""The headless commands, as a script or a user runs them."""

import io
import json
import subprocess
import sys

import pytest

from matchnotes import __version__
from matchnotes.cli import run


@pytest.fixture
def demo_db(db_target):
    """The demo, written by the command: a new SQLite file or an empty server database."""
    assert run(["demo", "--db", db_target]) == 0
    return db_target


def test_demo_then_matches_lists_england_france(demo_db, capsys):
    capsys.readouterr()
    assert run(["matches", "--db", str(demo_db)]) == 0
    out = capsys.readouterr().out
    assert "England 1–2 France" in out and "Quarter-final" in out


def test_db_option_also_works_before_the_command(demo_db, capsys):
    capsys.readouterr()
    assert run(["--db", str(demo_db), "matches", "--json"]) == 0
    (match,) = json.loads(capsys.readouterr().out)["matches"]
    assert match["score"] == {"home": 1, "away": 2}
    assert match["stage"] == "Quarter-final" and match["competition"] == "FIFA World Cup"


def test_show_prints_the_story(demo_db, capsys):
    capsys.readouterr()
    assert run(["show", "1", "--db", str(demo_db)]) == 0
    out = capsys.readouterr().out
    assert "Penalty goal     England       Harry Kane" in out
    assert "54'" in out and "84'" in out and "over the bar" in out
    assert "Gareth is a really special person" in out and "— Gareth Southgate" in out
    assert "9 Harry Kane (c)" in out and "1 Hugo Lloris (c)" in out


def test_show_json_has_moments_with_running_score(demo_db, capsys):
    capsys.readouterr()
    assert run(["show", "1", "--json", "--db", str(demo_db)]) == 0
    data = json.loads(capsys.readouterr().out)
    kane = [m for m in data["moments"] if m["player"] == "Harry Kane"]
    assert [(m["minute"], m["kind"], m["score_after"]) for m in kane] == [
        ("54'", "penalty_goal", {"home": 1, "away": 1}),
        ("84'", "penalty_missed", {"home": 1, "away": 2}),
    ]
    assert kane[1]["description"] == "over the bar"
    assert {q["speaker"] for q in data["quotes"]} == {"Harry Kane", "Gareth Southgate"}
    assert len(data["lineups"]["home"]) == 20 and data["venue"] == "Al Bayt Stadium"


def test_errors_are_one_line_on_stderr_with_nonzero_exit(tmp_path, demo_db, capsys):
    assert run(["show", "99", "--db", str(demo_db)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("matchnotes: There is no match with id 99") and "Traceback" not in err
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    assert run(["matches", "--db", str(text)]) == 1
    assert "not a SQLite file" in capsys.readouterr().err
    assert run(["demo", "--db", str(demo_db)]) == 1
    err = capsys.readouterr().err
    assert "already exists" in err or "already holds matches" in err


def test_empty_database_says_what_to_do(tmp_path, capsys):
    from matchnotes.db.database import open_database

    open_database(tmp_path / "new.sqlite").close()
    assert run(["matches", "--db", str(tmp_path / "new.sqlite")]) == 0
    assert "No matches yet" in capsys.readouterr().out


def test_matchnotes_db_environment_variable(demo_db, capsys, monkeypatch):
    monkeypatch.setenv("MATCHNOTES_DB", str(demo_db))
    capsys.readouterr()
    assert run(["matches"]) == 0
    assert "England 1–2 France" in capsys.readouterr().out


def test_python_dash_m_version_and_show_in_a_real_process(demo_db):
    version = subprocess.run(
        [sys.executable, "-m", "matchnotes", "--version"], capture_output=True, text=True
    )
    assert version.returncode == 0 and version.stdout.strip() == f"MatchNotes {__version__}"
    shown = subprocess.run(
        [sys.executable, "-m", "matchnotes", "show", "1", "--db", str(demo_db)],
        capture_output=True, text=True,
    )  # fmt: skip
    assert shown.returncode == 0 and "England 1–2 France" in shown.stdout


def test_log_records_a_line_and_refuses_a_bad_one(demo_db, capsys):
    capsys.readouterr()
    assert run(["log", "--db", str(demo_db), "--match", "1", "--dry-run", "90+4 yc Rice"]) == 0
    assert capsys.readouterr().out.startswith("Would save: 90+4' · Yellow card · England")
    assert run(["log", "--db", str(demo_db), "--match", "1", "--json", "90+4 yc Rice"]) == 0
    saved = json.loads(capsys.readouterr().out)
    assert saved["saved"] is True and saved["moment_id"] > 0
    assert run(["log", "--db", str(demo_db), "--match", "1", "47 yc Rice"]) == 0  # 2nd half
    assert run(["log", "--db", str(demo_db), "--match", "1", "yc Nobody"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("matchnotes: ") and "Traceback" not in err
    assert run(["show", "1", "--json", "--db", str(demo_db)]) == 0
    moments = json.loads(capsys.readouterr().out)["moments"]
    assert [m["minute"] for m in moments if m["player"] == "Declan Rice"] == ["47'", "90+4'"]


def test_import_then_export_headless(tmp_path, db_target, capsys):
    from tests.io import WORLDCUP_JSON

    db = db_target
    assert run(["import", str(WORLDCUP_JSON), "--db", str(db), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["added"] == 64
    assert run(["import", str(WORLDCUP_JSON), "--db", str(db)]) == 0  # again: no duplicates
    assert "0 matches added, 0 updated, 64 unchanged" in capsys.readouterr().out
    out = tmp_path / "final.md"
    assert run(["export", "md", "--match", "64", "--db", str(db), "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "Argentina" in text and "France" in text
    season = tmp_path / "season.csv"
    args = ["export", "csv", "--season", "--year", "2022", "--db", str(db), "-o", str(season)]
    assert run(args) == 0
    assert len(season.read_text(encoding="utf-8").splitlines()) == 65  # header + 64 matches
    assert run(["import", str(tmp_path / "missing.json"), "--db", str(db)]) == 1
    assert "missing.json" in capsys.readouterr().err


@pytest.mark.sqlite_only  # backups of a file; a server's are JSON
def test_backup_list_check_restore_and_search(demo_db, capsys):
    db = ["--db", str(demo_db)]
    assert run(["backup", *db]) == 0
    assert "Backed up 1 match to" in capsys.readouterr().out
    assert run(["backups", "--json", *db]) == 0
    (made,) = json.loads(capsys.readouterr().out)
    assert made["reason"] == "manual" and made["matches"] == 1
    assert run(["check", *db]) == 0
    assert "no problems found" in capsys.readouterr().out
    assert run(["log", "--match", "1", "90+5 yc Rice", *db]) == 0
    assert run(["restore", made["path"], *db]) == 0
    assert "before-restore" in capsys.readouterr().out
    assert run(["show", "1", "--json", *db]) == 0
    moments = json.loads(capsys.readouterr().out)["moments"]
    assert "90+5'" not in [m["minute"] for m in moments]  # the backup's state is back
    assert run(["search", '"over the bar"', "--json", *db]) == 0
    (hit,) = json.loads(capsys.readouterr().out)
    assert hit["kind"] == "moment" and hit["title"].startswith("84'")
    assert run(["search", "NOT kane", *db]) == 1
    assert "add a word" in capsys.readouterr().err


def test_lineup_replaces_a_team_from_a_file_or_stdin(demo_db, tmp_path, capsys, monkeypatch):
    sheet = tmp_path / "france.txt"
    sheet.write_text("1 Hugo Lloris (c) GK\n10 kylian mbappe FW\nSubstitutes:\n"
                     "25 Eduardo Camavinga MF\nManager: Didier Deschamps\n", "utf-8")  # fmt: skip
    capsys.readouterr()
    assert run(["lineup", "1", "--team", "france", "--file", str(sheet), "--db", str(demo_db)]) == 0
    assert capsys.readouterr().out == (
        "Saved France's line-up: 2 starting, 1 substitutes, 1 manager(s); 1 new people.\n"
    )
    assert run(["show", "1", "--json", "--db", str(demo_db)]) == 0
    away = json.loads(capsys.readouterr().out)["lineups"]["away"]
    assert [(e["shirt_number"], e["name"], e["role"]) for e in away] == [
        (1, "Hugo Lloris", "starter"), (10, "Kylian Mbappé", "starter"),
        (25, "Eduardo Camavinga", "substitute"), (None, "Didier Deschamps", "manager"),
    ]  # fmt: skip

    monkeypatch.setattr(sys, "stdin", io.StringIO("1 Jordan Pickford GK\n"))
    assert run(["lineup", "1", "--team", "home", "--dry-run", "--db", str(demo_db)]) == 0
    assert capsys.readouterr().out.startswith("Would save England's line-up: 1 starting")


def test_lineup_refuses_bad_lines_and_unknown_teams_saving_nothing(demo_db, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("1 Jordan Pickford GK\n1 Nick Pope\n"))
    assert run(["lineup", "1", "--team", "England", "--db", str(demo_db)]) == 1
    assert capsys.readouterr().err == (
        "matchnotes: Line 2: #1 is worn by Jordan Pickford (line 1); change one of the numbers.\n"
    )
    monkeypatch.setattr(sys, "stdin", io.StringIO("9 Harry Kane\n"))
    assert run(["lineup", "1", "--team", "France", "--db", str(demo_db)]) == 1
    assert "Line 1: Harry Kane is in England's line-up" in capsys.readouterr().err
    assert run(["lineup", "1", "--team", "Wales", "--db", str(demo_db)]) == 1
    assert "Wales does not play in match 1 (England v France)" in capsys.readouterr().err
    assert run(["show", "1", "--json", "--db", str(demo_db)]) == 0
    assert len(json.loads(capsys.readouterr().out)["lineups"]["home"]) == 20

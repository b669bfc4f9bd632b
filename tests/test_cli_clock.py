"""`matchnotes log` and the clock: a finished match is not set going by a stray marker."""

import json

from matchnotes.cli import run


def test_a_marker_on_a_finished_match_is_refused_until_reopened(db_target, capsys):
    db = db_target
    assert run(["demo", "--db", db]) == 0  # the demo match is finished
    capsys.readouterr()
    assert run(["log", "--db", db, "--match", "1", "HT"]) == 1
    err = capsys.readouterr().err
    assert "The match is finished. Reopen it with" in err and "--reopen" in err
    assert run(["log", "--db", db, "--match", "1", "--reopen", "--dry-run", "KO"]) == 0
    capsys.readouterr()
    assert run(["show", "1", "--json", "--db", db]) == 0
    assert json.loads(capsys.readouterr().out)["status"] == "finished"  # a dry run saves nothing
    assert run(["log", "--db", db, "--match", "1", "--reopen", "KO"]) == 0
    capsys.readouterr()
    assert run(["show", "1", "--json", "--db", db]) == 0
    assert json.loads(capsys.readouterr().out)["status"] == "live"

"""`quote add --speaker` names a person as a quick-entry line does (the same code:
entry/names.find_speaker over services/roster.py), not by exact name."""

import json

from matchnotes.cli import make_demo_database, run


def quote(db, speaker, *more):
    return run(["quote", "add", "--match", "1", "--speaker", speaker, *more, "--db", str(db)])


def people(db, capsys):
    capsys.readouterr()
    assert run(["show", "1", "--json", "--db", str(db)]) == 0
    data = json.loads(capsys.readouterr().out)
    return data, {e["name"] for side in data["lineups"].values() for e in side}


def test_a_surname_is_the_player_of_the_line_up(tmp_path, capsys):
    db = make_demo_database(tmp_path / "demo.sqlite")
    assert quote(db, "Kane", "We gave everything.", "--json") == 0
    said = json.loads(capsys.readouterr().out)
    assert said["speaker"] == "Harry Kane"  # not a new person called "Kane"
    assert quote(db, "southgat", "Proud of them.", "--context", "press-conference") == 0
    data, _ = people(db, capsys)
    speakers = [(q["speaker"], q["context"]) for q in data["quotes"]]
    assert ("Gareth Southgate", "press_conference") in speakers
    assert all(name != "Kane" for name, _ in speakers)


def test_an_unknown_name_is_refused_and_a_quoted_one_is_new(tmp_path, capsys):
    db = make_demo_database(tmp_path / "demo.sqlite")
    data, _ = people(db, capsys)
    before = len(data["quotes"])
    assert quote(db, "Zinedine Zidane", "Nothing.") == 1
    err = capsys.readouterr().err
    assert "Zinedine Zidane" in err and "quotes" in err  # says how to add a new person
    data, _ = people(db, capsys)
    assert len(data["quotes"]) == before
    assert quote(db, '"Jane Doe"', "We go again.", "--context", "mixed-zone", "--json") == 0
    said = json.loads(capsys.readouterr().out)
    assert (said["speaker"], said["context"]) == ("Jane Doe", "mixed_zone")

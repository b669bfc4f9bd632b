"""Malformed files: a clear message (file, line or JSON path, problem) and no change at all."""

import json

import pytest

from matchnotes.db.database import open_database
from matchnotes.demo import load_demo
from matchnotes.errors import ValidationError
from matchnotes.io import ImportFileError
from matchnotes.services import Services
from matchnotes.services.inputs import PersonInput
from tests.io import WORLDCUP_JSON, db_digest, importer

WORLDCUP = json.loads(WORLDCUP_JSON.read_text(encoding="utf-8"))


def _json(doc) -> bytes:
    return json.dumps(doc, ensure_ascii=False).encode()


def _with_bad_minute() -> bytes:
    doc = json.loads(json.dumps(WORLDCUP))
    doc["matches"][12]["goals1"] = [{"name": "Someone", "minute": "45+2"}]
    return _json(doc)


MALFORMED = {
    "truncated JSON": (
        "worldcup-2022.json",
        WORLDCUP_JSON.read_bytes()[:20000],
        ["worldcup-2022.json, line ", "truncated"],
    ),
    "a string where a minute belongs": (
        "worldcup-2022.json",
        _with_bad_minute(),
        ["matches[12].goals1[0].minute", "whole number", "45+2"],
    ),
    "a minute out of range": (
        "cup.json",
        b'{"matches": [{"date": "2024-01-01", "team1": "A", "team2": "B", '
        b'"goals1": [{"name": "X", "minute": 30, "offset": 2}]}]}',
        ["cup.json, matches[0].goals1[0].minute", "write 45+2"],
    ),
    "a binary file": ("photo.json", bytes(range(256)) * 4, ["photo.json", "not a text file"]),
    "a database file": ("notes.json", b"SQLite format 3\x00" + b"\x01" * 200, ["database file"]),
    "not UTF-8": ("cup.csv", "date,home,away\n2024-01-01,Köln,B\n".encode("latin-1"), ["line 2"]),
    "an unknown format": ("notes.txt", b"Dear diary,\nwhat a match.\n", ["not in a format"]),
    "an unknown JSON format": ("x.json", b'{"format": "other", "rows": []}', ["unknown format"]),
    "an unknown format version": (
        "backup.json",
        b'{"format": "matchnotes", "version": 2, "tables": {}}',
        ["backup.json, version", "newer MatchNotes", "version 2"],
    ),
    "a CSV with a missing column": (
        "fixtures.csv",
        b"date,home,home_score,away_score\n2024-05-01,A,1,0\n",
        ["fixtures.csv, line 1", "“away” is missing"],
    ),
    "a CSV with a bad row": (
        "fixtures.csv",
        b"date,home,away\n2024-05-01,A,B\n2024-13-01,C,D\n",
        ["fixtures.csv, line 3", "2024-13-01", "not a date"],
    ),
    "a Football.TXT with a bad line-up": (
        "cup.txt",
        b"= Cup 2022\nSun Nov 20 19:00 @ Stadium, City\n  A v B  1-0\n     (X 5')\n\n"
        b"A: Keeper - Back [Q 5'] - Forward\n",
        ["cup.txt, line 6", "[Q 5']"],
    ),
    "squads with a bad line": (
        "squads.txt",
        b"= Cup 2022\n== A\n  1, Keeper, GK, b. 1990/01/01\n  two, Back, DF\n",
        ["squads.txt, line 4"],
    ),
}


@pytest.mark.parametrize("case", MALFORMED, ids=list(MALFORMED))
def test_a_malformed_file_is_refused_and_the_database_is_untouched(db_path, case):
    name, data, expected = MALFORMED[case]
    database = open_database(db_path)
    load_demo(Services.create(database.engine))
    before = db_digest(database)

    database = open_database(db_path)
    with pytest.raises(ImportFileError) as caught:
        importer(database).import_bytes(data, name)
    after = db_digest(database)

    assert isinstance(caught.value, ValidationError)
    message = str(caught.value)
    assert message.startswith(name)
    for part in expected:
        assert part in message
    assert after == before


def test_a_failure_while_writing_rolls_everything_back(db_path):
    database = open_database(db_path)
    services = Services.create(database.engine)
    load_demo(services)
    for _ in range(2):  # two people of that name, neither linked to a team: ambiguous
        services.people.create(PersonInput("Lionel Messi"))
    before = db_digest(database)

    database = open_database(db_path)
    with pytest.raises(ImportFileError, match=r"worldcup-2022\.json, matches\[\d+\]: 2 people"):
        importer(database).import_file(WORLDCUP_JSON)
    assert db_digest(database) == before


def test_bad_matches_can_be_skipped_and_are_each_reported(database, services):
    services.people.create(PersonInput("Lionel Messi"))
    services.people.create(PersonInput("Lionel Messi"))
    doc = json.loads(_with_bad_minute())
    summary = importer(database).import_bytes(_json(doc), "wc.json", skip_errors=True)
    skipped = {p.where: p.message for p in summary.skipped}
    assert "matches[12].goals1[0].minute" in skipped
    messi = {w for w, m in skipped.items() if "2 people are called “Lionel Messi”" in m}
    # matches[12] (Argentina v Saudi Arabia) fails first, for its minute
    expected = {f"matches[{i}]" for i in _matches_with_goals_of("Lionel Messi")} - {"matches[12]"}
    assert messi == expected and len(messi) == 5
    assert summary.added == 64 - 6 == len(services.matches.list_matches())
    assert summary.to_dict()["skipped"] == 6
    assert "skipped matches[12].goals1[0].minute" in str(summary)


def _matches_with_goals_of(name: str) -> list[int]:
    return [
        i
        for i, m in enumerate(WORLDCUP["matches"])
        if any(g["name"] == name for g in m.get("goals1", []) + m.get("goals2", []))
    ]


def test_an_unknown_format_name_is_refused(database):
    with pytest.raises(ImportFileError, match="unknown format “xml”"):
        importer(database).import_file(WORLDCUP_JSON, format="xml")


def test_a_missing_file_is_refused(database, tmp_path):
    with pytest.raises(ImportFileError, match=r"missing\.json: cannot be read"):
        importer(database).import_file(tmp_path / "missing.json")

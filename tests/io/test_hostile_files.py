"""Files built to break an importer (issue 14, items 6 and 7): each is refused with the
file, the place and the problem, or imported under the same rules as the forms."""

from __future__ import annotations

import json

import pytest

from matchnotes.db.database import open_database
from matchnotes.io import ImportFileError
from matchnotes.services import Services
from tests.io import db_digest, importer


def native(tables: dict) -> bytes:
    return json.dumps({"format": "matchnotes", "version": 1, "tables": tables}).encode()


TEAMS = [{"id": 1, "name": "Qatar"}, {"id": 2, "name": "Ecuador"}]
MATCH = {"id": 1, "date": "2022-11-20", "home_team_id": 1, "away_team_id": 2}


def with_quote(text: str) -> bytes:
    quote = {"id": 1, "match_id": 1, "speaker_id": 1, "text": text}
    return native(
        {"team": TEAMS, "person": [{"id": 1, "name": "Félix Sánchez"}], "match": [MATCH],
         "quote": [quote]}
    )  # fmt: skip


REFUSED = {
    "JSON nested 100,000 deep": (
        "deep.json",
        b"[" * 100_000 + b"]" * 100_000,
        ["deep.json, line 1, column ", "nested too deeply"],
    ),
    "a number of 5,000 digits": (
        "cup.json",
        b'{"matches": [{"date": "2024-01-01", "attendance": ' + b"9" * 5000 + b"}]}",
        ["cup.json, line 1", "number", "too long"],
    ),
    "a CSV field over 128 KiB": (
        "big.csv",
        b"date,home,away\n2024-05-01,A,B\n2024-05-02,C," + b"D" * 140_000 + b"\n",
        ["big.csv, line 3", "longer than"],
    ),
    "an integer beyond 64 bits": (
        "backup.json",
        native({"person": [{"id": 1, "name": "Big", "shirt_number": 2**70}]}),
        ["backup.json, tables.person[0].shirt_number", "too large"],
    ),
    "a lone surrogate in a JSON string": (
        "backup.json",
        b'{"format": "matchnotes", "version": 1, "tables": {"team": '
        b'[{"id": 1, "name": "Qa\\ud800tar"}]}}',
        ["backup.json, tables.team[0].name", "not a character", "\\ud800"],
    ),
    "a lone surrogate in openfootball JSON": (
        "cup.json",
        b'{"matches": [{"date": "2024-01-01", "team1": "A\\udfff", "team2": "B"}]}',
        ["cup.json, matches[0].team1", "not a character"],
    ),
    "a 1,000,000-character quote": (
        "backup.json",
        with_quote("blah " * 200_000),
        ["backup.json, tables.quote[0].text", "at most 10000 characters"],
    ),
    "an empty quote": (
        "backup.json",
        with_quote("   "),
        ["backup.json, tables.quote[0].text", "words that were said"],
    ),
    "a team name of 300 characters": (
        "backup.json",
        native({"team": [{"id": 1, "name": "Q" * 300}]}),
        ["backup.json, tables.team[0].name", "too long"],
    ),
    "a shirt number the form refuses": (
        "backup.json",
        native({"person": [{"id": 1, "name": "Someone", "shirt_number": 120}]}),
        ["backup.json, tables.person[0].shirt_number", "0 to 99"],
    ),
    "a rating the form refuses": (
        "backup.json",
        native({"team": TEAMS, "match": [{**MATCH, "rating": 11}]}),
        ["backup.json, tables.match[0]", "rating is from 0 to 10"],
    ),
    "a CSV score the form refuses": (
        "fixtures.csv",
        b"date,home,away,home_score,away_score\n2024-05-01,A,B,300,0\n",
        ["fixtures.csv, line 2", "300–0 is not possible"],
    ),
    "a CSV date of birth the form refuses": (
        "people.csv",
        b"name,date_of_birth\nOld Man,1700-01-01\n",
        ["people.csv, line 2", "not a plausible date of birth"],
    ),
    "a CSV name of 300 characters": (
        "people.csv",
        b"name,role\n" + b"N" * 300 + b",player\n",
        ["people.csv, line 2", "too long"],
    ),
}


@pytest.mark.parametrize("case", REFUSED, ids=list(REFUSED))
def test_a_hostile_file_is_refused_with_its_place(db_path, case):
    name, data, expected = REFUSED[case]
    database = open_database(db_path)
    before = db_digest(database)
    database = open_database(db_path)
    with pytest.raises(ImportFileError) as caught:
        importer(database).import_bytes(data, name)
    message = str(caught.value)
    for part in expected:
        assert part in message
    assert db_digest(database) == before


def test_a_csv_with_old_mac_line_ends_imports(database, services: Services):
    data = b"date,home,away,home_score,away_score\r2024-05-01,A,B,1,0\r2024-05-02,C,D,2,2\r"
    summary = importer(database).import_bytes(data, "mac.csv")
    assert summary.tally("matches").added == 2
    assert {(m.home, str(m.score), m.away) for m in services.matches.list_matches()} == {
        ("A", "1–0", "B"),
        ("C", "2–2", "D"),
    }


@pytest.mark.parametrize(
    "spelling", ["Qa\x00tar", "  Qatar ", "Qa\u200btar", "Qatar\x07", "Q\u00adatar"]
)
def test_a_name_with_invisible_characters_is_the_same_team(database, services, spelling):
    """A NUL or a space inside a name made a second "Qatar": names are cleaned as the
    forms clean them, so the file's Qatar is the Qatar already there."""
    services.catalog.ensure_team("Qatar")
    doc = native({"team": [{"id": 1, "name": spelling}, {"id": 2, "name": "Ecuador"}],
                  "match": [MATCH]})  # fmt: skip
    importer(database).import_bytes(doc, "backup.json")
    csv = f"date,home,away\n2022-11-21,{spelling},Senegal\n".encode()
    if "\x00" in spelling:  # a text file with a NUL is refused as binary data
        with pytest.raises(ImportFileError, match=r"cup\.csv: is not a text file"):
            importer(database).import_bytes(csv, "cup.csv")
        csv = csv.replace(b"\x00", b"")
    importer(database).import_bytes(csv, "cup.csv")
    assert sorted(t.name for t in services.catalog.teams()) == ["Ecuador", "Qatar", "Senegal"]


def test_imported_text_is_cleaned_as_the_forms_clean_it(database, services):
    doc = native({"team": [{"id": 1, "name": "Qatar", "country": "  Qa\x00tar "},
                           {"id": 2, "name": "Ecuador"}], "match": [MATCH]})  # fmt: skip
    importer(database).import_bytes(doc, "backup.json")
    assert {t.name: t.country for t in services.catalog.teams()}["Qatar"] == "Qatar"

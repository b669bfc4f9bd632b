"""MatchNotes JSON carries the two clocks of a live line; files without them still import."""

import json

import pytest

from matchnotes.db.database import open_database
from matchnotes.enums import MatchStatus
from matchnotes.io import ImportFileError
from matchnotes.services import Services
from matchnotes.services.imports import ImportService
from tests.fake_time import FakeTime, on_time


@pytest.fixture
def second(tmp_path):
    database = open_database(tmp_path / "second.sqlite")
    yield database
    database.close()


@pytest.fixture
def logged_live(services, make_match, make_player):
    """A match with a clock-timed line and a typed one, logged live."""
    time = FakeTime()
    live = on_time(services, time)
    match_id = make_match("England", "France", status=MatchStatus.SCHEDULED)
    make_player(match_id, "England", "Declan Rice", 4)
    live.quick_entry.record(match_id, "KO")
    time.at(16.5)
    live.quick_entry.record(match_id, "yc Rice timed", live.clock.minute(match_id))
    live.quick_entry.record(match_id, "12 chance Rice typed", live.clock.minute(match_id))
    return match_id


def _moment_rows(doc):
    return {row["description"]: row for row in doc["tables"]["moment"]}


def test_the_two_clocks_round_trip(database, logged_live, second):
    doc = ImportService(database.engine).export_data(logged_live)
    rows = _moment_rows(doc)
    assert rows["timed"]["logged_at"] == "2022-12-10T19:16:30+00:00"
    assert rows["timed"]["clock_seconds"] == 990
    assert rows["typed"]["logged_at"] == "2022-12-10T19:16:30+00:00"
    assert rows["typed"]["clock_seconds"] is None
    ImportService(second.engine).import_bytes(json.dumps(doc).encode(), "match.json")
    assert ImportService(second.engine).export_data() == doc
    moments = Services.create(second.engine).moments.moments(1)
    assert {m.description: m.clock_timed for m in moments} == {"timed": True, "typed": False}


def test_a_file_without_the_new_fields_imports(database, logged_live, second):
    doc = ImportService(database.engine).export_data(logged_live)
    for row in doc["tables"]["moment"]:
        del row["logged_at"], row["clock_seconds"]  # as a file from before schema 0005
    ImportService(second.engine).import_bytes(json.dumps(doc).encode(), "old.json")
    moments = Services.create(second.engine).moments.moments(1)
    assert [(str(m.minute), m.logged_at, m.clock_timed) for m in moments] == [
        ("12'", None, False),
        ("17'", None, False),
    ]


def test_a_bad_value_in_the_new_fields_is_refused_with_its_path(database, logged_live, second):
    doc = ImportService(database.engine).export_data(logged_live)
    doc["tables"]["moment"][0]["clock_seconds"] = "990"
    with pytest.raises(ImportFileError, match=r"moment\[0\]\.clock_seconds"):
        ImportService(second.engine).import_bytes(json.dumps(doc).encode(), "bad.json")

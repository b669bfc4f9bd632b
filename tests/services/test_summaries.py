"""The matches list: one SQL text, run by the service (SQLAlchemy) and by the start-up
peek (sqlite3, read-only). Both must read the same summaries, scores included."""

import datetime as dt
import sqlite3

import pytest

from matchnotes.enums import Attendance, Decision, MomentKind, Period
from matchnotes.minutes import make_minute, parse_minute
from matchnotes.scores import Score
from matchnotes.services.inputs import MomentInput
from matchnotes.services.summaries import peek_newest


def _goal(services, match, player, kind=MomentKind.GOAL, shootout=False):
    minute = make_minute(120, 0, Period.SHOOTOUT) if shootout else parse_minute("10")
    services.moments.log(match, MomentInput(minute, kind, player_id=player))


@pytest.fixture
def archive(services, make_match, make_player, demo_match_id):
    """The demo match plus matches that exercise every scoring rule."""
    own = make_match("Home", "Away", date=dt.date(2024, 5, 2), kickoff_time=dt.time(15, 0))
    _goal(services, own, make_player(own, "Home", "Unlucky Defender"), MomentKind.OWN_GOAL)
    pens = make_match("Argentina", "France", date=dt.date(2022, 12, 18),
                      decided_by=Decision.PENALTIES, competition="FIFA World Cup",
                      fan_attendance=Attendance.WATCHED, rating=10)  # fmt: skip
    messi = make_player(pens, "Argentina", "Lionel Messi", 10)
    _goal(services, pens, messi, MomentKind.PENALTY_GOAL)
    _goal(services, pens, messi, MomentKind.PENALTY_GOAL, shootout=True)
    make_match("Leeds", "Chelsea", date=dt.date(2024, 5, 2), score_override=(3, 2))
    make_match("Old", "Timers", date=dt.date(1966, 7, 30), venue="Wembley")
    return services


def test_the_peek_reads_what_the_service_reads(archive, db_path):
    listed = archive.matches.list_matches()
    assert peek_newest(db_path, 100) == listed
    assert peek_newest(db_path, 2) == listed[:2]
    scores = {m.title: m.score for m in listed}
    assert scores["Home 0–1 Away"] == Score(0, 1)  # an own goal counts for the other side
    assert scores["Argentina 1–0 France"] == Score(1, 0)  # shoot-out kicks do not count
    assert scores["Leeds 3–2 Chelsea"] == Score(3, 2)  # a score typed in by hand
    assert [m.date.year for m in listed] == [2024, 2024, 2022, 2022, 1966]


def test_the_service_reads_some_matches_by_id(archive):
    listed = archive.matches.list_matches()
    assert archive.matches.get_summary(listed[2].id) == listed[2]


def test_the_peek_never_writes(archive, db_path):
    db_path.chmod(0o444)
    try:
        assert len(peek_newest(db_path, 10)) == 5
    finally:
        db_path.chmod(0o644)


def test_the_peek_of_a_file_that_is_not_a_database_raises_a_sqlite_error(tmp_path):
    path = tmp_path / "junk.sqlite"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    with pytest.raises(sqlite3.Error):
        peek_newest(path, 10)

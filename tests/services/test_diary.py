"""The fan's diary in SQL: only matches seen; marking one is one undoable change;
finding a match in the archive by teams and date."""

import datetime as dt

import pytest

from matchnotes.enums import Attendance
from matchnotes.errors import NotFoundError, ValidationError


def test_the_diary_holds_only_matches_marked_seen(services, make_match):
    seen = make_match("Leeds United", "Chelsea", date=dt.date(2023, 3, 4),
                      fan_attendance=Attendance.ATTENDED)  # fmt: skip
    archive = [make_match(f"Team {n}", f"Club {n}", date=dt.date(2022, 11, 20 + n))
               for n in range(5)]  # fmt: skip
    assert [m.id for m in services.diary.entries()] == [seen]

    services.diary.set_seen(archive[2], Attendance.WATCHED, "  The  Crown ", 8)
    entries = services.diary.entries()
    assert [m.id for m in entries] == [seen, archive[2]]  # newest first
    assert entries[1].fan_attendance is Attendance.WATCHED and entries[1].rating == 8
    assert services.diary.entry(archive[2])[1] == "The Crown"


def test_marking_a_match_is_one_change_undone_by_one_undo(services, make_match):
    match_id = make_match("England", "France", date=dt.date(2022, 12, 10))
    services.diary.set_seen(match_id, Attendance.WATCHED, "at home", 9)
    assert services.history.next_undo().summary == "Marked England v France as watched"
    services.history.undo()
    summary, where = services.diary.entry(match_id)
    assert (summary.fan_attendance, summary.rating, where) == (Attendance.NONE, None, None)
    assert services.diary.entries() == []


def test_not_seen_takes_the_match_out_with_its_rating(services, make_match):
    match_id = make_match(fan_attendance=Attendance.WATCHED, watched_where="pub", rating=6)
    services.diary.set_seen(match_id, Attendance.ATTENDED, "pub", 7)
    assert services.diary.entry(match_id)[1] is None  # where: only for a match watched
    services.diary.set_seen(match_id, Attendance.NONE, None, 7)
    summary, where = services.diary.entry(match_id)
    assert (summary.fan_attendance, summary.rating, where) == (Attendance.NONE, None, None)


def test_bad_marks_are_refused_with_what_to_do(services, make_match):
    match_id = make_match()
    with pytest.raises(ValidationError, match="0 to 10"):
        services.diary.set_seen(match_id, Attendance.WATCHED, None, 11)
    with pytest.raises(ValidationError, match="at most 200"):
        services.diary.set_seen(match_id, Attendance.WATCHED, "x" * 201, None)
    with pytest.raises(NotFoundError):
        services.diary.set_seen(match_id + 99, Attendance.WATCHED, None, None)


def test_candidates_by_teams_either_way_round_and_date_give_or_take(services, make_match):
    final = make_match("Argentina", "France", date=dt.date(2022, 12, 18))
    make_match("Argentina", "Saudi Arabia", date=dt.date(2022, 11, 22))
    third = make_match("Croatia", "Morocco", date=dt.date(2022, 12, 17))
    found = services.diary.candidates("france", "ARGENT", dt.date(2022, 12, 16), 3)
    assert [m.id for m in found] == [final]
    near = services.diary.candidates("", "", dt.date(2022, 12, 18), 1)
    assert [m.id for m in near] == [final, third]  # nearest date first
    assert [m.date for m in services.diary.candidates("argentina", "", None, 3)] == [
        dt.date(2022, 12, 18), dt.date(2022, 11, 22)]  # fmt: skip
    assert services.diary.candidates("Argentina", "France", dt.date(2022, 12, 1), 3) == []
    assert services.diary.candidates("100%_", "", None, 3) == []  # wildcards are letters
    with pytest.raises(ValidationError, match="Name a team or give a date"):
        services.diary.candidates(" ", "", None, 3)

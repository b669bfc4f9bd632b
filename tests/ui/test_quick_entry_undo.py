"""Ctrl+Z typed in the quick-entry line: the line's own typing first, then the lines it
saved, with all they made (people, line-up entries). Keys go to the focused line."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from matchnotes.services.inputs import MatchInput
from tests.ui.keys import CTRL, SHIFT
from tests.ui.pages import pages_read
from tests.ui.quick_entry_helpers import argentina_france, open_quick_entry, press, saved, type_keys


@pytest.fixture
def match_id(services, make_player):
    return argentina_france(services, make_player)


@pytest.fixture
def page(qtbot, window, match_id):
    return open_quick_entry(qtbot, window, match_id)


def _log(qtbot, page, text):
    type_keys(qtbot, text)
    press(qtbot, Qt.Key.Key_Return)
    assert page.quick_entry.line.text() == "", page.quick_entry.preview.text()
    pages_read(qtbot)  # a line that is not added in place: the page is read again


def _lineup(services, match_id):
    return sorted((e.team, e.name, e.role.value) for e in services.lineups.lineup(match_id))


def test_ctrl_z_after_a_saved_line_undoes_it_and_ctrl_shift_z_redoes_it(
    qtbot, page, services, match_id
):
    _log(qtbot, page, "60 goal Di Maria")
    _log(qtbot, page, "75 yc Mbappe")
    press(qtbot, Qt.Key.Key_Z, CTRL)  # the box is empty: the last saved line goes
    pages_read(qtbot)  # the page is read again on a worker
    assert [m[2] for m in saved(services, match_id)] == ["Ángel Di María"]
    assert page.moments.model().rowCount() == 1
    press(qtbot, Qt.Key.Key_Z, CTRL | SHIFT)
    pages_read(qtbot)  # the page is read again on a worker
    assert [m[2] for m in saved(services, match_id)] == ["Ángel Di María", "Kylian Mbappé"]

    type_keys(qtbot, "80 yc Messi")  # typing in the box: Ctrl+Z takes the typing back first
    press(qtbot, Qt.Key.Key_Z, CTRL)
    pages_read(qtbot)  # the page is read again on a worker
    assert page.quick_entry.line.text() == ""
    assert len(saved(services, match_id)) == 2
    press(qtbot, Qt.Key.Key_Z, CTRL)  # nothing typed left to undo: now the saved line
    pages_read(qtbot)  # the page is read again on a worker
    assert len(saved(services, match_id)) == 1


def test_undo_removes_whom_the_line_added_to_the_line_up_and_redo_puts_them_back(
    qtbot, window, services, match_id, make_player
):
    # Dybala played Argentina's previous match; this line-up does not have him.
    earlier = services.matches.create_match(
        MatchInput(home="Argentina", away="Croatia", date=dt.date(2022, 12, 13))
    )
    make_player(earlier, "Argentina", "Paulo Dybala", 21)
    page = open_quick_entry(qtbot, window, match_id)
    before = _lineup(services, match_id)
    shown = page.home_lineup.model().rowCount  # Argentina's line-up on the page

    _log(qtbot, page, "70 sub Dybala for Di Maria")
    dybala = ("Argentina", "Paulo Dybala", "substitute")
    assert _lineup(services, match_id) == sorted([*before, dybala])
    _log(qtbot, page, '80 sub "Thiago Almada" for Messi')  # someone new, typed in quotes
    almada = ("Argentina", "Thiago Almada", "substitute")
    assert _lineup(services, match_id) == sorted([*before, dybala, almada])
    assert shown() == 9

    press(qtbot, Qt.Key.Key_Z, CTRL)
    pages_read(qtbot)  # the page is read again on a worker
    assert [m[2] for m in saved(services, match_id)] == ["Paulo Dybala"]
    assert services.people.find("Almada") == []  # the line made him: he goes with it
    press(qtbot, Qt.Key.Key_Z, CTRL)
    pages_read(qtbot)  # the page is read again on a worker
    assert saved(services, match_id) == []
    assert _lineup(services, match_id) == before and shown() == 7
    assert [p.name for p in services.people.find("Dybala")] == ["Paulo Dybala"]  # not made here

    press(qtbot, Qt.Key.Key_Z, CTRL | SHIFT)
    pages_read(qtbot)  # the page is read again on a worker
    press(qtbot, Qt.Key.Key_Z, CTRL | SHIFT)
    pages_read(qtbot)  # the page is read again on a worker
    assert _lineup(services, match_id) == sorted([*before, dybala, almada])
    assert [m[2:4] for m in saved(services, match_id)] == [
        ("Paulo Dybala", "Ángel Di María"),
        ("Thiago Almada", "Lionel Messi"),
    ]
    assert shown() == 9

"""The New match form by keys: saved, selected in the list and opened; dates exactly as
typed (or picked from the calendar), implausible ones flagged in the form."""

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from matchnotes.ui.dialogs.match_dialog import MatchDialog
from matchnotes.ui.views.match_page import MatchPage
from tests.ui.keys import CTRL, closed, key, open_form, type_keys


def test_new_match_typed_straight_away_is_saved_selected_and_opened(qtbot, window, services):
    form = open_form(qtbot, window, Qt.Key.Key_N)
    assert isinstance(form, MatchDialog)
    assert QApplication.focusWidget() is form.home
    type_keys(qtbot, "Morocco")
    key(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, "Portugal")
    key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.date
    type_keys(qtbot, "2022-12-10")  # today's date was selected: the typing replaces it
    key(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, "18:00")
    key(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, "FIFA World Cup")
    key(qtbot, Qt.Key.Key_Return, CTRL)
    closed(qtbot, form)

    saved = [m for m in services.matches.list_matches() if m.home == "Morocco"]
    assert [(m.away, m.date, m.competition) for m in saved] == [
        ("Portugal", dt.date(2022, 12, 10), "FIFA World Cup")
    ]
    page = window.tabs.currentWidget()
    assert isinstance(page, MatchPage) and page.match_id == saved[0].id
    assert window.matches_view.table.current_id() == saved[0].id
    assert services.matches.get_input(saved[0].id).kickoff_time == dt.time(18, 0)


def test_new_match_of_an_old_date_is_selected_below_the_first_screen(
    qtbot, window, services, make_match
):
    for day in range(1, 29):  # more recent matches than the list shows at first
        make_match(f"Home {day}", f"Away {day}", dt.date(2024, 2, day))
    window.refresh()
    form = open_form(qtbot, window, Qt.Key.Key_N)
    type_keys(qtbot, "England")
    key(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, "West Germany")
    key(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, "1966-07-30")
    key(qtbot, Qt.Key.Key_Return)  # Enter in a single-line field submits a valid form
    closed(qtbot, form)
    created = window.actions_.last_created_match
    assert services.matches.get_input(created).date == dt.date(1966, 7, 30)
    assert window.matches_view.table.current_id() == created
    assert window.tabs.currentWidget().match_id == created


def test_a_new_match_hidden_by_the_list_filter_is_shown_all_the_same(
    qtbot, window, services, demo_match_id
):
    window.refresh()
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    type_keys(qtbot, "England")
    assert window.matches_view.table.model().rowCount() == 1
    form = open_form(qtbot, window, Qt.Key.Key_N)
    type_keys(qtbot, "Chile")
    key(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, "Peru")
    key(qtbot, Qt.Key.Key_Return, CTRL)
    closed(qtbot, form)
    created = window.actions_.last_created_match
    assert window.tabs.currentWidget().match_id == created
    assert window.matches_view.filter_edit.text() == ""  # else the new match were hidden
    assert window.matches_view.table.current_id() == created


def _to_date_field(qtbot, window):
    form = open_form(qtbot, window, Qt.Key.Key_N)
    type_keys(qtbot, "Argentina")
    key(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, "France")
    key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.date
    return form


def _retype(qtbot, text):
    key(qtbot, Qt.Key.Key_A, CTRL)
    key(qtbot, Qt.Key.Key_Delete)
    type_keys(qtbot, text)


def test_dates_are_exactly_what_was_typed_and_implausible_ones_are_flagged(qtbot, window):
    form = _to_date_field(qtbot, window)
    type_keys(qtbot, "2022-12-18")
    assert form.date.value() == dt.date(2022, 12, 18) and form.ok_button.isEnabled()
    for typed, says in (
        ("18:00", "Write the match date as YYYY-MM-DD, e.g. 2022-12-18: “18:00” is not one."),
        ("1800-12-18", "1800-12-18 is not plausible for the match date: use a date from 1850"),
        (f"{dt.date.today().year + 5}-01-01", "is not plausible for the match date"),
        ("2022-02-30", "2022-02-30 is not a day of the calendar"),
        ("", "Type the match date as YYYY-MM-DD."),
    ):
        _retype(qtbot, typed)
        assert says in form.error_label.text(), typed
        assert not form.ok_button.isEnabled()
        key(qtbot, Qt.Key.Key_Return)  # refused: the form stays open
        assert form.isVisible() and QApplication.focusWidget() is form.date
    _retype(qtbot, "2022-12-18")
    assert form.error_label.text() == "New team: Argentina, France"
    key(qtbot, Qt.Key.Key_Return)
    closed(qtbot, form)
    page = window.tabs.currentWidget()
    qtbot.waitUntil(page.is_open)
    assert page.detail.summary.date == dt.date(2022, 12, 18)


def test_a_date_picked_from_the_calendar_by_keys(qtbot, window):
    form = _to_date_field(qtbot, window)
    _retype(qtbot, "2022-12-18")
    key(qtbot, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is form.date.calendar)
    key(qtbot, Qt.Key.Key_Escape)  # closes the calendar, the date as it was
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    assert form.isVisible() and form.date.text() == "2022-12-18"
    key(qtbot, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    qtbot.waitUntil(lambda: QApplication.focusWidget().window() is form.date.calendar)
    key(qtbot, Qt.Key.Key_Left)  # a day earlier
    key(qtbot, Qt.Key.Key_Down)  # a week later
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    assert form.date.text() == "2022-12-24" and form.isVisible()
    assert QApplication.focusWidget() is form.date

"""The main window on a real database, driven by keys like a user."""

from PySide6.QtCore import Qt

from matchnotes.ui.main_window import BROWSE_TABS, MainWindow
from matchnotes.ui.views.match_page import MatchPage
from matchnotes.ui.views.person_page import PersonPageView


def _row(table, r=0):
    model = table.model()
    return [model.index(r, c).data() for c in range(model.columnCount())]


def test_lists_the_demo_match(window, demo_match_id, tmp_path):
    window.refresh()
    view = window.matches_view
    assert view.stack.currentWidget() is view.table
    assert view.table.model().rowCount() == 1
    assert _row(view.table)[:6] == [
        "2022-12-10", "FIFA World Cup", "Quarter-final", "England", "1–2", "France",
    ]  # fmt: skip
    assert window.statusBar().currentMessage() == "1 match"


def test_empty_database_shows_what_to_do(window):
    view = window.matches_view
    assert view.stack.currentWidget() is view.empty_label
    assert "No matches yet" in view.empty_label.text()
    assert not view.filter_edit.isEnabled()
    assert window.quotes_view.stack.currentWidget() is window.quotes_view.empty_label


def test_filter_then_enter_opens_the_match_page(qtbot, window, demo_match_id, make_match):
    make_match("Leeds United", "Chelsea", competition="Premier League")
    window.refresh()
    view = window.matches_view
    qtbot.waitUntil(lambda: view.table.model().rowCount() == 2)  # read again on a worker
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(view.filter_edit, "franc")
    assert view.table.model().rowCount() == 1
    view.competition.setCurrentIndex(view.competition.findData("Premier League"))
    assert view.table.model().rowCount() == 0
    view.competition.setCurrentIndex(0)
    view.table.setFocus()
    view.table.setCurrentIndex(view.table.model().index(0, 0))
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    page = window.tabs.currentWidget()
    assert isinstance(page, MatchPage) and page.match_id == demo_match_id
    assert window.tabs.tabText(window.tabs.currentIndex()) == "England 1–2 France"
    assert "Opening…" in page.header.text()  # at once, named from the list's row
    qtbot.waitUntil(page.is_open)  # read on a worker, then filled
    assert "Al Bayt Stadium, Al Khor" in page.header.text()
    home = [_row(page.home_lineup, r)[1] for r in range(page.home_lineup.model().rowCount())]
    assert "Harry Kane (c)" in home
    qtbot.keyClick(window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.count() == len(BROWSE_TABS)


def test_person_page_from_the_people_list(qtbot, window, demo_match_id):
    window.refresh()
    window.tabs.setCurrentWidget(window.people_view)
    people = window.people_view
    qtbot.keyClicks(people.filter_edit, "kane")
    people.table.setFocus()
    people.table.setCurrentIndex(people.table.model().index(0, 0))
    qtbot.keyClick(people.table, Qt.Key.Key_Return)
    page = window.tabs.currentWidget()
    assert isinstance(page, PersonPageView)
    qtbot.waitUntil(lambda: "Harry Kane" in page.header.text())  # read on a worker
    assert _row(page.tallies)[:6] == ["England", "1+?", "1", "53", "1", "1"]
    assert [_row(page.moments, r)[:2] for r in range(2)] == [
        ["2022-12-10 England 1–2 France", "54'"],
        ["2022-12-10 England 1–2 France", "84'"],
    ]
    assert page.quotes.model().rowCount() == 3


def test_dark_theme_toggle_is_remembered(window):
    from PySide6.QtCore import QSettings

    window.dark_action.trigger()
    assert QSettings().value("appearance/theme") == "dark"
    window.dark_action.trigger()
    assert QSettings().value("appearance/theme") == "light"


def test_diary_by_year_and_competition(qtbot, window, demo_match_id, make_match):
    import datetime as dt

    from matchnotes.enums import Attendance

    make_match("Leeds United", "Chelsea", date=dt.date(2023, 3, 4), venue="Elland Road",
               fan_attendance=Attendance.ATTENDED, rating=7)  # fmt: skip
    make_match("Arsenal", "Everton", date=dt.date(2024, 5, 1))  # not seen: not in the diary
    window.refresh()
    diary = window.diary_view
    with qtbot.waitSignal(diary.loaded, timeout=10_000):  # read on a worker
        window.tabs.setCurrentWidget(diary)
    years = [diary.periods.item(i).text() for i in range(diary.periods.count())]
    assert years[:2] == ["2023 — 1 match", "2022 — 1 match"]
    assert "1 attended" in diary.summary.text() and "Elland Road" in diary.summary.text()
    diary.periods.setCurrentRow(1)
    assert diary.table.model().rowCount() == 1 and diary.current_year() == 2022
    assert "watched" in diary.summary.text()


def test_ctrl_k_searches_everything_and_enter_opens_the_match(qtbot, window, demo_match_id):
    window.refresh()
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    view = window.search_view
    assert window.tabs.currentWidget() is view and view.search_edit.hasFocus()
    with qtbot.waitSignal(view.searched, timeout=10_000):
        qtbot.keyClicks(view.search_edit, '"over the bar"')
    qtbot.keyClick(view.search_edit, Qt.Key.Key_Down)
    qtbot.keyClick(view.results_view, Qt.Key.Key_Return)
    page = window.tabs.currentWidget()
    assert isinstance(page, MatchPage) and page.match_id == demo_match_id


def test_a_long_database_path_leaves_the_status_bar_to_the_notices(qtbot, services):
    location = "/home/reporter/.local/share/MatchNotes/matchnotes.sqlite"  # the default file
    win = MainWindow(services, location)
    qtbot.addWidget(win)
    win.resize(1200, 700)
    win.show()
    label = win.db_label
    assert "…" in label.text() and label.text().endswith("matchnotes.sqlite")
    assert label.toolTip() == location and location in win.windowTitle()
    notice = "Upgraded the database from schema 0001. The old file was backed up as " + (
        "matchnotes-20261207-093300-265912-before-upgrade-from-0001.sqlite."
    )
    win.statusBar().showMessage(notice)
    room = win.statusBar().width() - label.width() - 20  # the grip and margins
    assert label.fontMetrics().horizontalAdvance(notice) <= room

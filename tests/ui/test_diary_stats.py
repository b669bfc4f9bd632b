"""The Diary tab's Statistics, as a fan opens them: totals and charts over the matches
seen, a year and a team chosen by keys, On this day opening a match, the diary PDF."""

import datetime as dt

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from matchnotes.ui.views.match_page import MatchPage
from matchnotes.ui.views.person_page import PersonPageView
from tests.reports.test_pdf import pdf_text
from tests.services.test_diary_stats import _diary
from tests.ui.keys import CTRL, modal


def _statistics(qtbot, window):
    window.refresh()
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    diary = window.diary_view
    bar = diary.sections.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    stats = diary.stats
    qtbot.waitUntil(lambda: stats.figures is not None)  # read on a worker
    return stats


def _enter_on(qtbot, stats, tab, widget, starts):
    """Show the list's tab, click its row that starts with ``starts``, press Enter."""
    bar = stats.lists.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(tab).center())
    names = [widget.item(r).text() for r in range(widget.count())]
    row = next(r for r, text in enumerate(names) if text.startswith(starts))
    rect = widget.visualItemRect(widget.item(row))
    qtbot.mouseClick(widget.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)


def test_totals_a_year_and_my_team(qtbot, window, services, demo_match_id):
    _diary(services)
    stats = _statistics(qtbot, window)
    assert "All time: 7 matches seen" in stats.totals.text()
    assert stats.per_year.isVisible() and not stats.team_chart.isVisible()
    assert stats.grounds.item(0).text().startswith("★ Highbury, London — 3 visits")
    stats.period.setFocus()
    qtbot.keyClicks(stats.period, "2020")  # a combo box's keyboard search
    qtbot.waitUntil(lambda: "2020: 5 matches seen" in stats.totals.text())
    stats.team.setFocus()
    qtbot.keyClicks(stats.team, "Arsenal")
    qtbot.waitUntil(lambda: "Arsenal when you were there: 4 played" in stats.totals.text())
    assert stats.team_chart.isVisible()
    assert "Longest run: 3 unbeaten" in stats.totals.text()


def test_a_change_elsewhere_shows_in_the_statistics(qtbot, window, services, demo_match_id):
    stats = _statistics(qtbot, window)
    assert "All time: 1 match seen" in stats.totals.text()
    _diary(services)
    window.refresh()  # what the app does after a change (File ▸ Reload too)
    qtbot.waitUntil(lambda: "All time: 7 matches seen" in stats.totals.text())


def test_on_this_day_opens_the_match_and_the_pdf_is_written(
    qtbot, window, services, demo_match_id, tmp_path
):
    services.diary_stats.today = lambda: dt.date(2026, 6, 1)  # the calendar, not the app
    stats = _statistics(qtbot, window)
    assert stats.on_this_day.count() == 0
    services.diary_stats.today = lambda: dt.date(2026, 12, 10)  # the demo's day, 4 years on
    window.refresh()
    qtbot.waitUntil(lambda: stats.on_this_day.count() == 1)
    qtbot.mouseClick(stats.lists.tabBar(), Qt.MouseButton.LeftButton,
                     pos=stats.lists.tabBar().tabRect(4).center())  # fmt: skip
    stats.on_this_day.setFocus()
    stats.on_this_day.setCurrentRow(0)
    qtbot.keyClick(stats.on_this_day, Qt.Key.Key_Return)
    page = window.tabs.currentWidget()
    assert isinstance(page, MatchPage) and page.match_id == demo_match_id
    window.tabs.setCurrentWidget(window.diary_view)
    qtbot.mouseClick(stats.export, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    chooser = modal(qtbot, QFileDialog)
    out = tmp_path / "my-diary.pdf"
    name = QApplication.focusWidget()
    qtbot.keyClick(name, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(name, str(out))
    qtbot.keyClick(name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not chooser.isVisible())
    box = modal(qtbot, QMessageBox)
    assert str(out) in box.text()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    text = pdf_text(out)
    assert "My football diary — All time" in text and "1 watched" in text


def test_a_player_seen_opens_his_page(qtbot, window, services, demo_match_id):
    stats = _statistics(qtbot, window)
    _enter_on(qtbot, stats, 3, stats.players, "Harry Kane — 1")  # Players
    page = window.tabs.currentWidget()
    assert isinstance(page, PersonPageView)
    qtbot.waitUntil(lambda: "Harry Kane" in window.tabs.tabText(window.tabs.currentIndex()))


def test_a_team_seen_becomes_my_team(qtbot, window, services, demo_match_id):
    _diary(services)
    stats = _statistics(qtbot, window)
    _enter_on(qtbot, stats, 2, stats.teams, "Arsenal — ")  # Teams
    qtbot.waitUntil(lambda: "Arsenal when you were there: 5 played" in stats.totals.text())
    assert stats.team.currentText() == "Arsenal" and stats.team_chart.isVisible()


def test_a_ground_lists_the_matches_attended_there(qtbot, window, services, demo_match_id):
    _diary(services)
    stats = _statistics(qtbot, window)
    _enter_on(qtbot, stats, 0, stats.grounds, "★ Highbury")  # Grounds
    diary = window.diary_view
    assert diary.sections.currentWidget() is diary.stack  # the Matches tab
    assert diary.periods.currentItem().text() == "At Highbury — 3 matches"
    table = diary.table
    dates = [table.source.row_at(r).date.isoformat() for r in range(table.model().rowCount())]
    assert sorted(dates) == ["2019-12-06", "2020-02-01", "2020-04-01"]
    assert "At Highbury" in diary.summary.text()
    # Enter on a listed match opens it, as anywhere in the diary.
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    page = window.tabs.currentWidget()
    assert isinstance(page, MatchPage) and page.match_id == table.current_id()

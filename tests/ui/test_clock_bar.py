"""The clock bar as a reporter uses it: clicks and keys, questions answered by keys, and
Ctrl+Z taking back every clock change."""

import datetime as dt

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from matchnotes.enums import MatchStatus, Period
from matchnotes.ui.main_window import MainWindow
from matchnotes.ui.widgets.kickoff_dialog import KickoffDialog
from tests.fake_time import T0, FakeTime, on_time
from tests.ui.pages import open_match_page, pages_read

CTRL = Qt.KeyboardModifier.ControlModifier
LOGGED = 6  # the moments table's "Logged" column


@pytest.fixture
def time():
    return FakeTime()


@pytest.fixture
def timed(services, time):
    return on_time(services, time)  # times of day in this computer's zone, as a user types


@pytest.fixture
def window(qtbot, timed):
    QSettings().clear()
    win = MainWindow(timed, "test.sqlite")
    qtbot.addWidget(win)
    win.show()
    return win


@pytest.fixture
def live_match(make_match, make_player):
    match_id = make_match("England", "France", status=MatchStatus.SCHEDULED)
    make_player(match_id, "England", "Declan Rice", 4)
    return match_id


def _open(qtbot, window, match_id):
    window.refresh()
    return open_match_page(qtbot, window, match_id)


def _click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    pages_read(qtbot)  # a change: the page is read again on a worker


def _modal(qtbot, kind):
    """The dialog a user meets, once it is up and has the keyboard."""
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind))
    dialog = QApplication.activeModalWidget()
    qtbot.waitUntil(lambda: getattr(QApplication.focusWidget(), "window", lambda: None)() is dialog)
    return dialog


def _closed(qtbot, dialog):
    """Wait for the dialog to go; the keyboard returns to the main window, as a window
    manager does when a dialog closes (the offscreen platform has none to do it)."""
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    main = dialog.parentWidget().window()
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main)
    pages_read(qtbot)


def _answer_yes(qtbot, box):
    """Tab to Yes (Cancel has the focus, being the default) and press Space."""
    for _ in range(len(box.buttons())):
        if QApplication.focusWidget().text() == "&Yes":
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    _closed(qtbot, box)


def _type(qtbot, widget, text):
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)
    pages_read(qtbot)


def _local(minutes: float) -> str:
    """The time of day, in this computer's zone, ``minutes`` after T0."""
    return f"{(T0 + dt.timedelta(minutes=minutes)).astimezone():%H:%M}"


def _undo(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    pages_read(qtbot)


def _redo(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_Y, CTRL)
    pages_read(qtbot)


def _status(window, match_id):
    return window.services.matches.get_summary(match_id).status


def test_starting_a_finished_match_asks_first_and_undo_takes_it_back(qtbot, window, make_match):
    final = make_match("Argentina", "France")  # finished, as an imported final is
    page = _open(qtbot, window, final)
    bar = page.clock_bar
    assert bar.label.text() == "Full time" and bar.start_button.text() == "Start first half"

    _click(qtbot, bar.start_button)
    box = _modal(qtbot, QMessageBox)
    assert box.text() == "The match is finished. Start the first half anyway?"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)  # no: nothing changes
    _closed(qtbot, box)
    assert window.services.clock.state(final).period is None
    assert _status(window, final) is MatchStatus.FINISHED

    _click(qtbot, bar.start_button)
    _answer_yes(qtbot, _modal(qtbot, QMessageBox))
    assert bar.label.text().startswith("1'")
    assert _status(window, final) is MatchStatus.LIVE and "Live" in page.header.text()

    _undo(qtbot, window)
    assert _status(window, final) is MatchStatus.FINISHED
    assert window.services.clock.state(final).period is None
    assert bar.label.text() == "Full time"
    _redo(qtbot, window)
    assert _status(window, final) is MatchStatus.LIVE and bar.label.text().startswith("1'")


def test_period_markers_typed_on_a_finished_match_are_refused(qtbot, window, make_match):
    final = make_match("Argentina", "France")
    page = _open(qtbot, window, final)
    qtbot.keyClick(window, Qt.Key.Key_F2)
    for marker in ("HT", "KO", "2H", "ET", "PSO"):
        line = QApplication.focusWidget()
        assert line is page.quick_entry.line
        _type(qtbot, line, marker)
        assert line.text() == marker  # kept, with the reason beside it
        assert "The match is finished. Reopen it with Edit match" in page.quick_entry.preview.text()
        qtbot.keyClick(line, Qt.Key.Key_Escape)
    assert _status(window, final) is MatchStatus.FINISHED
    assert window.services.clock.state(final).period is None


def test_every_clock_change_is_undone_with_ctrl_z(qtbot, window, time, live_match):
    page = _open(qtbot, window, live_match)
    bar = page.clock_bar
    _click(qtbot, bar.start_button)
    time.at(10.2)
    _click(qtbot, bar.pause_button)
    assert bar.label.text() == "Paused at 11' 12s" and bar.pause_button.text() == "Resume"
    _type(qtbot, bar.minute_edit, "23")
    assert bar.label.text() == "Paused at 23' 00s"
    _click(qtbot, bar.whistle_button)
    assert bar.label.text() == "HT"
    qtbot.keyClick(window, Qt.Key.Key_F2)
    _type(qtbot, QApplication.focusWidget(), "2H")
    assert bar.label.text().startswith("46'")

    for label in ("HT", "Paused at 23'", "Paused at 11' 12s", "11' 12s", "Not started"):
        _undo(qtbot, window)
        assert bar.label.text().startswith(label)
    assert _status(window, live_match) is MatchStatus.SCHEDULED
    for label in ("11' 12s", "Paused at 11' 12s"):
        _redo(qtbot, window)
        assert bar.label.text() == label


def test_correcting_a_kickoff_time_moves_the_minutes_the_clock_gave(
    qtbot, window, time, live_match
):
    page = _open(qtbot, window, live_match)
    bar, model = page.clock_bar, page.moments.model()
    _click(qtbot, bar.start_button)  # 19:00 UTC; the whistle really went two minutes earlier
    time.at(10.5)
    qtbot.keyClick(window, Qt.Key.Key_F2)
    line = QApplication.focusWidget()
    _type(qtbot, line, "yc Rice timed")  # past the name: its completions have closed
    _type(qtbot, line, "5 chance Rice typed")
    rows = {model.index(r, 4).data(): r for r in range(model.rowCount())}
    timed, typed = rows["timed"], rows["typed"]
    assert model.index(timed, 0).data() == "11'"
    logged = f"{(T0 + dt.timedelta(minutes=10.5)).astimezone():%H:%M:%S}"
    assert model.index(timed, LOGGED).data() == logged
    assert "match clock gave the minute" in model.index(timed, LOGGED).data(
        Qt.ItemDataRole.ToolTipRole
    )

    _click(qtbot, bar.kickoff_button)
    dialog = _modal(qtbot, KickoffDialog)
    assert dialog.value()[0] is Period.FIRST_HALF and dialog.period.currentText() == "First half"
    _type(qtbot, QApplication.focusWidget(), _local(20))  # still to come: the form says so
    assert "has not come yet" in dialog.error_label.text() and dialog.isVisible()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_A, CTRL)  # select it, type over
    _type(qtbot, QApplication.focusWidget(), _local(-2))
    _closed(qtbot, dialog)

    assert model.index(timed, 0).data() == "13'"  # 12.5 minutes after the whistle
    assert model.index(typed, 0).data() == "5'"  # typed minutes stay
    assert bar.label.text().startswith("13'")
    _undo(qtbot, window)
    assert model.index(timed, 0).data() == "11'" and bar.label.text().startswith("11'")


def test_the_quick_entry_marker_with_a_time_corrects_and_undoes(qtbot, window, time, live_match):
    page = _open(qtbot, window, live_match)
    qtbot.keyClick(window, Qt.Key.Key_F2)
    line = QApplication.focusWidget()
    _type(qtbot, line, "KO")
    time.at(30)
    _type(qtbot, line, "yc Rice late")
    _type(qtbot, line, f"KO {_local(-1)}")
    assert line.text() == "" and page.moments.model().index(0, 0).data() == "32'"
    _undo(qtbot, window)
    assert page.moments.model().index(0, 0).data() == "31'"


def test_the_half_time_score_shows_only_after_half_time(qtbot, window, time, live_match):
    page = _open(qtbot, window, live_match)
    qtbot.keyClick(window, Qt.Key.Key_F2)
    _type(qtbot, QApplication.focusWidget(), "KO")
    time.at(16.5)
    _type(qtbot, QApplication.focusWidget(), "goal Rice tap-in")
    assert "England 1–0 France" in page.header.text() and "HT" not in page.header.text()
    time.at(47)
    _click(qtbot, page.clock_bar.whistle_button)
    assert "HT 1–0" in page.header.text()

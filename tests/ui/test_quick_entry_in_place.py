"""After Enter the page adds the line's moment from the line's own transaction: it must
be the very page the database gives afresh (names, scores, when it was typed), on the
list and on the drawn timeline, also for a line typed for an earlier minute."""

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QApplication

from tests.ui.keys import target
from tests.ui.pages import pages_read
from tests.ui.quick_entry_helpers import argentina_france, open_quick_entry, type_keys

SCORE = 5  # the moments list's Score column


def _enter(qtbot, text):
    type_keys(qtbot, text)
    qtbot.keyClick(target(), Qt.Key.Key_Return)
    pages_read(qtbot)  # a line that is not added in place: the page is read again


def _scores(page):
    model = page.moments.model()
    return [
        (model.index(row, 0).data(), model.index(row, SCORE).data())
        for row in range(model.rowCount())
    ]


def _point_of(timeline, moment_id):
    for y in range(0, timeline.height(), 3):
        for x in range(0, timeline.width(), 3):
            if timeline.moment_at(QPointF(x, y)) == moment_id:
                return QPoint(x, y)
    return None


def _id_at(page, minute):
    model = page.moments.model()
    return next(
        page.moments.id_at(model.index(row, 0))
        for row in range(model.rowCount())
        if model.index(row, 0).data() == minute
    )


def test_lines_typed_live_make_the_page_the_database_shows(qtbot, window, services, make_player):
    match_id = argentina_france(services, make_player)
    page = open_quick_entry(qtbot, window, match_id)
    qtbot.mouseClick(page.clock_bar.start_button, Qt.MouseButton.LeftButton)  # kick-off
    qtbot.mouseClick(page.quick_entry.line, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is page.quick_entry.line
    for line in (
        "30 goal Messi (Di Maria)",
        "40 og Montiel",
        "yc De Paul",
        "sub Guendouzi for Giroud",
    ):
        _enter(qtbot, line)
        assert page.quick_entry.line.text() == ""
    assert page.detail == services.matches.get_match(match_id)  # to the second it was typed
    assert page.title() == "Argentina 1–1 France"


def test_a_goal_typed_for_an_earlier_minute_moves_the_scores_after_it(
    qtbot, window, services, make_player
):
    match_id = argentina_france(services, make_player)
    page = open_quick_entry(qtbot, window, match_id)
    for line in ("30 goal Messi", "60 goal Mbappe", "75 yc De Paul"):
        _enter(qtbot, line)
    assert _scores(page) == [("30'", "1–0"), ("60'", "1–1"), ("75'", "1–1")]
    _enter(qtbot, "10 goal Alvarez")
    assert _scores(page) == [("10'", "1–0"), ("30'", "2–0"), ("60'", "2–1"), ("75'", "2–1")]
    assert page.detail == services.matches.get_match(match_id)
    assert "2–1" in page.header.text()
    qtbot.waitUntil(lambda: page.tabs.tabText(0) == "Moments (4)")  # once the line is painted
    assert "2–1" in window.tabs.tabText(window.tabs.currentIndex())


def test_undo_of_a_late_goal_puts_the_scores_back(qtbot, window, services, make_player):
    match_id = argentina_france(services, make_player)
    page = open_quick_entry(qtbot, window, match_id)
    for line in ("30 goal Messi", "60 goal Mbappe", "10 goal Alvarez"):
        _enter(qtbot, line)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    pages_read(qtbot)  # the page is read again on a worker
    assert _scores(page) == [("30'", "1–0"), ("60'", "1–1")]
    assert page.detail == services.matches.get_match(match_id)
    assert window.undo.undo_text() == "Undo Logged 60' Goal Kylian Mbappé"
    _enter(qtbot, "20 goal Alvarez")  # and the next line is added in place again
    assert _scores(page) == [("20'", "1–0"), ("30'", "2–0"), ("60'", "2–1")]
    assert page.detail == services.matches.get_match(match_id)


def test_the_timeline_shows_the_new_moment_and_a_click_on_it_selects_its_row(
    qtbot, window, services, make_player
):
    match_id = argentina_france(services, make_player)
    page = open_quick_entry(qtbot, window, match_id)
    qtbot.waitExposed(page)
    _enter(qtbot, "70 goal Messi")
    _enter(qtbot, "20 yc Tchouameni")
    timeline = page.timeline
    card = _id_at(page, "20'")
    spot = _point_of(timeline, card)
    assert spot is not None
    qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=spot)
    assert page.moments.current_id() == card
    qtbot.mouseClick(page.quick_entry.line, Qt.MouseButton.LeftButton)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    pages_read(qtbot)  # the page is read again on a worker
    assert _point_of(timeline, card) is None  # undone: gone from the timeline too
    assert _point_of(timeline, _id_at(page, "70'")) is not None

"""After Enter the match page shows the line in place, the same as the page read afresh."""

from PySide6.QtCore import Qt

from tests.ui.keys import target
from tests.ui.pages import pages_read
from tests.ui.quick_entry_helpers import argentina_france, open_quick_entry, type_keys


def _enter(qtbot, text):
    type_keys(qtbot, text)
    qtbot.keyClick(target(), Qt.Key.Key_Return)
    pages_read(qtbot)  # a line that is not added in place: the page is read again


def _listed(page):
    table = page.moments.model()
    return [
        tuple(table.index(row, col).data() for col in (0, 1, 3, 5))
        for row in range(table.rowCount())
    ]


def _fresh(qtbot, window, services, match_id):
    """The same match on a page of its own, read whole from the database."""
    from matchnotes.ui.views.match_page import MatchPage

    page = MatchPage(match_id, services, window.actions_.log_line)
    qtbot.addWidget(page)
    page.show_detail(services.matches.get_match(match_id))
    return page


def test_lines_logged_late_and_live_show_as_a_fresh_read_shows_them(
    qtbot, window, services, make_player
):
    match_id = argentina_france(services, make_player)
    page = open_quick_entry(qtbot, window, match_id)
    for line in ("30 goal Messi", "60 goal Mbappe", "10 goal Alvarez", "75 yc De Paul"):
        _enter(qtbot, line)
    assert page.quick_entry.line.text() == ""
    listed = _listed(page)
    assert [row[0] for row in listed] == ["10'", "30'", "60'", "75'"]
    assert listed == _listed(_fresh(qtbot, window, services, match_id))
    assert "2–1" in page.header.text()
    qtbot.waitUntil(lambda: page.tabs.tabText(0) == "Moments (4)")  # once the line is painted


def test_a_new_player_in_quotes_shows_in_the_line_up_and_the_next_line_finds_him(
    qtbot, window, services, make_player
):
    match_id = argentina_france(services, make_player)
    page = open_quick_entry(qtbot, window, match_id)
    _enter(qtbot, '81 goal FRA "Randal Kolo Muani"')
    names = [page.away_lineup.model().index(r, 1).data() for r in range(8)]
    assert "Randal Kolo Muani" in names
    _enter(qtbot, "85 yc Kolo Muani")
    assert page.quick_entry.line.text() == ""
    assert _listed(page) == _listed(_fresh(qtbot, window, services, match_id))


def test_undo_of_a_line_takes_its_row_away(qtbot, window, services, make_player):
    match_id = argentina_france(services, make_player)
    page = open_quick_entry(qtbot, window, match_id)
    _enter(qtbot, "30 goal Messi")
    _enter(qtbot, "40 goal Messi")
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    pages_read(qtbot)  # the page is read again on a worker
    assert [row[0] for row in _listed(page)] == ["30'"]
    assert _listed(page) == _listed(_fresh(qtbot, window, services, match_id))

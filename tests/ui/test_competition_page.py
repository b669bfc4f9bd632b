"""A competition's page, reached from the Competitions list by keys: group tables,
the bracket (a click on the final opens it), top scorers, and back to the list."""

from PySide6.QtCore import QPoint, Qt

from matchnotes.ui.views.competition_page import CompetitionPageView
from matchnotes.ui.views.match_page import MatchPage
from matchnotes.ui.views.person_page import PersonPageView
from tests.io import WORLDCUP_JSON


def _rows(table):
    model = table.model()
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def _open_world_cup(qtbot, window, services):
    services.imports.import_file(WORLDCUP_JSON)
    window.refresh()
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    competitions = window.competitions_view
    assert window.tabs.currentWidget() is competitions
    qtbot.keyClicks(competitions.filter_edit, "world")
    qtbot.keyClick(competitions.filter_edit, Qt.Key.Key_Down)  # into the list, as a user
    table = competitions.table
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    page = window.tabs.currentWidget()
    assert isinstance(page, CompetitionPageView)
    qtbot.waitUntil(lambda: page.page is not None)  # read on a worker
    return page


def test_the_group_tables_and_top_scorers_from_the_list(qtbot, window, services):
    page = _open_world_cup(qtbot, window, services)
    assert window.tabs.tabText(window.tabs.currentIndex()) == "World Cup 2022"
    assert page.season.currentText() == "2022"
    tables = page.group_tables()
    assert [t.objectName() for t in tables] == [f"Group {g}" for g in "ABCDEFGH"]
    assert _rows(tables[1]) == [
        ["England", "3", "2", "1", "0", "9", "2", "+7", "7"],
        ["USA", "3", "1", "2", "0", "2", "1", "+1", "5"],
        ["Iran", "3", "1", "0", "2", "4", "7", "-3", "3"],
        ["Wales", "3", "0", "1", "2", "1", "6", "-5", "1"],
    ]
    page.tabs.setCurrentIndex(2)
    scorers = page.scorers
    assert _rows(scorers)[0] == ["Kylian Mbappé", "France", "8", "2"]
    scorers.setFocus()
    scorers.setCurrentIndex(scorers.model().index(0, 0))
    qtbot.keyClick(scorers, Qt.Key.Key_Return)
    person = window.tabs.currentWidget()
    assert isinstance(person, PersonPageView) and person.person_id is not None


def test_a_click_on_the_final_in_the_bracket_opens_it(qtbot, window, services):
    page = _open_world_cup(qtbot, window, services)
    page.tabs.setCurrentIndex(1)
    bracket = page.bracket
    qtbot.waitUntil(bracket.isVisible)
    names = [r.name for r in bracket.rounds]
    assert names[0] == "Round of 16" and names[-1] == "Final"
    box = bracket.tie_rect(len(names) - 1, 0)
    centre = QPoint(int(box.center().x()), int(box.center().y()))
    qtbot.mouseClick(bracket, Qt.MouseButton.LeftButton, pos=centre)
    match = window.tabs.currentWidget()
    assert isinstance(match, MatchPage)
    qtbot.waitUntil(match.is_open)  # read on a worker
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Argentina 3–3 France"


def test_the_bracket_by_keys_and_back_to_the_matches_list(qtbot, window, services):
    page = _open_world_cup(qtbot, window, services)
    page.tabs.setCurrentIndex(1)
    page.bracket.setFocus()
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Return):
        qtbot.keyClick(page.bracket, key)  # round of 16 → quarter-finals → semi-finals, 2nd
    match = window.tabs.currentWidget()
    assert isinstance(match, MatchPage)
    qtbot.waitUntil(match.is_open)
    assert window.tabs.tabText(window.tabs.currentIndex()) == "France 2–0 Morocco"
    window.tabs.setCurrentWidget(page)
    qtbot.mouseClick(page.show_matches, Qt.MouseButton.LeftButton)
    assert window.tabs.currentWidget() is window.matches_view
    assert window.matches_view.table.model().rowCount() == 64

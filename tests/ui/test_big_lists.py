"""The matches list sorts, filters and scrolls in its own model, batch by batch."""

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt

from matchnotes.ui.models import table_model

TEAMS = ["Arsenal", "Barnsley", "Chelsea", "Derby", "Everton", "Fulham", "Leeds"]


@pytest.fixture
def many_matches(window, make_match, monkeypatch):
    """35 matches, handed to the view 10 at a time (as 500 are on a big archive), in a
    window too short to show 10 rows (as 500 never fit on a screen)."""
    monkeypatch.setattr(table_model, "BATCH", 10)
    monkeypatch.setattr(table_model, "PREFOLD", 5)  # texts folded ahead on a worker too
    window.resize(900, 300)
    for n in range(35):
        home, away = TEAMS[n % 7], TEAMS[(n + 3) % 7]
        make_match(home, away, date=dt.date(2020, 1, 1) + dt.timedelta(days=n * 3),
                   competition="Cup" if n % 2 else "League")  # fmt: skip
    return 35


def _click_header(qtbot, table, label):
    header = table.horizontalHeader()
    column = next(c for c in range(header.count())
                  if table.model().headerData(c, Qt.Orientation.Horizontal) == label)  # fmt: skip
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    return column


def _all_rows(qtbot, table, column):
    """Scroll to the bottom until every row is there, as a user would; one column's text."""
    bar = table.verticalScrollBar()
    for _ in range(20):
        bar.setValue(bar.maximum())
        qtbot.wait(1)
    model = table.model()
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_scrolling_down_fetches_the_next_rows(qtbot, window, many_matches):
    window.refresh()
    table = window.matches_view.table
    assert table.model().rowCount() == 10  # the first batch only
    dates = _all_rows(qtbot, table, 0)
    assert len(dates) == many_matches
    assert dates == sorted(dates, reverse=True)  # newest first, the whole way down


def test_clicking_a_header_sorts_every_row_and_keeps_the_selection(qtbot, window, many_matches):
    window.refresh()
    table = window.matches_view.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)  # selects the newest match
    chosen = table.current_id()
    assert chosen is not None
    home = _click_header(qtbot, table, "Home")
    first = _all_rows(qtbot, table, home)
    assert len(first) == many_matches
    ascending = first == sorted(first)
    assert ascending or first == sorted(first, reverse=True)
    assert first[0] != first[-1]
    _click_header(qtbot, table, "Home")  # again: the other way round
    assert _all_rows(qtbot, table, home) == sorted(first, reverse=ascending)
    assert table.current_id() == chosen  # still the match the user picked
    _click_header(qtbot, table, "Date")
    dates = _all_rows(qtbot, table, 0)
    assert dates in (sorted(dates), sorted(dates, reverse=True))


def test_typing_in_the_filter_keeps_the_matching_rows_only(qtbot, window, many_matches):
    window.refresh()
    view = window.matches_view
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(view.filter_edit, "leeds cup")
    rows = _all_rows(qtbot, view.table, 1)
    homes = _all_rows(qtbot, view.table, 3)
    aways = _all_rows(qtbot, view.table, 5)
    expected = [n for n in range(many_matches)
                if n % 2 and "Leeds" in (TEAMS[n % 7], TEAMS[(n + 3) % 7])]  # fmt: skip
    assert len(rows) == len(expected) > 0
    assert set(rows) == {"Cup"}
    assert all("Leeds" in pair for pair in zip(homes, aways, strict=True))
    view.team.setFocus()
    qtbot.keyClicks(view.team, "Chelsea")  # and a team chosen on top
    both = [(h, a) for h, a in zip(_all_rows(qtbot, view.table, 3),
                                   _all_rows(qtbot, view.table, 5), strict=True)]  # fmt: skip
    assert both and all({"Leeds", "Chelsea"} == {h, a} for h, a in both)
    qtbot.keyClick(view.filter_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view.filter_edit, Qt.Key.Key_Delete)
    qtbot.keyClick(view.team, Qt.Key.Key_Home)  # "All teams"
    assert len(_all_rows(qtbot, view.table, 0)) == many_matches

"""The Quotes tab: sorted and filtered by the database, rows fetched as they are shown."""

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt

from matchnotes.services.inputs import QuoteInput
from matchnotes.ui.models import windowed_model
from matchnotes.ui.views.match_page import MatchPage

SPEAKERS = ["Zidane", "Ancelotti", "Mourinho", "Klopp"]


@pytest.fixture
def quotes(services, make_match, monkeypatch):
    """A match a year, three quotes each, fetched five rows a page."""
    monkeypatch.setattr(windowed_model, "PAGE", 5)
    said = []
    for year in range(2015, 2023):
        match_id = make_match("Leeds" if year % 2 else "Derby", "Hull", date=dt.date(year, 5, 1))
        for n in range(3):
            speaker = SPEAKERS[(year + n) % 4]
            text = f"{'Great' if n else 'Poor'} game in {year}"
            services.quotes.add(match_id, QuoteInput(speaker, text))
            said.append((speaker, text, year))
    return said


def _show_quotes(qtbot, window):
    window.tabs.setCurrentWidget(window.quotes_view)
    qtbot.waitUntil(lambda: window.quotes_view.stack.currentWidget() is window.quotes_view.table)
    qtbot.waitUntil(lambda: not window.quotes_view.model.loading)
    return window.quotes_view.table


def _column(table, column):
    model = table.model()
    return [model.index(r, column).data() for r in range(model.rowCount())]


def _click_header(qtbot, table, column):
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    with qtbot.waitSignal(table.model().loaded):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def test_quotes_tab_lists_every_quote_newest_match_first(qtbot, window, quotes):
    table = _show_quotes(qtbot, window)
    texts = _column(table, 1)
    assert sorted(texts) == sorted(text for _, text, _ in quotes)
    years = [int(text[-4:]) for text in texts]
    assert years == sorted(years, reverse=True)
    assert window.statusBar().currentMessage() == f"{len(quotes)} quotes"


def test_clicking_speaker_sorts_by_speaker_both_ways(qtbot, window, quotes):
    table = _show_quotes(qtbot, window)
    _click_header(qtbot, table, 0)
    first = _column(table, 0)
    assert first in (sorted(first), sorted(first, reverse=True)) and first[0] != first[-1]
    _click_header(qtbot, table, 0)
    assert _column(table, 0) == sorted(first, reverse=first == sorted(first))


def test_typing_filters_then_enter_opens_the_match(qtbot, window, quotes):
    table = _show_quotes(qtbot, window)
    edit = window.quotes_view.filter_edit
    edit.setFocus()
    with qtbot.waitSignal(table.model().loaded):
        qtbot.keyClicks(edit, "great leeds")
    qtbot.waitUntil(lambda: not table.model().loading)
    texts = _column(table, 1)
    expected = [t for _, t, year in quotes if year % 2 and t.startswith("Great")]
    assert sorted(texts) == sorted(expected)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    page = window.tabs.currentWidget()
    assert isinstance(page, MatchPage)
    qtbot.waitUntil(page.is_open)
    assert page.title().startswith("Leeds")


def test_each_quote_shows_who_logged_it_sorted_and_found_by_that_name(qtbot, window, services,
                                                                      make_match):  # fmt: skip
    from matchnotes.services.change_log import set_author

    match_id = make_match("Leeds", "Hull", date=dt.date(2022, 5, 1))
    try:
        for author, text in (("Sam Reporter", "Proud of the lads"), ("Alex Desk", "A long day")):
            set_author(author)
            services.quotes.add(match_id, QuoteInput("Klopp", text))
    finally:
        set_author(None)
    table = _show_quotes(qtbot, window)
    by = [c.header for c in table.source.columns].index("By")
    rows = dict(zip(_column(table, 1), _column(table, by), strict=True))
    assert rows == {"Proud of the lads": "Sam Reporter", "A long day": "Alex Desk"}
    _click_header(qtbot, table, by)
    names = _column(table, by)
    assert names in (["Alex Desk", "Sam Reporter"], ["Sam Reporter", "Alex Desk"])
    _click_header(qtbot, table, by)
    assert _column(table, by) == names[::-1]

    edit = window.quotes_view.filter_edit
    edit.setFocus()
    with qtbot.waitSignal(table.model().loaded):
        qtbot.keyClicks(edit, "sam")
    qtbot.waitUntil(lambda: not table.model().loading)
    assert _column(table, 1) == ["Proud of the lads"]

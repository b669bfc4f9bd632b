"""Issue 4's story: a whole match logged through the quick-entry line, by keyboard."""

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from matchnotes.services.inputs import LineupInput, MatchInput
from tests.ui.keys import target
from tests.ui.pages import open_match_page, pages_read
from tests.ui.quick_entry_helpers import type_keys

STORY = [
    "KO",
    "17 goal Tchouameni assist Griezmann low drive",
    "43 yc Griezmann",
    "HT",
    "2H",
    "46 yc Dembele",
    "54 pen Kane won by Saka",
    "78 goal Giroud (Griezmann) header",
    "79 sub Mount for Henderson",
    "79 sub Sterling>Saka",
    "79 sub Coman for Dembele",
    "82 yc Hernandez foul on Mount",
    "84 pen miss Kane over the bar",
    "85 sub Rashford for Foden",
    "90 yc Maguire",
    "90+8 sub Grealish for Stones",
    "FT",
    '"He\'s been incredible for us" - Southgate',
    "q Kane: We had belief we could achieve something special at this World Cup.",
]


def _fresh_match_with_demo_lineups(services, demo_match_id):
    demo = services.matches.get_match(demo_match_id)
    match_id = services.matches.create_match(
        MatchInput(
            home="England",
            away="France",
            date=dt.date(2022, 12, 10),
            competition="FIFA World Cup",
            stage="Quarter-final (replayed)",
        )
    )
    for e in demo.lineups:
        services.lineups.add(
            match_id,
            LineupInput(e.team_id, e.person_id, e.role, e.shirt_number, e.position, e.captain),
        )
    return match_id


def _type_line(qtbot, text):
    """Type a line where a user's keys go and press Enter, name popup up or not."""
    type_keys(qtbot, text)
    qtbot.keyClick(target(), Qt.Key.Key_Return)
    pages_read(qtbot)  # a line that is not added in place: the page is read again


def test_whole_story_through_the_quick_entry_line(qtbot, window, services, demo_match_id):
    match_id = _fresh_match_with_demo_lineups(services, demo_match_id)
    window.refresh()
    page = open_match_page(qtbot, window, match_id)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # F2 is a window shortcut
    qtbot.keyClick(window, Qt.Key.Key_F2)
    line = page.quick_entry.line
    assert QApplication.focusWidget() is line

    # A refused line stays, says why, and saves nothing.
    _type_line(qtbot, "47 yc Nobody")
    assert line.text() == "47 yc Nobody"
    assert "Nobody" in page.quick_entry.preview.text()
    assert page.moments.model().rowCount() == 0
    qtbot.keyClick(target(), Qt.Key.Key_Escape)
    assert line.text() == ""

    for text in STORY:
        type_keys(qtbot, text[:3])
        assert page.quick_entry.preview.text()  # a preview or a hint as soon as one types
        _type_line(qtbot, text[3:])
        assert line.text() == "", f"refused: {text!r}: {page.quick_entry.preview.text()}"

    assert "England 1–2 France" in page.header.text()
    model = page.moments.model()
    rows = [[model.index(r, c).data() for c in (0, 1, 3, 5)] for r in range(model.rowCount())]
    assert [r[0] for r in rows] == [
        "17'",
        "43'",
        "46'",
        "54'",
        "78'",
        "79'",
        "79'",
        "79'",
        "82'",
        "84'",
        "85'",
        "90'",
        "90+8'",
    ]
    assert rows[3] == ["54'", "Penalty goal", "Harry Kane (won by Bukayo Saka)", "1–1"]
    assert rows[9] == ["84'", "Penalty missed", "Harry Kane", "1–2"]
    assert page.quotes.model().rowCount() == 2
    detail = services.matches.get_match(match_id)
    assert str(detail.half_time) == "0–1" and detail.summary.status.value == "finished"

    # Up recalls the last line; undo removes the last logged moment.
    qtbot.keyClick(target(), Qt.Key.Key_Up)
    assert line.text() == STORY[-1]
    qtbot.keyClick(target(), Qt.Key.Key_Escape)
    assert line.text() == ""
    _type_line(qtbot, "90+9 chance Rashford free kick over")
    assert model.rowCount() == 14
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    pages_read(qtbot)  # the page is read again on a worker
    assert model.rowCount() == 13


def test_clock_buttons_and_minute_less_lines(qtbot, window, services, demo_match_id):
    match_id = _fresh_match_with_demo_lineups(services, demo_match_id)
    window.refresh()
    page = open_match_page(qtbot, window, match_id)
    bar = page.clock_bar
    assert bar.label.text() == "Not started" and bar.start_button.text() == "Start first half"
    qtbot.mouseClick(bar.start_button, Qt.MouseButton.LeftButton)
    assert bar.label.text().startswith("1'")
    qtbot.keyClicks(bar.minute_edit, "23")
    qtbot.keyClick(bar.minute_edit, Qt.Key.Key_Return)
    assert bar.label.text().startswith("23'")
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.mouseClick(page.quick_entry.line, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is page.quick_entry.line
    _type_line(qtbot, "yc Rice")  # no minute: the clock's
    model = page.moments.model()
    assert model.index(0, 0).data() == "23'"
    qtbot.mouseClick(bar.whistle_button, Qt.MouseButton.LeftButton)
    assert bar.label.text() == "HT" and bar.start_button.text() == "Start second half"
    assert services.matches.get_summary(match_id).status.value == "live"

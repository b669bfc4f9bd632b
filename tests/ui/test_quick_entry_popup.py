"""The quick-entry popup as a user meets it: where it shows, what it matches, clicks;
and the line around it: a refused line kept, Up for the last line, ARG#9.
"""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from matchnotes.ui.widgets.quick_entry import QuickEntryBar
from tests.ui.quick_entry_helpers import (
    argentina_france,
    global_rect,
    no_popup,
    open_quick_entry,
    popup_names,
    press,
    saved,
    shown_popup,
    type_keys,
)


@pytest.fixture
def match_id(services, make_player):
    return argentina_france(services, make_player)


@pytest.fixture
def page(qtbot, window, match_id):
    return open_quick_entry(qtbot, window, match_id)


def test_names_match_without_accents_or_case(qtbot, page):
    for typed, name in (
        ("tchou", "Aurélien Tchouaméni · FRA #8"),
        ("MBAP", "Kylian Mbappé · FRA #10"),
    ):
        type_keys(qtbot, f"17 goal {typed}")
        assert popup_names(shown_popup(page.quick_entry.line)) == [name]
        press(qtbot, Qt.Key.Key_Escape)
        press(qtbot, Qt.Key.Key_Escape)
        assert page.quick_entry.line.text() == ""


def test_the_popup_never_covers_the_line_or_the_preview(qtbot, page):
    type_keys(qtbot, "60 yc ma")
    popup = shown_popup(page.quick_entry.line)
    assert popup_names(popup) == [
        "Ángel Di María · ARG #11",
        "Emiliano Martínez · ARG #23",
        "Matteo Guendouzi · FRA #6",
    ]
    preview = global_rect(page.quick_entry.preview)
    assert page.quick_entry.preview.isVisible() and page.quick_entry.preview.text()
    assert not popup.geometry().intersects(preview)
    assert not popup.geometry().intersects(global_rect(page.quick_entry.line))


def test_with_no_room_above_the_popup_goes_below_the_preview(qtbot, services, match_id):
    def record(match, line, minute):
        return services.quick_entry.record(match, line, minute).describe()

    bar = QuickEntryBar(services, match_id, record)
    qtbot.addWidget(bar)
    bar.resize(700, 80)
    bar.move(0, 0)  # the line at the very top of the screen
    bar.show()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is bar)
    qtbot.waitUntil(lambda: bar.names_loaded)  # read on a worker as the bar opens
    qtbot.mouseClick(bar.line, Qt.MouseButton.LeftButton)
    type_keys(qtbot, "60 yc ma")
    popup = shown_popup(bar.line)
    assert popup.geometry().top() >= global_rect(bar.preview).bottom()
    assert bar.preview.text() and not popup.geometry().intersects(global_rect(bar.line))


def test_a_click_on_a_name_puts_it_in(qtbot, page):
    type_keys(qtbot, "30 yc al")
    popup = shown_popup(page.quick_entry.line)
    assert popup_names(popup) == ["Julián Álvarez · ARG #9"]  # accents do not matter
    rect = popup.visualRect(popup.model().index(0, 0))
    qtbot.mouseClick(popup.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.quick_entry.line.text() == "30 yc Álvarez "
    assert no_popup()


def test_a_refused_line_stays_with_its_reason_and_tab_still_helps(qtbot, page, services, match_id):
    line = page.quick_entry.line
    type_keys(qtbot, "70 yc Hern")
    shown_popup(page.quick_entry.line)
    press(qtbot, Qt.Key.Key_Down)
    assert page.quick_entry.preview.text().endswith("Lucas Hernández")
    press(qtbot, Qt.Key.Key_Escape)  # the popup goes, and the name picked in it
    assert no_popup() and "could be" in page.quick_entry.preview.text()
    press(qtbot, Qt.Key.Key_Return)  # as typed, "Hern" is two people
    assert line.text() == "70 yc Hern" and no_popup()
    assert page.quick_entry.preview.text().startswith("“Hern” could be Theo Hernández")
    assert "d7263d" in page.quick_entry.preview.styleSheet()  # shown as an error
    assert saved(services, match_id) == []
    press(qtbot, Qt.Key.Key_Tab)
    assert line.text() == "70 yc Lucas Hernández " and QApplication.focusWidget() is line
    press(qtbot, Qt.Key.Key_Return)
    assert saved(services, match_id) == [("70'", "yellow", "Lucas Hernández", None, "")]


def test_up_recalls_the_last_saved_line(qtbot, page, services, match_id):
    line = page.quick_entry.line
    type_keys(qtbot, "60 goal Di Ma")
    press(qtbot, Qt.Key.Key_Return)
    assert line.text() == ""
    press(qtbot, Qt.Key.Key_Up)
    assert line.text() == "60 goal Di Ma" and no_popup()
    for _ in "60":
        press(qtbot, Qt.Key.Key_Home)
        press(qtbot, Qt.Key.Key_Delete)
    type_keys(qtbot, "75")  # not 61: a goal a minute from his last would ask first
    press(qtbot, Qt.Key.Key_End)
    press(qtbot, Qt.Key.Key_Return)
    assert [m[:3] for m in saved(services, match_id)] == [
        ("60'", "goal", "Ángel Di María"),
        ("75'", "goal", "Ángel Di María"),
    ]


def test_a_team_before_a_shirt_number_or_a_name(qtbot, page, services, match_id):
    line = page.quick_entry.line
    type_keys(qtbot, "32 yc #9")
    assert no_popup()
    press(qtbot, Qt.Key.Key_Return)  # both teams have a #9
    assert line.text() == "32 yc #9"
    assert "ARG#9 or FRA#9" in page.quick_entry.preview.text()
    press(qtbot, Qt.Key.Key_Escape)
    type_keys(qtbot, "32 yc FRA#9")
    assert no_popup()
    press(qtbot, Qt.Key.Key_Return)
    type_keys(qtbot, "33 yc ARG ma")  # only Argentina's names: not Matteo Guendouzi
    assert popup_names(shown_popup(page.quick_entry.line)) == [
        "Ángel Di María · ARG #11",
        "Emiliano Martínez · ARG #23",
    ]
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    assert [m[:3] for m in saved(services, match_id)] == [
        ("32'", "yellow", "Olivier Giroud"),
        ("33'", "yellow", "Emiliano Martínez"),
    ]

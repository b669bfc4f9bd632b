"""The quick-entry line by real keys, with the name popup left up as a user meets it.

Keys go where Qt delivers a user's keys (tests/ui/keys.target): to the popup while it
is up, else to the focused line; one test sends them to the line under the popup.
"""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.quick_entry_helpers import (
    argentina_france,
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


def test_enter_with_the_popup_up_saves_the_line_then_the_next_line_is_its_own(
    qtbot, page, services, match_id
):
    type_keys(qtbot, "60 goal Di Ma")
    assert popup_names(shown_popup(page.quick_entry.line)) == ["Ángel Di María · ARG #11"]
    preview = page.quick_entry.preview.text()
    assert preview == "Enter saves: 60' · Goal · Argentina · Ángel Di María"

    press(qtbot, Qt.Key.Key_Return)
    assert saved(services, match_id) == [("60'", "goal", "Ángel Di María", None, "")]
    assert page.quick_entry.line.text() == "" and no_popup()
    assert page.quick_entry.preview.text().startswith("Saved: 60' · Goal")

    type_keys(qtbot, "75 goal Mbappe")
    assert no_popup()  # the name is whole: nothing left to offer
    press(qtbot, Qt.Key.Key_Return)
    assert saved(services, match_id)[1] == ("75'", "goal", "Kylian Mbappé", None, "")
    assert len(saved(services, match_id)) == 2
    assert page.moments.model().rowCount() == 2


def test_no_popup_for_minutes_kinds_or_a_whole_name(qtbot, page):
    for keys in ("6", "60 ", "60 g", "60 go", "60 goa", "60 goal", "60 goal Di Maria"):
        type_keys(qtbot, keys[len(page.quick_entry.line.text()) :])
        assert no_popup(), keys  # "go" would match Gonzalo Montiel in the name slot
    press(qtbot, Qt.Key.Key_Escape)
    type_keys(qtbot, "61 own go")
    assert no_popup()  # still typing the kind "own goal"
    type_keys(qtbot, "al Go")
    assert popup_names(shown_popup(page.quick_entry.line)) == ["Gonzalo Montiel · ARG #4"]


def test_arrowing_to_a_name_then_enter_saves_that_name(qtbot, page, services, match_id):
    type_keys(qtbot, "70 yc Hern")
    popup = shown_popup(page.quick_entry.line)
    assert popup_names(popup) == ["Lucas Hernández · FRA #21", "Theo Hernández · FRA #22"]
    assert "could be" in page.quick_entry.preview.text()  # as typed, it names two people

    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Down)
    assert page.quick_entry.preview.text() == (
        "Enter saves: 70' · Yellow card · France · Theo Hernández"
    )
    press(qtbot, Qt.Key.Key_Up)
    press(qtbot, Qt.Key.Key_Up)  # back above the first name: the line as typed again
    assert "could be" in page.quick_entry.preview.text()
    press(qtbot, Qt.Key.Key_Down)
    assert page.quick_entry.preview.text().endswith("Lucas Hernández")

    press(qtbot, Qt.Key.Key_Return)
    assert saved(services, match_id) == [("70'", "yellow", "Lucas Hernández", None, "")]
    assert page.quick_entry.line.text() == "" and no_popup()


def test_typing_on_after_arrowing_drops_the_picked_name(qtbot, page, services, match_id):
    type_keys(qtbot, "70 yc Hern")
    press(qtbot, Qt.Key.Key_Down)
    assert page.quick_entry.preview.text().endswith("Lucas Hernández")
    type_keys(qtbot, "a")  # the popup lists the names again, none picked
    assert popup_names(shown_popup(page.quick_entry.line))[0].startswith("Lucas")
    assert "could be" in page.quick_entry.preview.text()
    press(qtbot, Qt.Key.Key_Return)
    assert page.quick_entry.line.text() == "70 yc Herna" and saved(services, match_id) == []


def test_tab_takes_the_first_name_and_stays_in_the_line(qtbot, page, services, match_id):
    line = page.quick_entry.line
    type_keys(qtbot, "17 goal de pa")
    assert popup_names(shown_popup(page.quick_entry.line)) == ["Rodrigo De Paul · ARG #7"]
    press(qtbot, Qt.Key.Key_Tab)
    assert line.text() == "17 goal De Paul " and QApplication.focusWidget() is line
    assert no_popup()
    type_keys(qtbot, "assist mes")
    assert popup_names(shown_popup(page.quick_entry.line)) == ["Lionel Messi · ARG #10"]
    press(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, "low drive")
    assert line.text() == "17 goal De Paul assist Messi low drive"
    press(qtbot, Qt.Key.Key_Return)
    assert saved(services, match_id) == [
        ("17'", "goal", "Rodrigo De Paul", "Lionel Messi", "low drive")
    ]


def test_tab_takes_the_highlighted_name(qtbot, page):
    type_keys(qtbot, "70 yc hern")
    press(qtbot, Qt.Key.Key_Up)  # from the line, Up goes to the last name
    press(qtbot, Qt.Key.Key_Tab)
    assert page.quick_entry.line.text() == "70 yc Theo Hernández "
    assert QApplication.focusWidget() is page.quick_entry.line


def test_escape_closes_only_the_popup(qtbot, page, services, match_id):
    line = page.quick_entry.line
    type_keys(qtbot, "60 goal Di Ma")
    shown_popup(page.quick_entry.line)
    press(qtbot, Qt.Key.Key_Escape)
    assert no_popup() and line.text() == "60 goal Di Ma"
    assert page.quick_entry.preview.text().endswith("Ángel Di María")

    press(qtbot, Qt.Key.Key_Escape)  # a second Escape clears the line, and says how to undo
    assert line.text() == ""
    assert "Ctrl+Z" in page.quick_entry.preview.text()
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert line.text() == "60 goal Di Ma" and no_popup()
    type_keys(qtbot, "r")  # typing goes on at the end, it does not replace the line
    assert line.text() == "60 goal Di Mar"
    assert popup_names(shown_popup(page.quick_entry.line)) == ["Ángel Di María · ARG #11"]
    press(qtbot, Qt.Key.Key_Return)
    assert saved(services, match_id) == [("60'", "goal", "Ángel Di María", None, "")]


def test_shift_tab_leaves_the_line_as_it_is(qtbot, page):
    type_keys(qtbot, "60 goal Di Ma")
    shown_popup(page.quick_entry.line)
    press(qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert no_popup() and QApplication.focusWidget() is not page.quick_entry.line
    assert page.quick_entry.line.text() == "60 goal Di Ma"


def test_keys_sent_to_the_line_under_the_popup_mean_the_same(qtbot, page, services, match_id):
    """Every other test types where Qt delivers keys (the popup, while it is up); a
    tool that sends them to the focused line instead must get the same answers."""
    line = page.quick_entry.line
    type_keys(qtbot, "60 goal Di Ma")
    shown_popup(line)
    qtbot.keyClick(line, Qt.Key.Key_Escape)
    assert no_popup() and line.text() == "60 goal Di Ma"
    qtbot.keyClicks(line, "ri")
    shown_popup(line)
    qtbot.keyClick(line, Qt.Key.Key_Tab)
    assert line.text() == "60 goal Di María " and QApplication.focusWidget() is line
    qtbot.keyClicks(line, "assist Mes")
    shown_popup(line)
    qtbot.keyClick(line, Qt.Key.Key_Down)
    qtbot.keyClick(line, Qt.Key.Key_Return)  # takes the name moved to, and saves
    assert saved(services, match_id) == [("60'", "goal", "Ángel Di María", "Lionel Messi", "")]

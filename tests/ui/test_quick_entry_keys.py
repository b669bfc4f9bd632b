"""The quick-entry line by real keys, with the name popup left up as a user meets it.

Keys go to the focused widget (the line keeps focus while the popup is up); one test
sends them to the popup itself, where the window system delivers them on a desktop.
"""

import datetime as dt

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication

from matchnotes.enums import LineupRole
from matchnotes.services.inputs import MatchInput
from matchnotes.ui.widgets.quick_entry import QuickEntryBar

ARGENTINA = [
    ("Emiliano Martínez", 23),
    ("Rodrigo De Paul", 7),
    ("Lionel Messi", 10),
    ("Ángel Di María", 11),
    ("Julián Álvarez", 9),
    ("Gonzalo Montiel", 4),
]
FRANCE = [
    ("Hugo Lloris", 1),
    ("Theo Hernández", 22),
    ("Lucas Hernández", 21),
    ("Aurélien Tchouaméni", 8),
    ("Olivier Giroud", 9),
    ("Kylian Mbappé", 10),
    ("Matteo Guendouzi", 6),
]


@pytest.fixture
def match_id(services, make_player):
    match_id = services.matches.create_match(
        MatchInput(home="Argentina", away="France", date=dt.date(2022, 12, 18))
    )
    services.catalog.ensure_team("Argentina", code="ARG")
    services.catalog.ensure_team("France", code="FRA")
    for team, players in (("Argentina", ARGENTINA), ("France", FRANCE)):
        for name, number in players:
            make_player(match_id, team, name, number)
    make_player(match_id, "Argentina", "Lionel Scaloni", role=LineupRole.MANAGER)
    return match_id


@pytest.fixture
def page(qtbot, window, match_id):
    window.refresh()
    page = window.open_match(match_id)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # F2 is a window shortcut
    qtbot.keyClick(window, Qt.Key.Key_F2)
    assert QApplication.focusWidget() is page.quick_entry.line
    return page


def type_keys(qtbot, text):
    qtbot.keyClicks(QApplication.focusWidget(), text)


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def shown_popup(page):
    """The name popup, asserted up and on top, as the user sees it."""
    popup = QApplication.activePopupWidget()
    assert popup is page.quick_entry.line.completion_popup()
    assert popup.isVisible()
    return popup


def popup_names(popup):
    return [popup.model().index(r, 0).data() for r in range(popup.model().rowCount())]


def no_popup():
    return QApplication.activePopupWidget() is None


def saved(services, match_id):
    return [
        (str(m.minute), m.kind.value, m.player, m.related_player, m.description)
        for m in services.matches.get_match(match_id).moments
    ]


def global_rect(widget):
    return QRect(widget.mapToGlobal(widget.rect().topLeft()), widget.size())


def test_enter_with_the_popup_up_saves_the_line_then_the_next_line_is_its_own(
    qtbot, page, services, match_id
):
    type_keys(qtbot, "60 goal Di Ma")
    assert popup_names(shown_popup(page)) == ["Ángel Di María · ARG #11"]
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
    assert popup_names(shown_popup(page)) == ["Gonzalo Montiel · ARG #4"]


def test_arrowing_to_a_name_then_enter_saves_that_name(qtbot, page, services, match_id):
    type_keys(qtbot, "70 yc Hern")
    popup = shown_popup(page)
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


def test_tab_takes_the_first_name_and_stays_in_the_line(qtbot, page, services, match_id):
    line = page.quick_entry.line
    type_keys(qtbot, "17 goal de pa")
    assert popup_names(shown_popup(page)) == ["Rodrigo De Paul · ARG #7"]
    press(qtbot, Qt.Key.Key_Tab)
    assert line.text() == "17 goal De Paul " and QApplication.focusWidget() is line
    assert no_popup()
    type_keys(qtbot, "assist mes")
    assert popup_names(shown_popup(page)) == ["Lionel Messi · ARG #10"]
    press(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, "low drive")
    assert line.text() == "17 goal De Paul assist Messi low drive"
    press(qtbot, Qt.Key.Key_Return)
    assert saved(services, match_id) == [
        ("17'", "goal", "Rodrigo De Paul", "Lionel Messi", "low drive")
    ]


def test_names_match_without_accents_or_case(qtbot, page):
    for typed, name in (
        ("tchou", "Aurélien Tchouaméni · FRA #8"),
        ("MBAP", "Kylian Mbappé · FRA #10"),
    ):
        type_keys(qtbot, f"17 goal {typed}")
        assert popup_names(shown_popup(page)) == [name]
        press(qtbot, Qt.Key.Key_Escape)
        press(qtbot, Qt.Key.Key_Escape)
        assert page.quick_entry.line.text() == ""


def test_tab_takes_the_highlighted_name(qtbot, page):
    type_keys(qtbot, "70 yc hern")
    press(qtbot, Qt.Key.Key_Up)  # from the line, Up goes to the last name
    press(qtbot, Qt.Key.Key_Tab)
    assert page.quick_entry.line.text() == "70 yc Theo Hernández "
    assert QApplication.focusWidget() is page.quick_entry.line


def test_escape_closes_only_the_popup(qtbot, page, services, match_id):
    line = page.quick_entry.line
    type_keys(qtbot, "60 goal Di Ma")
    shown_popup(page)
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
    assert popup_names(shown_popup(page)) == ["Ángel Di María · ARG #11"]
    press(qtbot, Qt.Key.Key_Return)
    assert saved(services, match_id) == [("60'", "goal", "Ángel Di María", None, "")]


def test_shift_tab_leaves_the_line_as_it_is(qtbot, page):
    type_keys(qtbot, "60 goal Di Ma")
    shown_popup(page)
    press(qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert no_popup() and QApplication.focusWidget() is not page.quick_entry.line
    assert page.quick_entry.line.text() == "60 goal Di Ma"


def test_the_popup_never_covers_the_line_or_the_preview(qtbot, page):
    type_keys(qtbot, "60 yc ma")
    popup = shown_popup(page)
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
    qtbot.mouseClick(bar.line, Qt.MouseButton.LeftButton)
    type_keys(qtbot, "60 yc ma")
    popup = QApplication.activePopupWidget()
    assert popup is bar.line.completion_popup() and popup.isVisible()
    assert popup.geometry().top() >= global_rect(bar.preview).bottom()
    assert bar.preview.text() and not popup.geometry().intersects(global_rect(bar.line))


def test_keys_that_reach_the_popup_mean_the_same(qtbot, page, services, match_id):
    """On a desktop the popup gets the keys while it is up: Enter still saves the line."""
    type_keys(qtbot, "60 goal Di Ma")
    popup = shown_popup(page)
    qtbot.keyClick(popup, Qt.Key.Key_Escape)
    assert no_popup() and page.quick_entry.line.text() == "60 goal Di Ma"
    type_keys(qtbot, "r")
    popup = shown_popup(page)
    qtbot.keyClicks(popup, "i")
    assert page.quick_entry.line.text() == "60 goal Di Mari"
    qtbot.keyClick(popup, Qt.Key.Key_Tab)
    assert page.quick_entry.line.text() == "60 goal Di María "
    assert QApplication.focusWidget() is page.quick_entry.line
    type_keys(qtbot, "(Mes")
    qtbot.keyClick(shown_popup(page), Qt.Key.Key_Tab)
    type_keys(qtbot, ")")
    assert no_popup()
    press(qtbot, Qt.Key.Key_Return)
    assert saved(services, match_id) == [("60'", "goal", "Ángel Di María", "Lionel Messi", "")]


def test_a_click_on_a_name_puts_it_in(qtbot, page):
    type_keys(qtbot, "30 yc al")
    popup = shown_popup(page)
    assert popup_names(popup) == ["Julián Álvarez · ARG #9"]  # accents do not matter
    rect = popup.visualRect(popup.model().index(0, 0))
    qtbot.mouseClick(popup.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.quick_entry.line.text() == "30 yc Álvarez "
    assert no_popup()


def test_a_refused_line_stays_with_its_reason_and_tab_still_helps(qtbot, page, services, match_id):
    line = page.quick_entry.line
    type_keys(qtbot, "70 yc Hern")
    shown_popup(page)
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
    type_keys(qtbot, "61")
    press(qtbot, Qt.Key.Key_End)
    press(qtbot, Qt.Key.Key_Return)
    assert [m[:3] for m in saved(services, match_id)] == [
        ("60'", "goal", "Ángel Di María"),
        ("61'", "goal", "Ángel Di María"),
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
    assert popup_names(shown_popup(page)) == [
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

"""Shared by the quick-entry key tests: an Argentina v France line-up, the line in focus."""

import datetime as dt

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication

from matchnotes.enums import LineupRole
from matchnotes.services.inputs import MatchInput
from tests.ui.keys import target, type_char
from tests.ui.pages import open_match_page

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


def argentina_france(services, make_player):
    """A scheduled match with both line-ups (and a manager); returns its id."""
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


def open_quick_entry(qtbot, window, match_id):
    """Open the match page and press F2, as a user does; returns the page."""
    window.refresh()
    page = open_match_page(qtbot, window, match_id)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # F2 is a window shortcut
    qtbot.keyClick(window, Qt.Key.Key_F2)
    assert QApplication.focusWidget() is page.quick_entry.line
    qtbot.waitUntil(lambda: page.quick_entry.names_loaded)  # read as the page opens
    return page


def type_keys(qtbot, text):
    """Type where Qt delivers a user's keys: to the name popup while it is up (it comes
    and goes as one types, so each key finds its own target)."""
    for char in text:
        type_char(qtbot, char)


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(target(), key, modifier)


def shown_popup(line):
    """The name popup of the line, asserted up and on top, as the user sees it."""
    popup = QApplication.activePopupWidget()
    assert popup is line.completion_popup()
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

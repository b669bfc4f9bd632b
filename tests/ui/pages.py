"""Opening pages as a user does: the tab comes at once, its content when the worker's
read arrives (the page says "Opening…" until then)."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def open_match_page(qtbot, window, match_id):
    """Open the match's page and wait until it is filled; returns the page."""
    page = window.open_match(match_id)
    assert page is not None
    qtbot.waitUntil(page.is_open)
    return page


def open_selected_match(qtbot, window):
    """Enter on the selected row of the Matches list; returns the page once filled."""
    qtbot.keyClick(QApplication.focusWidget() or window.matches_view.table, Qt.Key.Key_Return)
    page = window.tabs.currentWidget()
    qtbot.waitUntil(page.is_open)
    return page

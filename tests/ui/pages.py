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


def read_again(qtbot, page):
    """After a change: the match page has been read again on a worker and shows the change
    (until then it shows what it showed before), as a user waits for it."""
    qtbot.waitUntil(lambda: page.is_open() and not page.is_reading())


def pages_read(qtbot):
    """After a change: every match page on screen has been read again (read_again)."""
    from matchnotes.ui.views.match_page import MatchPage

    def settled():
        pages = [w for w in QApplication.allWidgets() if isinstance(w, MatchPage)]
        return all(p.is_open() and not p.is_reading() for p in pages if p.isVisible())

    qtbot.waitUntil(settled)

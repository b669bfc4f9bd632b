"""Pages and forms open at once and fill in when their worker's read arrives (issue 16):
the match page says "Opening…" under the teams' names, a quick-entry line typed before
it is filled is saved all the same, forms complete names once they have been read, and
lines typed into the line-up editor before the stored line-ups arrive are kept."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCompleter

from matchnotes.ui.dialogs.lineup_editor import LineupEditorDialog
from matchnotes.ui.dialogs.match_dialog import MatchDialog
from matchnotes.ui.views.match_page import MatchPage
from tests.ui.keys import CTRL, given_back, open_form, type_keys


def _enter_on_the_match(qtbot, window, match_id):
    """Select the match in the Matches list and press Enter; returns the page (not filled)."""
    table = window.matches_view.table
    table.setFocus()
    table.select_id(match_id)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    page = window.tabs.currentWidget()
    assert isinstance(page, MatchPage) and page.match_id == match_id
    return page


def test_match_page_opens_at_once_then_fills(qtbot, window, demo_match_id):
    window.refresh()
    page = _enter_on_the_match(qtbot, window, demo_match_id)
    header = page.header.text()
    assert "England v France" in header and "Opening…" in header
    assert not page.tabs.isEnabled()  # nothing to act on yet
    assert page.quick_entry.line.isEnabled()
    qtbot.waitUntil(page.is_open)
    assert "Opening…" not in page.header.text() and "Al Bayt Stadium" in page.header.text()
    assert page.tabs.isEnabled() and page.moments.model().rowCount() > 0
    assert window.tabs.tabText(window.tabs.currentIndex()) == "England 1–2 France"


def test_a_line_typed_while_the_page_opens_is_saved_and_shown(
    qtbot, window, services, demo_match_id
):
    window.refresh()
    given_back(qtbot, window)  # F2 is a window shortcut
    before = len(services.matches.get_match(demo_match_id).moments)
    page = _enter_on_the_match(qtbot, window, demo_match_id)
    qtbot.keyClick(window, Qt.Key.Key_F2)
    line = page.quick_entry.line
    assert QApplication.focusWidget() is line
    qtbot.keyClicks(line, "88 note typed at once")
    assert not page.is_open()  # the keys came before the worker's answer
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert line.text() == ""  # saved, not lost
    qtbot.waitUntil(page.is_open)
    moments = services.matches.get_match(demo_match_id).moments
    assert len(moments) == before + 1
    assert [str(m.minute) for m in moments if m.description == "typed at once"] == ["88'"]
    assert page.moments.model().rowCount() == before + 1  # the page shows it too


def test_match_form_completes_team_names_once_read(qtbot, window, demo_match_id):
    window.refresh()
    form = open_form(qtbot, window, Qt.Key.Key_N)
    assert isinstance(form, MatchDialog)
    qtbot.waitUntil(lambda: form.reads_pending == 0)  # the names, read on a worker
    type_keys(qtbot, "Fra")
    completer = form.home.completer()
    assert isinstance(completer, QCompleter)
    qtbot.waitUntil(lambda: completer.popup().isVisible())
    assert completer.currentCompletion() == "France"
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Escape)  # closes the popup only
    type_keys(qtbot, "nkfurt Galaxy")
    assert form.error_label.text() == "Type the away team."
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    type_keys(qtbot, "France")
    assert form.error_label.text() == "New team: Frankfurt Galaxy"


def test_lines_typed_before_the_stored_line_ups_arrive_are_kept(qtbot, window, demo_match_id):
    window.refresh()
    given_back(qtbot, window)
    page = _enter_on_the_match(qtbot, window, demo_match_id)
    qtbot.waitUntil(page.is_open)
    given_back(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL)
    dialog = window.actions_.dialog
    assert isinstance(dialog, LineupEditorDialog)
    assert dialog.focusWidget() is dialog.home.editor  # where the keys go as it opens
    qtbot.keyClicks(dialog.focusWidget(), "30 Typed Early")
    assert not dialog.ready
    qtbot.waitUntil(lambda: dialog.ready)
    text = dialog.home.text()
    assert text.startswith(dialog.home.initial_text.rstrip()) and "Harry Kane" in text
    assert text.endswith("30 Typed Early")
    qtbot.waitUntil(lambda: any(c.line.name == "Typed Early" for c in dialog.home.model.rows()))

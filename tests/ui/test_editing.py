"""A user's whole editing session, by keys and clicks, read back by a second connection."""

import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from matchnotes.ui.dialogs.lineup_editor import LineupEditorDialog
from matchnotes.ui.dialogs.match_dialog import MatchDialog
from matchnotes.ui.dialogs.moment_dialog import MomentDialog
from matchnotes.ui.dialogs.simple_dialogs import QuoteDialog
from matchnotes.ui.views.match_page import MatchPage
from tests.ui.keys import question
from tests.ui.pages import open_match_page, pages_read


def _ok(qtbot, dialog):
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)  # fmt: skip
    pages_read(qtbot)  # saved: the page is read again on a worker


def _type(qtbot, widget, text):
    widget.setFocus()
    widget.clear()
    qtbot.keyClicks(widget, text)


def _pick(combo, text_part):
    index = next(i for i in range(combo.count()) if text_part in combo.itemText(i))
    combo.setCurrentIndex(index)


def _table_text(table):
    model = table.model()
    return [[model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())]  # fmt: skip


def test_match_moments_quote_edit_delete_undo(qtbot, window, db_path):
    # New match with new teams and a new venue, by keyboard.
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = window.actions_.dialog
    assert isinstance(dialog, MatchDialog)
    assert not dialog.ok_button.isEnabled()  # empty form: OK waits
    qtbot.waitUntil(lambda: dialog.reads_pending == 0)  # the names it knows, from a worker
    _type(qtbot, dialog.home, "England")
    _type(qtbot, dialog.away, "england")
    assert "two different teams" in dialog.error_label.text()
    assert not dialog.ok_button.isEnabled()
    _type(qtbot, dialog.away, "France")
    assert "New team: England, France" in dialog.error_label.text()
    _type(qtbot, dialog.kickoff, "25:99")
    assert "HH:MM" in dialog.error_label.text()
    _type(qtbot, dialog.kickoff, "22:00")
    _type(qtbot, dialog.competition, "FIFA World Cup")
    _type(qtbot, dialog.venue, "Al Bayt Stadium")
    dialog.stage.setCurrentText("Quarter-final")
    _ok(qtbot, dialog)
    match_id = window.actions_.last_created_match
    page = window.tabs.currentWidget()  # the new match's page opens by itself
    assert isinstance(page, MatchPage) and page.match_id == match_id
    qtbot.waitUntil(page.is_open)

    # Line-ups: one player a team, typed into the line-up editor.
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    lineup = window.actions_.dialog
    assert isinstance(lineup, LineupEditorDialog)
    _type(qtbot, lineup.home.editor, "9 Harry Kane")
    _type(qtbot, lineup.away.editor, "9 Olivier Giroud")
    qtbot.mouseClick(lineup.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.actions_.dialog is None)  # saved once the stored ones are in
    pages_read(qtbot)
    assert page.home_lineup.model().rowCount() == 1 and page.away_lineup.model().rowCount() == 1

    # Moments: a bad minute is refused in the form, then fixed.
    for minute, kind, player in (("78", "Goal", "Giroud"), ("54", "Penalty goal", "Kane"),
                                 ("84", "Penalty missed", "Kane")):  # fmt: skip
        qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
        moment = window.actions_.dialog
        assert isinstance(moment, MomentDialog)
        _type(qtbot, moment.minute, "44+3")
        assert "write 45+3" in moment.error_label.text() and not moment.ok_button.isEnabled()
        _type(qtbot, moment.minute, minute)
        _pick(moment.kind, kind)
        _pick(moment.player, player)
        _ok(qtbot, moment)
        assert window.actions_.dialog is None
    rows = _table_text(page.moments)
    assert [(r[0], r[1], r[3], r[5]) for r in rows] == [
        ("54'", "Penalty goal", "Harry Kane", "1–0"),
        ("78'", "Goal", "Olivier Giroud", "1–1"),
        ("84'", "Penalty missed", "Harry Kane", "1–1"),
    ]

    # A quote by a new speaker.
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier |
                   Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    quote = window.actions_.dialog
    assert isinstance(quote, QuoteDialog)
    _type(qtbot, quote.speaker, "Gareth Southgate")
    quote.text.setFocus()
    qtbot.keyClicks(quote.text, "He's been incredible for us")
    _ok(qtbot, quote)
    assert _table_text(page.quotes)[0][:2] == ["Gareth Southgate", "He's been incredible for us"]

    # Edit the 78' goal into 78' with a description (double-click opens the form).
    page.tabs.setCurrentIndex(0)
    page.moments.edit_requested = None
    window.actions_.edit("moment", page.moments.source.row_at(1).id)
    edit = window.actions_.dialog
    _type(qtbot, edit.description, "header")
    _ok(qtbot, edit)
    assert _table_text(page.moments)[1][4] == "header"

    # Delete the first moment with the Delete key, then undo and redo it.
    page.moments.setFocus()
    page.moments.selectRow(0)
    qtbot.keyClick(page.moments, Qt.Key.Key_Delete)
    pages_read(qtbot)  # the page is read again on a worker
    assert [r[0] for r in _table_text(page.moments)] == ["78'", "84'"]
    assert _table_text(page.moments)[0][5] == "0–1"
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    pages_read(qtbot)  # the page is read again on a worker
    assert [r[5] for r in _table_text(page.moments)] == ["1–0", "1–1", "1–1"]
    window.undo.redo_action.trigger()  # Edit ▸ Redo
    pages_read(qtbot)  # the page is read again on a worker
    assert len(_table_text(page.moments)) == 2
    window.undo.undo_action.trigger()  # Edit ▸ Undo

    # A second connection reads what the window shows: every change was committed.
    conn = sqlite3.connect(db_path)
    kinds = conn.execute(
        "SELECT minute, kind, description FROM moment WHERE match_id = ? ORDER BY sort_key",
        (match_id,),
    ).fetchall()
    assert kinds == [(54, "penalty_goal", ""), (78, "goal", "header"),
                     (84, "penalty_missed", "")]  # fmt: skip
    assert conn.execute("SELECT text FROM quote").fetchall() == [("He's been incredible for us",)]
    assert conn.execute("SELECT name FROM venue").fetchall() == [("Al Bayt Stadium",)]
    conn.close()
    window.grab().save(str(db_path.with_suffix(".png")))


def test_deleting_a_match_says_what_goes_with_it_and_undo_brings_it_back(
    qtbot, window, demo_match_id
):
    window.refresh()
    table = window.matches_view.table
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    box = question(qtbot)  # once what goes with it is counted, on a worker
    assert "England v France" in box.text()
    assert "14 moments, 4 quotes, 2 notes" in box.informativeText()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    # The list is read again on a worker: its old row stays until the new list arrives.
    qtbot.waitUntil(lambda: window.matches_view.table.model().rowCount() == 0)
    assert window.matches_view.stack.currentWidget() is window.matches_view.empty_label
    window.undo.undo_action.trigger()  # Edit ▸ Undo
    qtbot.waitUntil(lambda: window.matches_view.table.model().rowCount() == 1)
    page = open_match_page(qtbot, window, demo_match_id)
    assert page.moments.model().rowCount() == 14


def test_service_error_stays_in_the_dialog_with_the_input(qtbot, window, demo_match_id):
    page = open_match_page(qtbot, window, demo_match_id)
    window.actions_.add_lineup(page.match_id)
    dialog = window.actions_.dialog
    _pick(dialog.team, "England")
    _type(qtbot, dialog.person, "Ollie Watkins")
    _type(qtbot, dialog.number, "9")  # Kane wears 9
    _ok(qtbot, dialog)
    assert window.actions_.dialog is dialog and dialog.isVisible()
    assert "#9 is already worn by Harry Kane" in dialog.error_label.text()
    assert dialog.person.text() == "Ollie Watkins"
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Escape)  # changed: asks first
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    question = QApplication.activeModalWidget()
    assert question.text() == "Discard the changes?"
    qtbot.keyClick(question, Qt.Key.Key_D)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert window.actions_.dialog is None

"""Issue 13: whole line-ups typed or pasted into one editor, by keys and clicks."""

import datetime as dt
import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox

from matchnotes.ui.dialogs.lineup_editor import LineupEditorDialog
from matchnotes.ui.dialogs.simple_dialogs import LineupDialog
from matchnotes.ui.views.match_page import MatchPage
from tests.conftest import team_id
from tests.ui.keys import modal
from tests.ui.pages import open_match_page, pages_read, read_again

SQUADS = Path(__file__).parents[1] / "entry" / "data" / "worldcup-2022-squads-excerpt.txt"
CTRL = Qt.KeyboardModifier.ControlModifier
ENGLAND = [
    "1 Jordan Pickford GK",
    "2 Kyle Walker DF",
    "9 Harry Kane (c) FW",
    "Substitutes:",
    "13 Nick Pope GK",
    "Manager: Gareth Southgate",
]
FRANCE = """1 Hugo Lloris (c) GK
5 Jules Koundé DF
10 Kylian Mbappé FW
Substitutes:
16 Steve Mandanda GK
Manager: Didier Deschamps
"""


def _stored(db_path, match_id):
    with sqlite3.connect(db_path) as conn:
        rows = conn.execute(
            "SELECT t.name, l.shirt_number, p.name, l.role, l.position, l.captain "
            "FROM lineup_entry l JOIN person p ON p.id = l.person_id "
            "JOIN team t ON t.id = l.team_id WHERE l.match_id = ? "
            "ORDER BY t.name, l.sort_order",
            (match_id,),
        ).fetchall()
    conn.close()
    return rows


def _open_editor(qtbot, window, match_id):
    page = open_match_page(qtbot, window, match_id)
    assert isinstance(page, MatchPage)
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL)
    dialog = window.actions_.dialog
    assert isinstance(dialog, LineupEditorDialog) and dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.home.editor)
    qtbot.waitUntil(lambda: dialog.ready)  # the stored line-ups, read on a worker
    return page, dialog


def _closed(qtbot, dialog, back_to):
    """The dialog is gone and its parent window has the keys again."""
    assert not dialog.isVisible()
    qtbot.waitUntil(back_to.isActiveWindow)


def _type_lines(qtbot, text):
    """Type into the focused widget, Return between lines (keyClicks takes no newline)."""
    for number, line in enumerate(text.split("\n")):
        if number:
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        qtbot.keyClicks(QApplication.focusWidget(), line)


def _preview(pane):
    qtbot_rows = pane.model.rows()
    return [(c.line.line, c.line.name, c.status) for c in qtbot_rows]


def test_both_teams_typed_and_pasted_then_saved_by_keys_and_undone(
    qtbot, window, services, make_match, db_path
):
    match_id = make_match("England", "France", dt.date(2023, 3, 26))
    page, dialog = _open_editor(qtbot, window, match_id)
    _type_lines(qtbot, "\n".join(ENGLAND))  # typed into the focused editor
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.away.editor
    QApplication.clipboard().setText(FRANCE)  # copied from the team sheet
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_V, CTRL)
    qtbot.waitUntil(lambda: len(dialog.away.model.rows()) == 5)
    assert _preview(dialog.away)[2] == (3, "Kylian Mbappé", "new")
    assert dialog.home.summary.text() == "3 starting · 1 substitute · 1 manager · 5 new people"

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, CTRL)
    _closed(qtbot, dialog, window)
    assert window.actions_.dialog is None
    assert _stored(db_path, match_id) == [
        ("England", 1, "Jordan Pickford", "starter", "GK", 0),
        ("England", 2, "Kyle Walker", "starter", "DF", 0),
        ("England", 9, "Harry Kane", "starter", "FW", 1),
        ("England", 13, "Nick Pope", "substitute", "GK", 0),
        ("England", None, "Gareth Southgate", "manager", None, 0),
        ("France", 1, "Hugo Lloris", "starter", "GK", 1),
        ("France", 5, "Jules Koundé", "starter", "DF", 0),
        ("France", 10, "Kylian Mbappé", "starter", "FW", 0),
        ("France", 16, "Steve Mandanda", "substitute", "GK", 0),
        ("France", None, "Didier Deschamps", "manager", None, 0),
    ]
    read_again(qtbot, page)  # saved: the page is read again on a worker
    assert page.home_lineup.model().rowCount() == 5
    assert window.undo.undo_text() == "Undo Edited line-ups"

    page.tabs.setCurrentIndex(1)
    qtbot.mouseClick(page.home_lineup.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CTRL)
    pages_read(qtbot)  # the page is read again on a worker
    assert _stored(db_path, match_id) == []
    assert services.people.find("Pickford") == []  # the people this save created went too
    assert page.home_lineup.model().rowCount() == 0
    window.undo.redo_action.trigger()  # Edit ▸ Redo
    pages_read(qtbot)  # the page is read again on a worker
    assert len(_stored(db_path, match_id)) == 10


def test_last_match_button_copies_and_names_are_reused(
    qtbot, window, services, demo_match_id, make_match, db_path
):
    match_id = make_match("Morocco", "France", dt.date(2022, 12, 14))
    people = len(services.people.find(""))
    _page, dialog = _open_editor(qtbot, window, match_id)
    assert dialog.away.text() == ""
    qtbot.mouseClick(dialog.away.from_last, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Copied from" in dialog.away.note.text())  # found on a worker
    assert dialog.away.text().startswith("1 Hugo Lloris (c) GK\n5 Jules Koundé DF\n")
    assert "Copied from England v France, 10 Dec 2022" in dialog.away.note.text()
    qtbot.mouseClick(dialog.home.from_last, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "No earlier match of Morocco has a line-up" in dialog.home.note.text())
    france = [e for e in services.lineups.lineup(demo_match_id) if e.team == "France"]
    qtbot.waitUntil(lambda: len(dialog.away.model.rows()) == len(france))
    assert {c.status for c in dialog.away.model.rows()} == {"known"}

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, CTRL)
    _closed(qtbot, dialog, window)
    demo = [r[1:] for r in _stored(db_path, demo_match_id) if r[0] == "France"]
    assert [r[1:] for r in _stored(db_path, match_id)] == demo
    assert len(services.people.find("")) == people  # nobody duplicated
    assert window.undo.undo_text() == "Undo Edited France's line-up"


def test_problems_by_line_block_saving_until_fixed(qtbot, window, demo_match_id, db_path):
    before = _stored(db_path, demo_match_id)
    _page, dialog = _open_editor(qtbot, window, demo_match_id)
    editor = QApplication.focusWidget()
    qtbot.keyClick(editor, Qt.Key.Key_End, CTRL)  # below "Manager: Gareth Southgate"
    end = len(dialog.home.text().splitlines())
    _type_lines(qtbot, "9 Olivier Giroud\nkylian mbappe\n99 Someone (vc)")
    qtbot.waitUntil(lambda: not dialog.save_button.isEnabled())
    problems = dialog.home.problems.toPlainText().splitlines()
    assert problems == [
        f"Line {end + 1}: #9 is worn by Harry Kane (line 10); change one of the numbers.",
        f"Line {end + 2}: kylian mbappe is in France's line-up for this match; remove them "
        "there first.",
        f"Line {end + 3}: “(vc)” is not something a line-up can say; write (c) for the "
        "captain, or a position GK, DF, MF or FW.",
    ]
    rows = dialog.home.model.rows()
    assert [(c.line.line, c.status) for c in rows[-2:]] == [
        (end + 1, "problem"),
        (end + 2, "problem"),
    ]  # fmt: skip  (line end + 3 cannot be read: no row, only its problem)
    assert "3 lines to fix before saving" in dialog.error_label.text()
    qtbot.keyClick(editor, Qt.Key.Key_Return, CTRL)  # refused: the dialog stays
    assert dialog.isVisible() and _stored(db_path, demo_match_id) == before

    for _ in range(3):  # take the three lines back out, as a user would
        for _ in range(len(dialog.home.text().splitlines()[-1]) + 1):
            qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled())
    assert dialog.home.problems.isHidden()


def test_escape_asks_before_discarding_and_cancel_keeps_editing(qtbot, window, demo_match_id,
                                                                 db_path):  # fmt: skip
    before = _stored(db_path, demo_match_id)
    _page, dialog = _open_editor(qtbot, window, demo_match_id)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    _closed(qtbot, dialog, window)  # nothing changed: closes at once

    _page, dialog = _open_editor(qtbot, window, demo_match_id)
    _type_lines(qtbot, "0 Extra Player\n")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    box = modal(qtbot, QMessageBox)
    assert box.text() == "Discard your changes to the line-ups?"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # the default: keep editing
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.home.editor)
    assert dialog.isVisible() and dialog.home.text().startswith("0 Extra Player\n")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    box = modal(qtbot, QMessageBox)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Discard), Qt.MouseButton.LeftButton)
    _closed(qtbot, dialog, window)
    assert _stored(db_path, demo_match_id) == before


def test_squad_file_button_reads_a_team_section(qtbot, window, services, make_match, db_path):
    match_id = make_match("France", "Wales", dt.date(2023, 6, 1))
    _page, dialog = _open_editor(qtbot, window, match_id)
    qtbot.mouseClick(dialog.home.from_file, Qt.MouseButton.LeftButton)
    chooser = modal(qtbot, QFileDialog)
    qtbot.keyClicks(QApplication.focusWidget(), str(SQUADS))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not chooser.isVisible() and dialog.isActiveWindow())
    lines = dialog.home.text().splitlines()
    assert lines[1:4] == ["Substitutes:", "1 Hugo Lloris GK", "16 Steve Mandanda GK"]
    assert "France's squad of 27 from worldcup-2022-squads-excerpt.txt" in dialog.home.note.text()

    # Wales is not in the file: the user is asked which section to take.
    qtbot.mouseClick(dialog.away.from_file, Qt.MouseButton.LeftButton)
    modal(qtbot, QFileDialog)
    qtbot.keyClicks(QApplication.focusWidget(), str(SQUADS))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    section = modal(qtbot, QInputDialog)
    assert "has no squad called Wales" in section.labelText()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)  # France -> England
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.away.text().startswith("# England squad"))
    qtbot.waitUntil(dialog.isActiveWindow)  # the keys are the editor's again
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, CTRL)
    _closed(qtbot, dialog, window)
    stored = _stored(db_path, match_id)
    assert len(stored) == 54 and ("France", 10, "Kylian Mbappe", "substitute", "FW", 0) in stored


def test_page_button_opens_the_editor_and_edit_selected_one_entry(qtbot, window, demo_match_id):
    page = open_match_page(qtbot, window, demo_match_id)
    page.tabs.setCurrentIndex(1)
    qtbot.mouseClick(page.edit_lineups, Qt.MouseButton.LeftButton)
    dialog = window.actions_.dialog
    assert isinstance(dialog, LineupEditorDialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.home.editor)
    assert dialog.width() >= min(1000, dialog.screen().availableGeometry().width() - 40)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    _closed(qtbot, dialog, window)
    assert window.actions_.dialog is None

    page.home_lineup.setFocus()
    page.home_lineup.selectRow(0)
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    single = window.actions_.dialog
    assert isinstance(single, LineupDialog) and single.person.text() == "Jordan Pickford"
    single.reject()
    assert team_id(window.services, "England")

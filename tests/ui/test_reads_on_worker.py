"""Reads that take long on a big archive run on a worker (issue 16): the window answers
meanwhile, what is on screen stays until the answer arrives, then the page, question or
dialog comes. Each read is held on its worker by a gate, as a slow disk would hold it,
to see what the user sees meanwhile; a read made on the GUI thread fails the test."""

from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication, QMessageBox

from matchnotes.ui.dialogs.lineup_editor import LineupEditorDialog
from tests.ui.keys import CTRL, closed, key, modal, open_form, question, type_keys
from tests.ui.pages import open_match_page

ALT = Qt.KeyboardModifier.AltModifier


def _click_row(qtbot, table, row):
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _cell(table, row, column):
    return table.model().index(row, column).data()


def test_an_edit_keeps_the_page_on_screen_until_it_is_read_again(
    qtbot, window, services, demo_match_id, gates
):
    window.refresh()
    page = open_match_page(qtbot, window, demo_match_id)
    before = [_cell(page.moments, r, 4) for r in range(page.moments.model().rowCount())]
    header = page.header.text()
    _click_row(qtbot, page.moments, 0)
    form = open_form(qtbot, window, Qt.Key.Key_E)  # Edit selected
    while QApplication.focusWidget() is not form.description:
        key(qtbot, Qt.Key.Key_Tab)
    key(qtbot, Qt.Key.Key_A, CTRL)
    type_keys(qtbot, "read again on a worker")
    held = gates(services.matches, "get_match")
    key(qtbot, Qt.Key.Key_Return)
    closed(qtbot, form)
    held.reached(qtbot)
    # Saved; the page is read again and, meanwhile, shows what it showed.
    assert services.moments.get_input(page.moments.source.row_at(0).id)[1].description == (
        "read again on a worker"
    )
    assert page.is_reading()
    assert [_cell(page.moments, r, 4) for r in range(len(before))] == before
    assert page.header.text() == header and page.tabs.isEnabled()
    held.open()
    qtbot.waitUntil(lambda: _cell(page.moments, 0, 4) == "read again on a worker")
    qtbot.waitUntil(lambda: not page.is_reading() and page.is_open())
    assert [_cell(page.moments, r, 4) for r in range(1, len(before))] == before[1:]
    assert window.tabs.tabText(window.tabs.currentIndex()) == page.title()


def test_undo_while_the_page_is_read_shows_the_newest_read(
    qtbot, window, services, demo_match_id, gates
):
    """Two changes before the first read is in: the page ends showing the second's."""
    window.refresh()
    page = open_match_page(qtbot, window, demo_match_id)
    count = page.moments.model().rowCount()
    _click_row(qtbot, page.moments, 0)
    held = gates(services.matches, "get_match")
    key(qtbot, Qt.Key.Key_Delete)  # Edit ▸ Delete selected: the moment goes at once
    held.reached(qtbot)
    assert page.moments.model().rowCount() == count  # still shown until the page is read
    key(qtbot, Qt.Key.Key_Z, CTRL)  # and comes back before that read is in
    held.open()
    qtbot.waitUntil(lambda: not page.is_reading() and page.is_open())
    assert page.moments.model().rowCount() == count


def test_delete_match_asks_once_what_goes_is_counted(
    qtbot, window, services, demo_match_id, make_match, gates
):
    other = make_match("Morocco", "Portugal")
    window.refresh()
    table = window.matches_view.table
    qtbot.waitUntil(lambda: table.model().rowCount() == 2)
    row = next(r for r in range(2) if table.id_at(table.model().index(r, 0)) == demo_match_id)
    _click_row(qtbot, table, row)
    held = gates(services.matches, "deletion_impact")
    key(qtbot, Qt.Key.Key_Delete)
    held.reached(qtbot)
    assert not isinstance(QApplication.activeModalWidget(), QMessageBox)
    key(qtbot, Qt.Key.Key_Delete)  # pressed again while counting: still one question
    held.open()
    box = question(qtbot)
    assert box.text().startswith("Delete the match England") and "France" in box.text()
    assert "moments" in box.informativeText() and "undo" in box.informativeText()
    key(qtbot, Qt.Key.Key_Y)  # &Yes
    qtbot.waitUntil(lambda: [m.id for m in services.matches.list_matches()] == [other])
    qtbot.waitUntil(lambda: table.model().rowCount() == 1)  # the list read again meanwhile
    assert not isinstance(QApplication.activeModalWidget(), QMessageBox)  # asked once


def test_print_preview_opens_once_the_match_is_read(
    qtbot, window, services, demo_match_id, gates, tmp_path
):
    from matchnotes.reports.export import export_match

    pdf = export_match(services, demo_match_id, "pdf", tmp_path / "m.pdf")
    window.refresh()
    open_match_page(qtbot, window, demo_match_id)
    held = gates(services.matches, "get_match")
    qtbot.keyClick(window, Qt.Key.Key_P, CTRL | ALT)  # File ▸ Print preview
    held.reached(qtbot)
    assert QApplication.activeModalWidget() is None
    held.open()
    dialog = modal(qtbot, QPrintPreviewDialog)
    preview = dialog.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: preview.pageCount() == len(PdfReader(pdf).pages))
    dialog.grab().save(str(tmp_path / "preview.png"))
    key(qtbot, Qt.Key.Key_Escape)
    closed(qtbot, dialog)


def test_print_dialog_opens_once_the_match_is_read(qtbot, window, services, demo_match_id, gates):
    window.refresh()
    open_match_page(qtbot, window, demo_match_id)
    held = gates(services.matches, "get_match")
    qtbot.keyClick(window, Qt.Key.Key_P, CTRL)  # File ▸ Print match
    held.reached(qtbot)
    assert QApplication.activeModalWidget() is None
    assert window.statusBar().currentMessage() == "Reading the match…"
    held.open()
    dialog = modal(qtbot, QPrintDialog)
    key(qtbot, Qt.Key.Key_Escape)
    closed(qtbot, dialog)


def test_from_last_match_is_read_on_a_worker(
    qtbot, window, services, demo_match_id, make_match, gates
):
    import datetime as dt

    match_id = make_match("Morocco", "France", dt.date(2022, 12, 14))
    open_match_page(qtbot, window, match_id)
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL)
    dialog = window.actions_.dialog
    assert isinstance(dialog, LineupEditorDialog)
    qtbot.waitUntil(lambda: dialog.ready)
    pane = dialog.away
    held = gates(services.lineups, "previous_text")
    button = pane.from_last
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    held.reached(qtbot)
    assert pane.text() == "" and not button.isEnabled()
    assert "Looking for France's last line-up" in pane.note.text()
    held.open()
    qtbot.waitUntil(lambda: pane.text().startswith("1 Hugo Lloris (c) GK\n"))
    assert "Copied from England v France, 10 Dec 2022" in pane.note.text()
    assert button.isEnabled()

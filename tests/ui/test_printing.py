"""Print and print preview paint the same pages as the PDF export, and none of that
painting holds the GUI thread (issue 16): the preview's pages are laid out and recorded
on a worker and only replayed in the dialog; a print is painted on a worker after OK."""

import subprocess

from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtPrintSupport import (
    QPrintDialog,
    QPrinter,
    QPrintPreviewDialog,
    QPrintPreviewWidget,
)
from PySide6.QtWidgets import QApplication, QLineEdit, QToolButton

from matchnotes.errors import MatchNotesError
from matchnotes.reports import pdf_render
from matchnotes.ui import printing
from tests.ui.keys import CTRL, closed, given_back, key, modal, question, type_keys
from tests.ui.pages import open_match_page

ALT = Qt.KeyboardModifier.AltModifier


def test_printer_pages_carry_the_match(services, demo_match_id, tmp_path, qapp):
    out = tmp_path / "printed.pdf"
    printer = printing.new_printer()  # laid out as the app's Print lays its printer out
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    report = printing.Report(
        services.matches.get_match(demo_match_id), services.draft.current(demo_match_id)
    )  # no pages recorded yet: they are, in a process of their own, then printed
    assert printing.print_pages(printer, report, printer.pageLayout(), printer.resolution()) == 3
    del printer  # finishes the file
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(out).pages)
    assert "England" in text and "Al Bayt Stadium" in text and "84'" in text
    assert "Report draft" in text and "53rd" in text


def _pages(dialog):
    return dialog.findChild(QPrintPreviewWidget).pageCount()


def _noting_replays(monkeypatch):
    """The pictures each replay in the preview gets."""
    replayed, replay = [], pdf_render.replay_pages

    def noted(device, pictures):
        replayed.append(pictures)
        replay(device, pictures)

    monkeypatch.setattr(pdf_render, "replay_pages", noted)
    return replayed


def test_print_preview_pages_are_laid_out_on_a_worker_and_replayed(
    qtbot, window, demo_match_id, tmp_path, gates, monkeypatch
):
    from matchnotes.reports.export import export_match

    pdf = export_match(window.services, demo_match_id, "pdf", tmp_path / "m.pdf")
    window.refresh()
    open_match_page(qtbot, window, demo_match_id)
    recording = gates(printing, "recorded_pages")
    gates(printing, "print_pages")  # a preview never paints on the GUI thread
    replayed = _noting_replays(monkeypatch)
    qtbot.keyClick(window, Qt.Key.Key_P, CTRL | ALT)  # File ▸ Print preview
    recording.reached(qtbot)
    assert window.statusBar().currentMessage() == "Laying out the pages…"
    qtbot.keyClick(window, Qt.Key.Key_P, CTRL | ALT)  # pressed again meanwhile
    qtbot.keyClick(window, Qt.Key.Key_1, CTRL)  # the window answers meanwhile: View ▸ Matches
    assert window.tabs.currentIndex() == 0
    assert QApplication.activeModalWidget() is None
    recording.open()
    dialog = modal(qtbot, QPrintPreviewDialog)
    assert _pages(dialog) == len(PdfReader(pdf).pages)  # the report draft included
    assert len(recording.results) == 1  # laid out once: the second press opened nothing
    assert replayed and all(pictures is recording.results[0] for pictures in replayed)
    assert window.statusBar().currentMessage() != "Laying out the pages…"
    dialog.grab().save(str(tmp_path / "preview.png"))
    assert window.findChildren(QPrintPreviewDialog) == [dialog]
    gone = []
    dialog.destroyed.connect(lambda: gone.append(True))
    key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: bool(gone))  # closed, it goes with its recorded pages


def test_a_changed_page_is_laid_out_again_on_a_worker(
    qtbot, window, demo_match_id, gates, monkeypatch
):
    window.refresh()
    open_match_page(qtbot, window, demo_match_id)
    first = gates(printing, "recorded_pages")
    first.open()  # the gate checks the thread and holds nothing
    gates(printing, "print_pages")
    qtbot.keyClick(window, Qt.Key.Key_P, CTRL | ALT)
    dialog = modal(qtbot, QPrintPreviewDialog)
    (portrait,) = first.results
    again = gates(printing, "recorded_pages")
    replayed = _noting_replays(monkeypatch)
    turn = next(
        b for b in dialog.findChildren(QToolButton)
        if b.defaultAction() is not None and b.defaultAction().text() == "Landscape"
    )  # fmt: skip
    qtbot.mouseClick(turn, Qt.MouseButton.LeftButton)
    again.reached(qtbot)
    assert _pages(dialog) == 1  # "Laying out the pages…" meanwhile
    assert QApplication.activeModalWidget() is dialog
    again.open()
    qtbot.waitUntil(lambda: bool(again.results) and replayed[-1:] == again.results)
    (landscape,) = again.results
    assert _pages(dialog) == len(landscape)
    assert landscape[0].width() > landscape[0].height()
    assert portrait[0].width() < portrait[0].height()
    key(qtbot, Qt.Key.Key_Escape)
    closed(qtbot, dialog)


def _print_to_file(qtbot, out):
    """In the print dialog ("Print to File (PDF)": no printer here): Tab to the file
    name, type it, Enter (Print)."""
    for _ in range(10):
        if isinstance(QApplication.focusWidget(), QLineEdit):
            break
        key(qtbot, Qt.Key.Key_Tab)
    key(qtbot, Qt.Key.Key_A, CTRL)
    type_keys(qtbot, str(out))
    key(qtbot, Qt.Key.Key_Return)


def _printed_text(qtbot, window, out):
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Printed"))
    assert window.statusBar().currentMessage() == (
        f"Printed “England 1–2 France” (3 pages) to {out}"
    )
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    text = " ".join(text.split())
    assert "England" in text and "Al Bayt Stadium" in text and "84'" in text
    assert "Report draft" in text and "53rd" in text


def test_print_paints_on_a_worker_after_ok(qtbot, window, demo_match_id, tmp_path, gates):
    out = tmp_path / "printed.pdf"
    window.refresh()
    open_match_page(qtbot, window, demo_match_id)
    painting = gates(printing, "print_pages")
    qtbot.keyClick(window, Qt.Key.Key_P, CTRL)  # File ▸ Print match
    dialog = modal(qtbot, QPrintDialog)
    _print_to_file(qtbot, out)
    closed(qtbot, dialog)
    painting.reached(qtbot)
    assert window.statusBar().currentMessage() == "Printing “England 1–2 France”…"
    given_back(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_1, CTRL)  # the window answers meanwhile
    assert window.tabs.currentIndex() == 0
    painting.open()
    _printed_text(qtbot, window, out)


def test_the_previews_print_button_prints_on_a_worker(
    qtbot, window, demo_match_id, tmp_path, gates
):
    out = tmp_path / "from-preview.pdf"
    window.refresh()
    open_match_page(qtbot, window, demo_match_id)
    qtbot.keyClick(window, Qt.Key.Key_P, CTRL | ALT)
    preview = modal(qtbot, QPrintPreviewDialog)
    painting = gates(printing, "print_pages")
    button = next(
        b for b in preview.findChildren(QToolButton)
        if b.defaultAction() is not None and b.defaultAction().text() == "Print"
    )  # fmt: skip

    def answer():  # the print dialog the button opens (in a loop of its own), once it has
        dialog, focus = QApplication.activeModalWidget(), QApplication.focusWidget()  # the keys
        if not isinstance(dialog, QPrintDialog) or focus is None or focus.window() is not dialog:
            QTimer.singleShot(20, answer)
            return
        _print_to_file(qtbot, out)

    QTimer.singleShot(0, answer)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # back once the print dialog is
    closed(qtbot, preview)
    painting.reached(qtbot)
    painting.open()
    _printed_text(qtbot, window, out)


def test_closing_the_window_while_the_pages_are_laid_out(qtbot, window, demo_match_id, gates):
    window.refresh()
    open_match_page(qtbot, window, demo_match_id)
    recording = gates(printing, "recorded_pages")
    qtbot.keyClick(window, Qt.Key.Key_P, CTRL | ALT)
    recording.reached(qtbot)
    window.close()
    recording.open()
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "")  # the pages came
    assert not any(d.isVisible() for d in window.findChildren(QPrintPreviewDialog))


def test_a_print_that_fails_says_why(qtbot, window, demo_match_id, tmp_path, monkeypatch):
    def refused(*_args):
        raise MatchNotesError("The printer cannot print now; check it is ready, or choose another.")

    monkeypatch.setattr(printing, "print_pages", refused)
    window.refresh()
    open_match_page(qtbot, window, demo_match_id)
    qtbot.keyClick(window, Qt.Key.Key_P, CTRL)
    modal(qtbot, QPrintDialog)
    _print_to_file(qtbot, tmp_path / "printed.pdf")
    box = question(qtbot)
    assert box.text() == "The printer cannot print now; check it is ready, or choose another."
    key(qtbot, Qt.Key.Key_Return)
    closed(qtbot, box)
    assert window.statusBar().currentMessage() == ""

"""Print and print preview paint the same pages as the PDF export."""

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget

from matchnotes.reports.pdf_render import paint_match_report
from tests.ui.keys import CTRL, closed, key, modal
from tests.ui.pages import open_match_page


def test_printer_pages_carry_the_match(services, demo_match_id, tmp_path, qapp):
    out = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    draft = services.draft.current(demo_match_id)
    paint_match_report(printer, services.matches.get_match(demo_match_id), draft)
    del printer  # finishes the file
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(out).pages)
    assert "England" in text and "Al Bayt Stadium" in text and "84'" in text
    assert "Report draft" in text and "53rd" in text


def test_print_preview_shows_the_pages_of_the_pdf(qtbot, window, demo_match_id, tmp_path):
    from matchnotes.reports.export import export_match

    pdf = export_match(window.services, demo_match_id, "pdf", tmp_path / "m.pdf")
    window.refresh()
    open_match_page(qtbot, window, demo_match_id)
    qtbot.keyClick(window, Qt.Key.Key_P, CTRL | Qt.KeyboardModifier.AltModifier)  # Print preview
    dialog = modal(qtbot, QPrintPreviewDialog)  # once the match is read, on a worker
    preview = dialog.findChild(QPrintPreviewWidget)
    assert preview.pageCount() == len(PdfReader(pdf).pages)  # the report draft included
    dialog.grab().save(str(tmp_path / "preview.png"))
    key(qtbot, Qt.Key.Key_Escape)
    closed(qtbot, dialog)

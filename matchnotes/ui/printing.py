"""Print and print preview of a match summary with Qt's print support.

The pages are painted by reports/pdf_render.paint_match_report, the same code that
writes the PDF export, so paper, preview and PDF always agree.
"""

from __future__ import annotations

from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from matchnotes.draft.model import Draft
from matchnotes.reports.pdf_render import DPI, MARGINS_MM, paint_match_report
from matchnotes.services.views import MatchDetail


def new_printer() -> QPrinter:
    """A printer laid out like the PDF export (resolution and margins), so pages match."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setResolution(DPI)
    printer.setPageMargins(MARGINS_MM, QPageLayout.Unit.Millimeter)
    printer.setDocName("MatchNotes match summary")
    return printer


def open_print_preview(
    parent: QWidget, detail: MatchDetail, draft: Draft | None = None
) -> QPrintPreviewDialog:
    printer = new_printer()
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.printer_ = printer  # type: ignore[attr-defined]  # Qt does not own it: keep it alive
    dialog.setWindowTitle(f"Print preview — {detail.summary.title}")
    dialog.paintRequested.connect(lambda printer: paint_match_report(printer, detail, draft))
    dialog.open()
    return dialog


def open_print_dialog(
    parent: QWidget, detail: MatchDetail, draft: Draft | None = None
) -> QPrintDialog:
    printer = new_printer()
    dialog = QPrintDialog(printer, parent)
    dialog.printer_ = printer  # type: ignore[attr-defined]  # Qt does not own it: keep it alive
    dialog.accepted.connect(lambda: paint_match_report(printer, detail, draft))
    dialog.open()
    return dialog

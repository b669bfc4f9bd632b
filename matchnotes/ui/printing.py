"""Print and print preview of a match summary with Qt's print support.

The pages are painted by reports/pdf_render.paint_match_report, the same code that
writes the PDF export, so paper, preview and PDF always agree. The match is read on a
worker first (a long match is thousands of moments); the dialog opens when it is in.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QWidget

from matchnotes.draft.model import Draft
from matchnotes.reports.pdf_render import DPI, MARGINS_MM, paint_match_report
from matchnotes.services.views import MatchDetail

if TYPE_CHECKING:
    from matchnotes.services import Services
    from matchnotes.ui.workers import BackgroundOp

Opener = Callable[[QWidget, MatchDetail, Draft], QWidget]


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
    QDialog.open(dialog)  # PySide6's QPrintDialog.open wants a receiver and a slot
    return dialog


class ReportReader:
    """Reads a match and its draft on a worker, then opens the print dialog or the preview
    on ``parent``. A second press while the first is being read opens no second dialog."""

    def __init__(self, parent: QWidget, services: Services, failed: Callable[[str], None]):
        self.parent, self.services, self.failed = parent, services, failed
        self.op: BackgroundOp | None = None

    def open(self, match_id: int, opener: Opener) -> None:
        from matchnotes.ui.workers import BackgroundOp

        if self.op is not None and not self.op.done:
            return
        matches, drafts = self.services.matches, self.services.draft
        self.op = BackgroundOp(
            self.parent, lambda _progress: (matches.get_match(match_id), drafts.current(match_id))
        ).on_success(lambda read: opener(self.parent, *read))
        self.op.on_failure(self.failed).run()

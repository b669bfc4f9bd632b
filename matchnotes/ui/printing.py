"""Print and print preview of a match summary with Qt's print support.

The pages are painted by reports/pdf_render, the same code that writes the PDF export,
so paper, preview and PDF agree. None of that work holds the GUI thread (issue 16):

- The pages are laid out and recorded as pictures (``pdf_render.record_match_pages``)
  in a process of its own (``reports/pdf_child.py``): PySide6 keeps the interpreter
  lock through each Qt call, so a worker thread's layout of a long report froze the
  window too. A worker waits for them (``recorded_pages``).
- Print preview: a worker reads the match and its draft and has its pages recorded for
  the printer's page; the dialog then opens and its ``paintRequested`` only replays the
  pictures (a few ms a page). A page setup that changes the page has the pages recorded
  again, a placeholder page saying so meanwhile.
- Print, and the preview's own Print button: after OK, a worker replays the pages onto
  the QPrinter (Qt allows a QPainter on a QPrinter outside the GUI thread), recorded
  first if the preview's do not fit it; the status bar says when they went, a failure is
  a warning box as an export's is.

Meanwhile the status bar says what is being prepared and the window answers as usual; a
second press while a match is being prepared opens no second dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPageLayout, QPaintEngine, QPainter, QPicture
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QDialog, QMainWindow, QMessageBox

from matchnotes.draft.model import Draft
from matchnotes.reports import pdf_child, pdf_render
from matchnotes.reports.pdf_render import DPI, MARGINS_MM
from matchnotes.services.views import MatchDetail
from matchnotes.text import counted

if TYPE_CHECKING:
    from matchnotes.services import Services
    from matchnotes.ui.workers import BackgroundOp

PREPARING = "Laying out the pages…"
READING = "Reading the match…"


def new_printer() -> QPrinter:
    """A printer laid out like the PDF export (resolution and margins), so pages match."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setResolution(DPI)
    printer.setPageMargins(MARGINS_MM, QPageLayout.Unit.Millimeter)
    printer.setDocName("MatchNotes match summary")
    return printer


def recorded_pages(
    layout: QPageLayout, resolution: int, detail: MatchDetail, draft: Draft | None
) -> list[QPicture]:
    """On a worker: the match summary's pages for a printer with this page layout and
    resolution, laid out and recorded in a process of its own."""
    spec = pdf_render.page_spec(layout)
    data = pdf_child.run("record_match_page_data", (spec, resolution, detail, draft), {})
    return pdf_render.pictures_of(data)


def print_pages(printer: QPrinter, report: Report, layout: QPageLayout, resolution: int) -> int:
    """On a worker: the report's pages onto ``printer`` (laid out like ``layout`` at
    ``resolution``, read on the GUI thread); how many pages there were."""
    pictures = report.pictures
    if not report.fits(layout, resolution):
        pictures = recorded_pages(layout, resolution, report.detail, report.draft)
    pdf_render.replay_pages(printer, pictures)
    return len(pictures)


@dataclass
class Report:
    """A match and its draft, read on a worker; ``pictures`` its pages as recorded for
    ``layout`` at ``resolution`` (empty until recorded)."""

    detail: MatchDetail
    draft: Draft | None
    layout: QPageLayout = field(default_factory=QPageLayout)
    resolution: int = 0
    pictures: list[QPicture] = field(default_factory=list)

    def recorded(self, layout: QPageLayout, resolution: int) -> Report:
        """On a worker: this report with its pages recorded for that page and resolution."""
        pictures = recorded_pages(layout, resolution, self.detail, self.draft)
        return Report(self.detail, self.draft, QPageLayout(layout), resolution, pictures)

    def fits(self, layout: QPageLayout, resolution: int) -> bool:
        """Whether the pages recorded are those of that page at that resolution."""
        return (
            bool(self.pictures)
            and resolution == self.resolution
            and layout.isEquivalentTo(self.layout)
        )


class ReportReader:
    """Print and Print preview for the window ``parent``: the match read (and for the
    preview its pages recorded) on a worker, then the dialog; prints painted on workers.
    A second press while a match is being prepared opens no second dialog."""

    def __init__(self, parent: QMainWindow, services: Services) -> None:
        self.parent, self.services = parent, services
        self.op: BackgroundOp | None = None
        self.printing: list[BackgroundOp] = []  # prints being painted, newest last
        self.preview: PrintPreview | None = None  # the last preview opened
        self.message: QMessageBox | None = None  # the last failure shown

    def open_preview(self, match_id: int) -> None:
        printer = new_printer()  # the preview's printer: its pages are recorded for it
        layout, resolution = printer.pageLayout(), printer.resolution()
        self._prepare(
            match_id,
            PREPARING,
            lambda report: report.recorded(layout, resolution),
            lambda report: self._show_preview(report, printer),
        )

    def open_print_dialog(self, match_id: int) -> None:
        self._prepare(match_id, READING, lambda report: report, self._show_print_dialog)

    def _prepare(
        self, match_id: int, doing: str, then: Callable[[Report], Report],
        show: Callable[[Report], None],
    ) -> None:  # fmt: skip
        from matchnotes.ui.workers import BackgroundOp

        if self.op is not None and not self.op.done:
            return
        matches, drafts = self.services.matches, self.services.draft
        self.say(doing)
        self.parent.setCursor(Qt.CursorShape.BusyCursor)
        self.op = BackgroundOp(
            self.parent,
            lambda _progress: then(Report(matches.get_match(match_id), drafts.current(match_id))),
        )
        self.op.on_success(lambda report: self._prepared(show, report))
        self.op.on_failure(self._prepare_failed).run()

    def _prepared(self, show: Callable[[Report], None], report: Report) -> None:
        self._idle()
        if self.parent.isVisible():  # not for a window closed meanwhile
            show(report)

    def _prepare_failed(self, message: str) -> None:
        self._idle()
        self.say(message, 8000)

    def _idle(self) -> None:
        self.parent.unsetCursor()
        if self.parent.statusBar().currentMessage() in (PREPARING, READING):
            self.parent.statusBar().clearMessage()

    def _show_preview(self, report: Report, printer: QPrinter) -> None:
        self.preview = PrintPreview(self, report, printer)

    def _show_print_dialog(self, report: Report) -> None:
        printer = new_printer()
        dialog = QPrintDialog(printer, self.parent)
        dialog.printer_ = printer  # type: ignore[attr-defined]  # Qt does not own it: keep it alive
        dialog.accepted.connect(lambda: self.print_report(printer, report))
        dialog.finished.connect(lambda _r: self.parent.activateWindow())  # keys back to it
        QDialog.open(dialog)  # PySide6's QPrintDialog.open wants a receiver and a slot

    def print_report(self, printer: QPrinter, report: Report) -> None:
        """Print the report on ``printer`` (the user pressed OK) from a worker."""
        from matchnotes.ui.workers import BackgroundOp

        layout, resolution = QPageLayout(printer.pageLayout()), printer.resolution()
        title = report.detail.summary.title
        self.say(f"Printing “{title}”…")
        op = BackgroundOp(
            self.parent, lambda _progress: print_pages(printer, report, layout, resolution)
        )
        self.printing.append(op)
        op.on_success(lambda pages: self._printed(op, printer, title, pages))
        op.on_failure(lambda message: self._print_failed(op, message)).run()

    def _printed(self, op: BackgroundOp, printer: QPrinter, title: str, pages: int) -> None:
        self.printing.remove(op)
        pages_text = counted(pages, "page")
        if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
            self.say(f"Printed “{title}” ({pages_text}) to {printer.outputFileName()}", 8000)
        else:
            self.say(f"Sent “{title}” ({pages_text}) to {printer.printerName()}", 8000)

    def _print_failed(self, op: BackgroundOp, message: str) -> None:
        self.printing.remove(op)
        self.parent.statusBar().clearMessage()
        self.message = QMessageBox(
            QMessageBox.Icon.Warning, "MatchNotes", message, QMessageBox.StandardButton.Ok,
            self.parent,
        )  # fmt: skip
        self.message.open()

    def say(self, message: str, timeout: int = 0) -> None:
        self.parent.statusBar().showMessage(message, timeout)


class PrintPreview:
    """A print preview dialog whose pages are recorded on a worker: ``paintRequested``
    replays them; a changed page (page setup, orientation) has them recorded again on a
    worker, a placeholder page meanwhile; the dialog's Print prints on a worker."""

    def __init__(self, reader: ReportReader, report: Report, printer: QPrinter) -> None:
        self.reader, self.report, self.printer = reader, report, printer
        self.op: BackgroundOp | None = None  # pages being recorded for a changed page
        self.wanted: tuple[QPageLayout, int] | None = None  # the page they are for
        dialog = self.dialog = QPrintPreviewDialog(printer, reader.parent)
        dialog.pages_ = self  # type: ignore[attr-defined]  # lives as long as the dialog
        dialog.setWindowTitle(f"Print preview — {report.detail.summary.title}")
        dialog.paintRequested.connect(self._on_dialog_paint_requested)
        dialog.finished.connect(self._on_dialog_finished)
        dialog.finished.connect(lambda _r: reader.parent.activateWindow())  # keys back to it
        dialog.finished.connect(dialog.deleteLater)  # with its recorded pages: not kept
        dialog.open()

    def _on_dialog_paint_requested(self, printer: QPrinter) -> None:
        engine = printer.paintEngine()
        if engine is not None and engine.type() != QPaintEngine.Type.Picture:
            self.reader.print_report(printer, self.report)  # the dialog's Print, after its OK
        elif self.report.fits(printer.pageLayout(), printer.resolution()):
            pdf_render.replay_pages(printer, self.report.pictures)
        else:
            self._record_for(printer)
            _paint_placeholder(printer, PREPARING)

    def _record_for(self, printer: QPrinter) -> None:
        from matchnotes.ui.workers import BackgroundOp

        layout, resolution = QPageLayout(printer.pageLayout()), printer.resolution()
        if self.op is not None and not self.op.done and self.wanted == (layout, resolution):
            return  # already being recorded for this page
        self.wanted, report = (layout, resolution), self.report
        op = BackgroundOp(self.dialog, lambda _progress: report.recorded(layout, resolution))
        self.op = op
        op.on_success(lambda recorded: self._recorded(op, recorded))
        op.on_failure(lambda message: self.reader.say(message, 8000)).run()

    def _recorded(self, op: BackgroundOp, report: Report) -> None:
        if op is not self.op:
            return  # an older page's: a newer one is being recorded
        self.report = report
        preview = self.dialog.findChild(QPrintPreviewWidget)
        if preview is not None and self.dialog.isVisible():
            preview.updatePreview()

    def _on_dialog_finished(self, _result: int) -> None:
        self.op = None  # a recording still under way is not shown
        if self.reader.preview is self:
            self.reader.preview = None


def _paint_placeholder(printer: QPrinter, text: str) -> None:
    """One page that says the pages are coming, on the preview's printer."""
    painter = QPainter()
    if not painter.begin(printer):
        return
    try:
        painter.setPen(QColor("#6b7280"))
        rect = QRectF(0, 0, printer.width(), printer.height() / 3)
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)
    finally:
        painter.end()

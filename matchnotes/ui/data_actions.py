"""File ▸ Import… and File ▸ Export…: long work off the GUI thread, with a progress bar,
a summary at the end, and (for exports) a Cancel that leaves no half-written file."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from matchnotes.errors import MatchNotesError
from matchnotes.reports import csv_export, export
from matchnotes.services import Services
from matchnotes.services.backups import BEFORE_IMPORT, MANUAL, BackupService
from matchnotes.ui.widgets.table import ReadModelTableView
from matchnotes.ui.workers import BackgroundOp

IMPORT_FILTER = (
    "Match data (*.json *.txt *.csv);;MatchNotes JSON (*.json);;"
    "openfootball Football.TXT (*.txt);;CSV (*.csv);;All files (*)"
)
EXPORT_FILTERS = {
    "pdf": "PDF report (*.pdf)",
    "md": "Markdown (*.md)",
    "csv": "CSV (*.csv)",
    "json": "MatchNotes JSON (*.json)",  # the file File ▸ Import reads back
    "sportscode": "SportsCode XML (*.xml)",
}
MATCH_ONLY = {"sportscode"}  # one match's timeline: not offered for people or years


class DataActions(QObject):
    imported = Signal()  # data changed: views reload

    def __init__(
        self, services: Services, parent: QWidget, backups: BackupService | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.backups = backups
        self.window = parent
        self.op: BackgroundOp | None = None  # the running job (tests wait on it)
        self.message: QMessageBox | None = None  # the last summary or error shown
        self.file_dialog: QFileDialog | None = None  # the file chooser now open

    # --- import ---

    def choose_and_import(self) -> None:
        self._choose("Import", "", IMPORT_FILTER, save=False,
                     chosen=lambda path, _filter: self.import_path(path))  # fmt: skip

    def import_path(self, path: Path) -> BackgroundOp:
        progress = self._progress(f"Importing {path.name}…", cancellable=False)
        imports = self.services.imports
        backups = self.backups

        def work(report: Any) -> Any:
            if backups is not None:  # an import changes a lot at once: keep the file as it was
                backups.make(BEFORE_IMPORT)
            return imports.import_file(path, progress=report)

        def done(summary: Any) -> None:
            progress.close()
            self.imported.emit()
            self._show(QMessageBox.Icon.Information, f"Imported {path.name}", str(summary))

        return self._run(work, progress, done)

    def import_international(self) -> BackgroundOp:
        """File ▸ Import international history: the archive shipped with the app, offline,
        on a worker; Cancel rolls the one transaction back, saving nothing."""
        progress = self._progress("Importing international results 1872–2026…", cancellable=True)
        imports, backups = self.services.imports, self.backups
        cancelled = threading.Event()  # set on the GUI thread, read by the worker
        progress.canceled.connect(cancelled.set)

        def work(report: Any) -> Any:
            if backups is not None:
                backups.make(BEFORE_IMPORT)
            return imports.import_international(progress=report, cancel=cancelled.is_set)

        def done(summary: Any) -> None:
            progress.close()
            self.imported.emit()
            self._show(QMessageBox.Icon.Information, "Imported international history", str(summary))

        return self._run(work, progress, done)

    # --- export ---

    def choose_and_export(self, what: str, ident: int | None, fmt: str = "pdf") -> None:
        extension = "xml" if fmt == "sportscode" else fmt
        suggested = f"matchnotes-{what}{'-' + str(ident) if ident else ''}.{extension}"
        offered = [f for f in EXPORT_FILTERS if what == "match" or f not in MATCH_ONLY]
        if what == "all":  # everything fits in one format only
            offered = ["json"]
        self._choose(
            "Export", suggested, ";;".join(EXPORT_FILTERS[f] for f in offered), save=True,
            selected=EXPORT_FILTERS[fmt],
            chosen=lambda path, name_filter: self.export_to(
                what, ident, _format_for(path, name_filter, offered, fmt), path
            ),
        )  # fmt: skip

    def export_to(self, what: str, ident: int | None, fmt: str, path: Path) -> BackgroundOp:
        """what: "match", "person", "year" (ident is the year) or "all" (MatchNotes JSON)."""
        progress = self._progress(f"Writing {path.name}…", cancellable=True)
        services = self.services
        cancelled = threading.Event()  # set on the GUI thread, read by the worker
        progress.canceled.connect(cancelled.set)

        def work(report: Any) -> Path:
            cancel = cancelled.is_set
            if what == "all":
                return export.export_all(services, path, progress=report, cancel=cancel)
            if what == "match":
                return export.export_match(
                    services, ident or 0, fmt, path, progress=report, cancel=cancel
                )
            if what == "person":
                return export.export_person(
                    services, ident or 0, fmt, path, progress=report, cancel=cancel
                )
            return export.export_season(  # "year": the diary's year, the fan's matches only
                services, fmt, path, year=ident, progress=report, cancel=cancel, diary=True
            )

        def done(written: Any) -> None:
            progress.close()
            self._show(QMessageBox.Icon.Information, "Export finished", f"Wrote {written}")

        return self._run(work, progress, done)

    def choose_and_export_diary_pdf(self, year: int | None, team_id: int | None) -> None:
        """The diary in figures (the Statistics of the Diary tab) as a PDF."""
        name = f"matchnotes-diary-{year or 'all-time'}.pdf"
        self._choose(
            "Export the diary as PDF", name, EXPORT_FILTERS["pdf"], save=True,
            chosen=lambda path, _filter: self.export_diary_pdf(year, team_id, path),
        )  # fmt: skip

    def export_diary_pdf(self, year: int | None, team_id: int | None, path: Path) -> BackgroundOp:
        progress = self._progress(f"Writing {path.name}…", cancellable=True)
        stats = self.services.diary_stats
        cancelled = threading.Event()
        progress.canceled.connect(cancelled.set)

        def work(report: Any) -> Path:
            out = path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")
            figures = stats.figures(year, team_id)
            return export.export_diary_pdf(figures, out, progress=report, cancel=cancelled.is_set)

        def done(written: Any) -> None:
            progress.close()
            self._show(QMessageBox.Icon.Information, "Export finished", f"Wrote {written}")

        return self._run(work, progress, done)

    # --- File ▸ Back up now ---

    def back_up_now(self) -> BackgroundOp | None:
        """A file: a verified copy beside it (as File ▸ Backups… makes). A server: its
        MatchNotes JSON, to a file the user chooses (`matchnotes restore` reads it)."""
        controller = getattr(self.window, "backup_controller", None)
        if controller is not None:
            return controller.run(MANUAL)  # type: ignore[no-any-return]
        from matchnotes.services.json_backup import backup_file_name

        name = backup_file_name(getattr(self.window, "location", ""))
        self._choose(
            "Back up as MatchNotes JSON", name, EXPORT_FILTERS["json"], save=True,
            chosen=lambda path, _filter: self.export_to("all", None, "json", path),
        )  # fmt: skip
        return None

    # --- any list as CSV ---

    def choose_and_export_table(self, table: ReadModelTableView, name: str) -> None:
        self._choose(
            "Export list as CSV", f"{_slug(name)}.csv", EXPORT_FILTERS["csv"], save=True,
            chosen=lambda path, _filter: self.export_table(table, path),
        )  # fmt: skip

    def export_table(self, table: ReadModelTableView, path: Path) -> Path:
        """Write the list as shown (filtered and sorted) to CSV, atomically."""
        header, rows = table.visible_table()
        try:
            export.write_text(path, csv_export.to_csv(header, rows))
        except MatchNotesError as exc:
            self._show(QMessageBox.Icon.Warning, "MatchNotes", str(exc))
            raise
        self._show(
            QMessageBox.Icon.Information, "Export finished", f"Wrote {len(rows)} rows to {path}"
        )
        return path

    # --- helpers ---

    def _choose(
        self, title: str, name: str, filters: str, *, save: bool,
        chosen: Callable[[Path, str], object], selected: str = "",
    ) -> None:  # fmt: skip
        """Ask for a file without a nested event loop (open(), not exec()): the window
        keeps painting, and the answer arrives as a signal."""
        dialog = QFileDialog(self.window, title, name, filters)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if save:  # Qt asks before replacing an existing file
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        else:
            dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        if selected:
            dialog.selectNameFilter(selected)
        dialog.fileSelected.connect(lambda path: chosen(Path(path), dialog.selectedNameFilter()))
        self.file_dialog = dialog
        dialog.open()

    def _run(self, work: Any, progress: QProgressDialog, done: Any) -> BackgroundOp:
        """Run ``work`` off the GUI thread, its progress in the dialog, then ``done``."""
        self.op = (
            BackgroundOp(self, work)
            .on_progress(lambda done_, total: _set(progress, done_, total))
            .on_success(done)
            .on_failure(lambda error: self._failed(progress, error))
            .run()
        )
        return self.op

    def _progress(self, label: str, *, cancellable: bool) -> QProgressDialog:
        dialog = QProgressDialog(label, "Cancel" if cancellable else None, 0, 0, self.window)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)  # quick jobs finish before it would flash up
        if not cancellable:
            dialog.setCancelButton(None)
        return dialog

    def _failed(self, progress: QProgressDialog, error: str) -> None:
        progress.close()
        self._show(QMessageBox.Icon.Warning, "MatchNotes", error)

    def _show(self, icon: QMessageBox.Icon, title: str, text: str) -> None:
        self.message = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self.window)
        self.message.open()


def _format_for(path: Path, chosen: str, offered: list[str], fallback: str) -> str:
    """The format the name asks for (a typed "report.xml" is SportsCode even with the PDF
    filter still selected), else the chosen filter's."""
    by_suffix = {("." + f if f != "sportscode" else ".xml"): f for f in offered}
    if path.suffix.lower() in by_suffix:
        return by_suffix[path.suffix.lower()]
    return next((f for f in offered if EXPORT_FILTERS[f] == chosen), fallback)


def _slug(name: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in name.lower()).strip("-") or "list"


def _set(progress: QProgressDialog, done: int, total: int) -> None:
    progress.setMaximum(max(total, 1))
    progress.setValue(min(done, total))

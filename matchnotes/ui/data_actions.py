"""File ▸ Import… and File ▸ Export…: long work off the GUI thread, with a progress bar,
a summary at the end, and (for exports) a Cancel that leaves no half-written file."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from matchnotes.errors import MatchNotesError
from matchnotes.reports import csv_export, export
from matchnotes.services import Services
from matchnotes.services.backups import BEFORE_IMPORT, BackupService
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
    "json": "JSON (*.json)",
}


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

    # --- import ---

    def choose_and_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, "Import", "", IMPORT_FILTER)
        if path:
            self.import_path(Path(path))

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

    # --- export ---

    def choose_and_export(self, what: str, ident: int | None, fmt: str = "pdf") -> None:
        suggested = f"matchnotes-{what}{'-' + str(ident) if ident else ''}.{fmt}"
        filters = ";;".join(EXPORT_FILTERS.values())
        path, chosen = QFileDialog.getSaveFileName(
            self.window, "Export", suggested, filters, EXPORT_FILTERS[fmt]
        )
        if path:
            fmt = next((f for f, label in EXPORT_FILTERS.items() if label == chosen), fmt)
            self.export_to(what, ident, fmt, Path(path))

    def export_to(self, what: str, ident: int | None, fmt: str, path: Path) -> BackgroundOp:
        """what: "match", "person" or "year" (ident is the year)."""
        progress = self._progress(f"Writing {path.name}…", cancellable=True)
        services = self.services
        cancelled = threading.Event()  # set on the GUI thread, read by the worker
        progress.canceled.connect(cancelled.set)

        def work(report: Any) -> Path:
            cancel = cancelled.is_set
            if what == "match":
                return export.export_match(
                    services, ident or 0, fmt, path, progress=report, cancel=cancel
                )
            if what == "person":
                return export.export_person(
                    services, ident or 0, fmt, path, progress=report, cancel=cancel
                )
            return export.export_season(
                services, fmt, path, year=ident, progress=report, cancel=cancel
            )

        def done(written: Any) -> None:
            progress.close()
            self._show(QMessageBox.Icon.Information, "Export finished", f"Wrote {written}")

        return self._run(work, progress, done)

    # --- any list as CSV ---

    def choose_and_export_table(self, table: ReadModelTableView, name: str) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.window, "Export list as CSV", f"{_slug(name)}.csv", EXPORT_FILTERS["csv"]
        )
        if path:
            self.export_table(table, Path(path))

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


def _slug(name: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in name.lower()).strip("-") or "list"


def _set(progress: QProgressDialog, done: int, total: int) -> None:
    progress.setMaximum(max(total, 1))
    progress.setValue(min(done, total))

"""The browse screens: a filter box over a table, and an empty state that says what to do."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QStackedWidget, QVBoxLayout, QWidget

from matchnotes.ui.models.table_model import Column, ReadModelTable
from matchnotes.ui.widgets.table import ReadModelTableView


class FilteredListView(QWidget):
    """A filter line over a sortable table; emits the id of the row opened."""

    activated = Signal(int)

    def __init__(self, columns: Sequence[Column[Any]], *, placeholder: str, empty_html: str,
                 parent: QWidget | None = None,
                 model: ReadModelTable | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.table = ReadModelTableView(model or ReadModelTable(columns))
        self.filter_edit = QLineEdit(placeholderText=placeholder)
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._on_filter_edit_text_changed)
        self._empty_html = empty_html
        self.empty_label = QLabel(empty_html)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(self.table)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.filter_edit)
        self.layout_.addWidget(self.stack)
        self.table.activated.connect(self._on_table_activated)
        self._sized = False

    def show_notice(self, html: str) -> None:
        """Say why the list is not there yet (e.g. the database is being opened)."""
        self.empty_label.setText(html)
        self.stack.setCurrentWidget(self.empty_label)
        self.filter_edit.setEnabled(False)

    def set_rows(self, rows: Sequence[Any]) -> None:
        selected = self.table.current_id()
        self.empty_label.setText(self._empty_html)
        self.table.source.set_rows(rows)
        self.stack.setCurrentWidget(self.table if rows else self.empty_label)
        self.filter_edit.setEnabled(bool(rows))
        if rows and not self._sized:  # size columns to the first real content only
            self._sized = True
            self.table.fit_columns()
        if selected is not None:
            self.table.select_id(selected)

    def _on_filter_edit_text_changed(self, text: str) -> None:
        self.table.source.set_filter(text)

    def _on_table_activated(self, index: object) -> None:
        ident = self.table.id_at(index)  # type: ignore[arg-type]
        if ident is not None:
            self.activated.emit(ident)

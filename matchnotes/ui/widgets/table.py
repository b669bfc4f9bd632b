"""A table view set up the way every list in the app wants it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from matchnotes.ui.models.table_model import ID_ROLE, ROW_ROLE, SORT_ROLE, ReadModelTable


class ReadModelTableView(QTableView):
    """Sortable, filterable, one row selected, fixed row height (no per-row measuring)."""

    def __init__(self, model: ReadModelTable, parent: QWidget | None = None,
                 *, sortable: bool = True) -> None:  # fmt: skip
        super().__init__(parent)
        self.source = model
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.setModel(self.proxy)
        self.setSortingEnabled(sortable)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # Column widths from the first rows only (about two screens): measuring ten
        # thousand rows is slow, and even 200 cost a tenth of a second at start-up.
        self.horizontalHeader().setResizeContentsPrecision(60)
        # Compact rows: text height plus a little air, fixed for every row.
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.stretch_column = next(
            (i for i, c in enumerate(model.columns) if c.stretch), len(model.columns) - 1
        )
        self.fit_columns()
        self.horizontalHeader().sortIndicatorChanged.connect(lambda *_: model.fetch_all())

    def fit_columns(self) -> None:
        """Size columns to their content; the stretch column takes what is left."""
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        self.resizeColumnsToContents()
        for column in range(header.count()):
            if column != self.stretch_column and header.sectionSize(column) > 320:
                header.resizeSection(column, 320)
        header.setSectionResizeMode(self.stretch_column, QHeaderView.ResizeMode.Stretch)

    def visible_table(self) -> tuple[list[str], list[list[str]]]:
        """The header and rows as the user sees them now: filtered, sorted, every row."""
        self.source.fetch_all()
        header = [c.header for c in self.source.columns]
        rows = [
            [str(self.proxy.index(r, c).data() or "") for c in range(len(header))]
            for r in range(self.proxy.rowCount())
        ]
        return header, rows

    def current_id(self) -> int | None:
        index = self.currentIndex()
        if not index.isValid() or not self.selectionModel().isSelected(index):
            return None
        value = self.proxy.data(index, ID_ROLE)
        return None if value is None else int(value)

    def current_row(self) -> object | None:
        index = self.currentIndex()
        return self.proxy.data(index, ROW_ROLE) if index.isValid() else None

    def id_at(self, index: QModelIndex) -> int | None:
        value = self.proxy.data(index, ID_ROLE)
        return None if value is None else int(value)

    def select_id(self, ident: int) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if self.proxy.data(index, ID_ROLE) == ident:
                self.setCurrentIndex(index)
                self.selectRow(row)
                return

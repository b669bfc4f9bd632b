"""A table view set up the way every list in the app wants it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView, QWidget

from matchnotes.ui.models.table_model import ID_ROLE, ROW_ROLE, SORT_ROLE, ReadModelTable

FIT_ROWS = 60  # rows measured for column widths: about two screens
MAX_COLUMN_WIDTH = 320  # a long venue or quote must not push the others off screen


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
        # A double-click on a column edge measures the first rows only, not ten thousand.
        self.horizontalHeader().setResizeContentsPrecision(FIT_ROWS)
        # Compact rows: text height plus a little air, fixed for every row.
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.stretch_column = next(
            (i for i, c in enumerate(model.columns) if c.stretch), len(model.columns) - 1
        )
        self.fit_columns()
        self.horizontalHeader().sortIndicatorChanged.connect(lambda *_: model.fetch_all())

    def fit_columns(self) -> None:
        """Size columns to their content; the stretch column takes what is left.

        Measured here from the first ``FIT_ROWS`` rows' text rather than by Qt's
        resizeColumnsToContents, which asks every cell for half a dozen roles through
        Python: on the first frame that alone took a tenth of a second.
        """
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        metrics = self.fontMetrics()
        margin = 2 * (self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1) + 4
        icon = self.iconSize().width() if self.iconSize().isValid() else 16
        rows = [self.source.row_at(r) for r in range(min(FIT_ROWS, self.source.rowCount()))]
        for index, column in enumerate(self.source.columns):
            if index == self.stretch_column:
                continue
            texts = {column.text(row) for row in rows}
            content = max((metrics.horizontalAdvance(text) for text in texts), default=0)
            if column.icon is not None and rows:
                content += icon + margin // 2
            width = max(header.sectionSizeHint(index), content + margin)
            header.resizeSection(index, min(width, MAX_COLUMN_WIDTH))
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

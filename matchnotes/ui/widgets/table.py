"""A table view set up the way every list in the app wants it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView, QWidget

from matchnotes.ui.models.table_model import ID_ROLE, ROW_ROLE, ReadModelTable

FIT_ROWS = 60  # rows measured for column widths: about two screens
MAX_COLUMN_WIDTH = 320  # a long venue or quote must not push the others off screen


class ReadModelTableView(QTableView):
    """Sortable, filterable, one row selected, fixed row height (no per-row measuring).

    The model sorts and filters itself (a header click calls ``model.sort``); the row
    selected stays selected through a sort, a filter or new rows.
    """

    def __init__(self, model: ReadModelTable, parent: QWidget | None = None,
                 *, sortable: bool = True) -> None:  # fmt: skip
        super().__init__(parent)
        self.source = model
        self._kept: int | None = None  # the id selected before the model was reset
        self.setModel(model)
        # Connected after setModel: runs after the view has cleared its selection.
        model.modelAboutToBeReset.connect(self._keep_selection)
        model.modelReset.connect(self._restore_selection)
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
        columns = self.source.columns
        header = [c.header for c in columns]
        return header, [[c.text(row) for c in columns] for row in self.source.listed()]

    def current_id(self) -> int | None:
        index = self.currentIndex()
        if not index.isValid() or not self.selectionModel().isSelected(index):
            return None
        value = self.source.data(index, ID_ROLE)
        return None if value is None else int(value)

    def current_row(self) -> object | None:
        index = self.currentIndex()
        return self.source.data(index, ROW_ROLE) if index.isValid() else None

    def row_at_index(self, index: QModelIndex) -> object | None:
        return self.source.data(index, ROW_ROLE)

    def id_at(self, index: QModelIndex) -> int | None:
        value = self.source.data(index, ID_ROLE)
        return None if value is None else int(value)

    def select_id(self, ident: int) -> None:
        row = self.source.row_of(ident)
        if row is None:
            return
        self.source.show_row(row)
        self.setCurrentIndex(self.source.index(row, 0))
        self.selectRow(row)

    def _keep_selection(self) -> None:
        self._kept = self.current_id()

    def _restore_selection(self) -> None:
        kept, self._kept = self._kept, None
        if kept is not None:
            self.select_id(kept)

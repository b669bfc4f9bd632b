"""One table model for every list of read models: columns are declared, not coded.

Rows are frozen dataclasses from the services, held in memory; the view asks only for
the rows it paints. fetchMore hands rows to the view in batches, so a list of ten
thousand matches opens as fast as a list of two hundred.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QIcon

from matchnotes.ui.plain_text import as_tooltip

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex

SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # the raw value a column sorts by
ID_ROLE = Qt.ItemDataRole.UserRole + 2  # the row's id
ROW_ROLE = Qt.ItemDataRole.UserRole + 3  # the read model itself
BATCH = 500


@dataclass(frozen=True)
class Column(Generic[T]):
    header: str
    text: Callable[[T], str]
    sort: Callable[[T], Any] | None = None
    icon: Callable[[T], QIcon | None] | None = None
    align: Qt.AlignmentFlag | None = None
    tooltip: Callable[[T], str] | None = None
    stretch: bool = False  # this column takes the spare width


class ReadModelTable(QAbstractTableModel, Generic[T]):
    def __init__(self, columns: Sequence[Column[T]], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list[T] = []
        self._shown = 0

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._shown = min(len(self._rows), BATCH)
        self.endResetModel()

    def rows(self) -> list[T]:
        return list(self._rows)

    def row_at(self, row: int) -> T:
        return self._rows[row]

    def fetch_all(self) -> None:
        """Show every row (before sorting: the proxy can only sort the rows it has)."""
        while self.canFetchMore():
            self.fetchMore()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._shown < len(self._rows)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        more = min(BATCH, len(self._rows) - self._shown)
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self._shown:
            return None
        item = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(item)
        if role == SORT_ROLE:
            return column.sort(item) if column.sort else column.text(item).casefold()
        if role == Qt.ItemDataRole.DecorationRole and column.icon:
            return column.icon(item)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align is not None:
            return column.align
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip:
            return as_tooltip(column.tooltip(item))  # user text: never HTML
        if role == ID_ROLE:
            return getattr(item, "id", None)
        if role == ROW_ROLE:
            return item
        return None

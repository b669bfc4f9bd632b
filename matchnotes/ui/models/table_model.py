"""One table model for every list of read models: columns are declared, not coded.

Rows are frozen dataclasses from the services, held in memory; the view asks only for
the rows it paints. The model sorts and filters itself, on keys computed once per
column (a QSortFilterProxyModel asks every row through Python for every comparison:
1.5 s to sort ten thousand matches). fetchMore hands rows to the view in batches, so
a list of ten thousand matches opens, sorts and filters as fast as one of two hundred.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QIcon

from matchnotes.text import fold
from matchnotes.ui.plain_text import as_tooltip

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex

SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # the raw value a column sorts by
ID_ROLE = Qt.ItemDataRole.UserRole + 2  # the row's id
ROW_ROLE = Qt.ItemDataRole.UserRole + 3  # the read model itself
BATCH = 500
PREFOLD = 2000  # from this many rows the filter's texts are folded ahead, on a worker


@dataclass(frozen=True)
class Column(Generic[T]):
    header: str
    text: Callable[[T], str]
    sort: Callable[[T], Any] | None = None
    icon: Callable[[T], QIcon | None] | None = None
    align: Qt.AlignmentFlag | None = None
    tooltip: Callable[[T], str] | None = None
    stretch: bool = False  # this column takes the spare width

    def key(self, item: T) -> Any:
        return self.sort(item) if self.sort else self.text(item).casefold()


_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ToolTipRole,
        SORT_ROLE,
        ID_ROLE,
        ROW_ROLE,
    }
)


def _sort_keys(column: Column[T], rows: Sequence[T]) -> list[Any]:
    keys = [column.key(r) for r in rows]
    if any(k is None for k in keys):  # empty values last, never compared with others
        keys = [(k is None, k) for k in keys]
    return keys


def _fold_fast(text: str) -> str:
    # Plain ASCII (dates, most names) only needs lower case: fold() normalises Unicode.
    return " ".join(text.lower().split()) if text.isascii() else fold(text)


class ReadModelTable(QAbstractTableModel, Generic[T]):
    def __init__(self, columns: Sequence[Column[T]], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._all: list[T] = []
        self._order: list[int] = []  # indexes into _all: the rows listed, filtered and sorted
        self._shown = 0
        self._keys: dict[int, list[tuple[bool, Any]]] = {}  # per column, aligned with _all
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._filter: Callable[[T], bool] | None = None
        self._haystacks: list[str] | None = None  # folded row texts, aligned with _all
        self._words: list[str] = []  # typed in the filter box

    # --- rows in ---

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._all = list(rows)
        self._keys.clear()
        self._haystacks = None
        if self._words:
            self._haystacks = self._fold_haystacks()
        self._arrange()
        self.endResetModel()
        if self._haystacks is None and len(self._all) >= PREFOLD:
            self._prefold()

    def append_row(self, row: T) -> None:
        """One more row at the end (a moment just logged), without resetting the view."""
        plain = self._sort is None and self._filter is None and not self._words
        if not plain or self._shown < len(self._order):
            self.set_rows([*self._all, row])
            return
        end = len(self._all)
        self.beginInsertRows(QModelIndex(), end, end)
        self._all.append(row)
        self._order.append(end)
        self._shown += 1
        self._keys.clear()
        self._haystacks = None
        self.endInsertRows()

    def update_rows(self, rows: Sequence[T]) -> None:
        """The rows again, a few of them added, changed or taken out (what others logged,
        put in place: ui/live.py), told to the view row by row so that its selection and
        scroll stay. Rows are matched by ``id``; one that is the very object held is
        unchanged. Reset instead when the list is sorted or filtered, not all handed to the
        view yet, or a row moved."""
        new = list(rows)
        plain = self._sort is None and self._filter is None and not self._words
        old_ids = [getattr(r, "id", None) for r in self._all]
        new_ids = [getattr(r, "id", None) for r in new]
        wanted, held = set(new_ids), set(old_ids)
        if (
            not plain
            or self._shown < len(self._order)
            or None in wanted
            or len(wanted) != len(new_ids)
            or [i for i in old_ids if i in wanted] != [i for i in new_ids if i in held]
        ):
            self.set_rows(new)
            return
        for at in range(len(old_ids) - 1, -1, -1):  # taken out, from the bottom up
            if old_ids[at] not in wanted:
                self.beginRemoveRows(QModelIndex(), at, at)
                del self._all[at]
                self._order = list(range(len(self._all)))
                self._shown = len(self._all)
                self.endRemoveRows()
        for at, ident in enumerate(new_ids):  # added, in their places
            if ident not in held:
                self.beginInsertRows(QModelIndex(), at, at)
                self._all.insert(at, new[at])
                self._order = list(range(len(self._all)))
                self._shown = len(self._all)
                self.endInsertRows()
        changed = [at for at, row in enumerate(new) if self._all[at] is not row]
        self._all = new
        self._keys.clear()
        self._haystacks = None
        if changed:  # one signal for the span (a late goal moves every score after it)
            last = len(self.columns) - 1
            self.dataChanged.emit(self.index(changed[0], 0), self.index(changed[-1], last))

    def _prefold(self) -> None:
        """Fold a long list's texts on a worker, before the first key is typed."""
        from matchnotes.ui.workers import BackgroundOp

        rows = self._all

        def done(haystacks: list[str]) -> None:
            if self._all is rows and self._haystacks is None:
                self._haystacks = haystacks

        BackgroundOp(self, lambda _progress: self._fold_haystacks(rows)).on_success(done).run()

    def rows(self) -> list[T]:
        """Every row given, whatever the filter hides."""
        return list(self._all)

    def count(self) -> int:
        """How many rows there are, whatever the filter hides."""
        return len(self._all)

    def listed(self) -> list[T]:
        """The rows the view lists, in its order (every one, shown yet or not)."""
        return [self._all[i] for i in self._order]

    def listed_count(self) -> int:
        return len(self._order)

    def row_at(self, row: int) -> T:
        return self._all[self._order[row]]

    def row_of(self, ident: int) -> int | None:
        """Where the row with this id is listed, or None if filtered out."""
        for row, i in enumerate(self._order):
            if getattr(self._all[i], "id", None) == ident:
                return row
        return None

    def show_row(self, row: int) -> None:
        """Hand the view rows up to ``row`` (e.g. to select one far down)."""
        while self._shown <= row and self.canFetchMore():
            self.fetchMore()

    def fetch_all(self) -> None:
        self.show_row(len(self._order) - 1)

    # --- sorting and filtering ---

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self._sort = (column, order)
        self.beginResetModel()
        self._arrange()
        self.endResetModel()

    def set_filter(self, text: str, accepts: Callable[[T], bool] | None = None) -> None:
        """Keep the rows whose text holds every word of ``text`` (accent- and case-blind)
        and that ``accepts`` takes."""
        self.beginResetModel()
        self._filter = accepts
        self._words = fold(text).split()
        if self._words and self._haystacks is None:
            self._haystacks = self._fold_haystacks()
        self._arrange()
        self.endResetModel()

    def _fold_haystacks(self, rows: Sequence[T] | None = None) -> list[str]:
        """Each row's texts folded and joined, column by column: the cells of a column
        repeat (teams, competitions, roles), so each distinct text is folded once."""
        rows = self._all if rows is None else rows
        columns = zip(*(self.haystack(row) for row in rows), strict=True)
        folded = []
        for cells in columns:
            keys = {text: _fold_fast(text) for text in set(cells)}
            folded.append([keys[text] for text in cells])
        return [" ".join(parts) for parts in zip(*folded, strict=True)]

    def haystack(self, row: T) -> Sequence[str]:
        """The texts the filter box searches: the columns shown, unless told otherwise."""
        return [c.text(row) for c in self.columns]

    def _arrange(self) -> None:
        accepts, words, rows = self._filter, self._words, self._all
        order = [i for i, row in enumerate(rows) if accepts is None or accepts(row)]
        if words and self._haystacks is not None:
            texts = self._haystacks
            order = [i for i in order if all(w in texts[i] for w in words)]
        if self._sort is not None:
            column, direction = self._sort
            keys = self._keys.get(column)
            if keys is None:
                keys = self._keys[column] = _sort_keys(self.columns[column], self._all)
            # Stable both ways: equal rows keep the order the service gave.
            order.sort(key=keys.__getitem__, reverse=direction == Qt.SortOrder.DescendingOrder)
        self._order = order
        self._shown = min(len(order), BATCH)

    # --- Qt model ---

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._shown < len(self._order)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        more = min(BATCH, len(self._order) - self._shown)
        if more <= 0:
            return
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
        if role not in _ROLES:  # font, colours, check state…: asked for every cell painted
            return None
        if not index.isValid():
            return None
        column = self.columns[index.column()]
        # Asked for every cell painted too: answered without finding the row.
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return column.align
        if role == Qt.ItemDataRole.DecorationRole and column.icon is None:
            return None
        row = index.row()
        if row >= self.rowCount():
            return None
        item = self.row_at(row)
        if item is None:  # a windowed row deleted since its id was listed
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(item)
        if role == SORT_ROLE:
            return column.key(item)
        if role == Qt.ItemDataRole.DecorationRole and column.icon:
            return column.icon(item)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip:
            return as_tooltip(column.tooltip(item))  # user text: never HTML
        if role == ID_ROLE:
            return getattr(item, "id", None)
        if role == ROW_ROLE:
            return item
        return None

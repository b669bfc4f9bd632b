"""A table over a list too big to hold: the service sorts and filters ids in SQL, on a
worker; the model fetches the rows on screen by id, a page at a time.

Fifty thousand quotes as views took 2 s and ~50 MB; their ids take 0.4 MB, and a
screenful of rows one query of a few milliseconds. While a new order or filter is
being worked out the old rows stay on screen; answers to older requests are dropped.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QModelIndex, Qt, Signal

from matchnotes.ui.models.table_model import Column, Index, ReadModelTable
from matchnotes.ui.workers import BackgroundOp

T = TypeVar("T")
PAGE = 100  # rows fetched at once: a screen or two
KEEP_PAGES = 40  # pages kept; older ones are fetched again if scrolled back to

FetchIds = Callable[[str, bool, str], list[int]]  # (order, descending, text) -> ids


class WindowedTable(ReadModelTable[T]):
    loaded = Signal()  # a new list of ids is in (first load, sort, filter, reload)

    def __init__(self, columns: Sequence[Column[T]], orders: Sequence[str | None],
                 default: tuple[int, Qt.SortOrder], parent: Any = None) -> None:  # fmt: skip
        super().__init__(columns, parent)
        self.orders = list(orders)  # the service's name of each column's order (None: fixed)
        self._ids: list[int] = []
        self._pages: OrderedDict[int, dict[int, T]] = OrderedDict()
        self._fetch_ids: FetchIds | None = None
        self._fetch_rows: Callable[[list[int]], list[T]] | None = None
        self._sort = default
        self._text = ""
        self._total = 0  # rows without a filter, for the status bar
        self._asked = 0  # generation of the newest request
        self.loading = False

    def attach(self, fetch_ids: FetchIds, fetch_rows: Callable[[list[int]], list[T]]) -> None:
        self._fetch_ids, self._fetch_rows = fetch_ids, fetch_rows

    def reload(self) -> None:
        """Ask for the ids again (after a change); the rows on screen stay until they come."""
        if self._fetch_ids is None:
            return
        self._asked += 1
        asked, fetch = self._asked, self._fetch_ids
        column, direction = self._sort
        order = self.orders[column] or next(o for o in self.orders if o)
        descending, text = direction == Qt.SortOrder.DescendingOrder, self._text

        def work(_progress: object) -> list[int] | None:
            if asked != self._asked:
                return None  # typed on since: a newer request follows
            return fetch(order, descending, text)

        self.loading = True
        op = BackgroundOp(self, work)
        op.on_success(lambda ids: self._arrived(asked, ids, text))
        op.on_failure(lambda _message: self._arrived(asked, None, text))
        op.run()

    def _arrived(self, asked: int, ids: list[int] | None, text: str) -> None:
        if asked != self._asked or ids is None:
            if asked == self._asked:
                self.loading = False
            return
        self.beginResetModel()
        self._ids = ids
        self._pages.clear()
        if not text:
            self._total = len(ids)
        self.endResetModel()
        self.loading = False
        self.loaded.emit()

    # --- what the view and windows ask ---

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(self.orders) and self.orders[column] is not None:
            self._sort = (column, order)
            self.reload()

    def set_filter(self, text: str, accepts: Callable[[T], bool] | None = None) -> None:
        self._text = text
        self.reload()

    def set_rows(self, rows: Sequence[T]) -> None:
        raise TypeError("a windowed table fetches its own rows: call reload()")

    def rows(self) -> list[T]:
        return self.listed()

    def count(self) -> int:
        return self._total

    def listed(self) -> list[T]:
        return [row for r in range(len(self._ids)) if (row := self.row_at(r)) is not None]

    def listed_count(self) -> int:
        return len(self._ids)

    def row_at(self, row: int) -> T:
        number = row // PAGE
        page = self._pages.get(number)
        if page is None:
            page = self._fetch_page(number)
        else:
            self._pages.move_to_end(number)
        return page.get(self._ids[row])  # type: ignore[return-value]

    def _fetch_page(self, number: int) -> dict[int, T]:
        assert self._fetch_rows is not None
        ids = self._ids[number * PAGE : (number + 1) * PAGE]
        page = {getattr(row, "id"): row for row in self._fetch_rows(ids)}  # noqa: B009
        self._pages[number] = page
        while len(self._pages) > KEEP_PAGES:
            self._pages.popitem(last=False)
        return page

    def row_of(self, ident: int) -> int | None:
        try:
            return self._ids.index(ident)
        except ValueError:
            return None

    def show_row(self, row: int) -> None:
        pass  # every row is there already (fetched when painted)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return False

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

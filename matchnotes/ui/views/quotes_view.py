"""The quotes library: every quote, sorted and filtered in SQL, fetched as it is shown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget

from matchnotes.services.views import QuoteView
from matchnotes.ui.models.columns import QUOTE_COLUMNS
from matchnotes.ui.models.windowed_model import WindowedTable
from matchnotes.ui.views.list_views import FilteredListView

if TYPE_CHECKING:
    from matchnotes.services.quotes import QuoteService

# The service's order for each column of QUOTE_COLUMNS (Speaker, Quote, Context, Match, By).
QUOTE_ORDERS = ["speaker", "text", "context", "match", "author"]
NEWEST_FIRST = (3, Qt.SortOrder.DescendingOrder)


class QuotesView(FilteredListView):
    loaded = Signal()  # the list (or its new order or filter) is on screen

    def __init__(self, parent: QWidget | None = None) -> None:
        self.model: WindowedTable[QuoteView] = WindowedTable(
            QUOTE_COLUMNS, QUOTE_ORDERS, NEWEST_FIRST
        )
        super().__init__(
            QUOTE_COLUMNS,
            placeholder="Filter quotes: words, speaker, teams, who logged it",
            empty_html="<h3>No quotes yet</h3><p>Open a match and add what was said "
            "(<b>Match ▸ Add quote</b>).</p>",
            parent=parent,
            model=self.model,
        )
        self.table.horizontalHeader().setSortIndicator(*NEWEST_FIRST)
        self.model.loaded.connect(self._on_model_loaded)

    def load(self, quotes: QuoteService) -> None:
        """(Re)read the list from the database, on a worker; shown when it arrives."""
        self.model.attach(quotes.ordered_ids, quotes.by_ids)
        if self.model.count() == 0:  # not "No quotes yet" before the worker has answered
            self.empty_label.setText("<p>Reading the quotes…</p>")
            self.stack.setCurrentWidget(self.empty_label)
        self.model.reload()

    def quote(self, quote_id: int) -> QuoteView | None:
        row = self.model.row_of(quote_id)
        return None if row is None else self.model.row_at(row)

    def _on_model_loaded(self) -> None:
        empty = self.model.count() == 0
        self.empty_label.setText(self._empty_html)
        self.stack.setCurrentWidget(self.empty_label if empty else self.table)
        self.filter_edit.setEnabled(not empty)
        if not empty and not self._sized:
            self._sized = True
            self.table.fit_columns()
        self.loaded.emit()

"""The matches list: text filter plus competition, team and year filters."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QWidget

from matchnotes.services.views import MatchSummary
from matchnotes.text import fold
from matchnotes.ui.models.columns import MATCH_COLUMNS
from matchnotes.ui.models.table_model import ROW_ROLE, SORT_ROLE
from matchnotes.ui.views.list_views import FilteredListView

ANY = "any"


class MatchFilterProxy(QSortFilterProxyModel):
    """Filters on the read model itself (no per-cell text scanning)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = ""
        self.competition: str | None = None
        self.team: str | None = None
        self.year: int | None = None

    def set_filters(self, text: str, competition: str | None, team: str | None,
                    year: int | None) -> None:  # fmt: skip
        self.beginFilterChange()
        self.text, self.competition, self.team, self.year = fold(text), competition, team, year
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        m: MatchSummary = self.sourceModel().index(row, 0, parent).data(ROW_ROLE)
        if self.competition and m.competition != self.competition:
            return False
        if self.team and self.team not in (m.home, m.away):
            return False
        if self.year and m.date.year != self.year:
            return False
        if self.text:
            fields = (m.home, m.away, m.competition, m.stage, m.venue, m.season, str(m.date))
            haystack = fold(" ".join(x or "" for x in fields))
            return all(word in haystack for word in self.text.split())
        return True


class MatchesView(FilteredListView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            MATCH_COLUMNS,
            placeholder="Filter matches: team, competition, venue… (Ctrl+F)",
            empty_html="<h3>No matches yet</h3><p>Create one with <b>Match ▸ New match</b> "
            "(Ctrl+N), or start the app with <code>matchnotes --demo</code> to explore the "
            "England v France match of the 2022 World Cup.</p>",
            parent=parent,
        )
        self.filter_proxy = MatchFilterProxy(self)
        self.filter_proxy.setSourceModel(self.table.source)
        self.filter_proxy.setSortRole(SORT_ROLE)
        self.table.proxy = self.filter_proxy
        self.table.setModel(self.filter_proxy)
        self.table.sortByColumn(
            0, self.table.horizontalHeader().sortIndicatorOrder().DescendingOrder
        )
        self.competition = QComboBox(minimumContentsLength=14)
        self.team = QComboBox(minimumContentsLength=14)
        self.year = QComboBox(minimumContentsLength=6)
        filters = QHBoxLayout()
        filters.addWidget(self.filter_edit, 2)
        for combo in (self.competition, self.team, self.year):
            filters.addWidget(combo, 1)
            combo.setEnabled(False)  # until there are matches to choose from
            combo.currentIndexChanged.connect(self._apply_filters)
        self.layout_.insertLayout(0, filters)
        self.filter_edit.textChanged.disconnect()
        self.filter_edit.textChanged.connect(self._apply_filters)

    def set_matches(self, matches: list[MatchSummary]) -> None:
        self.set_rows(matches)
        self._fill(self.competition, "All competitions", sorted({m.competition for m in matches
                                                                 if m.competition}))  # fmt: skip
        self._fill(self.team, "All teams", sorted({t for m in matches for t in (m.home, m.away)}))
        self._fill(self.year, "All years", sorted({m.date.year for m in matches}, reverse=True))
        for combo in (self.competition, self.team, self.year):
            combo.setEnabled(bool(matches))
        self._apply_filters()  # once, with every list refilled

    def replace_matches(self, matches: list[MatchSummary]) -> None:
        """The whole list after the newest few shown at start-up: those come first in
        both, so the rows on screen, the selection and the scroll position stay put."""
        position = self.table.verticalScrollBar().value()
        self.set_matches(matches)
        self.table.verticalScrollBar().setValue(position)

    def _fill(self, combo: QComboBox, label: str, values: list) -> None:  # type: ignore[type-arg]
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(label, None)
        for value in values:
            combo.addItem(str(value), value)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def _apply_filters(self) -> None:
        filters = (self.competition.currentData(), self.team.currentData(),
                   self.year.currentData(), self.filter_edit.text())  # fmt: skip
        if any(filters):
            self.table.source.fetch_all()  # filter every row, not just those shown so far
        self.filter_proxy.set_filters(filters[3], *filters[:3])

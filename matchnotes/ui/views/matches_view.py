"""The matches list: a sortable, filterable table, or an empty state that says what to do."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from matchnotes.services.views import MatchSummary
from matchnotes.ui.models.matches_model import MATCH_ID_ROLE, SORT_ROLE, MatchesTableModel


class MatchesView(QWidget):
    match_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = MatchesTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)  # any column

        self.filter_edit = QLineEdit(placeholderText="Filter matches (team, competition, venue…)")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        # Fixed row heights: no per-row size computation on a long archive.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(self._on_table_activated)

        self.empty_label = QLabel(
            "<h3>No matches yet</h3><p>Create one with <b>Match ▸ New match</b>, "
            "or start the app with <code>matchnotes --demo</code> to explore the sample "
            "England v France match.</p>"
        )
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(self.table)

        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.stack)

    def set_matches(self, matches: list[MatchSummary]) -> None:
        self.model.set_matches(matches)
        self.stack.setCurrentWidget(self.table if matches else self.empty_label)
        self.filter_edit.setEnabled(bool(matches))
        self.table.resizeColumnsToContents()

    def _on_table_activated(self, index: object) -> None:
        match_id = self.proxy.data(index, MATCH_ID_ROLE)  # type: ignore[arg-type]
        if match_id is not None:
            self.match_activated.emit(int(match_id))

"""The matches table: a real QAbstractTableModel over MatchSummary read models."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from matchnotes.labels import ATTENDANCE_LABELS
from matchnotes.services.views import MatchSummary

Index = QModelIndex | QPersistentModelIndex

# Role for the raw value a column sorts by (dates as ISO text, scores as numbers).
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
MATCH_ID_ROLE = Qt.ItemDataRole.UserRole + 2

COLUMNS = ("Date", "Competition", "Stage", "Home", "Score", "Away", "Venue", "Fan", "Rating")


class MatchesTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[MatchSummary] = []

    def set_matches(self, matches: list[MatchSummary]) -> None:
        self.beginResetModel()
        self._rows = list(matches)
        self.endResetModel()

    def match_at(self, row: int) -> MatchSummary:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        m = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(m, column)
        if role == SORT_ROLE:
            return self._sort_value(m, column)
        if role == MATCH_ID_ROLE:
            return m.id
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == 4:
                return Qt.AlignmentFlag.AlignCenter
            if column == 3:
                return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    @staticmethod
    def _display(m: MatchSummary, column: int) -> str:
        values = (
            f"{m.date:%Y-%m-%d}",
            m.competition or "",
            m.stage or "",
            m.home,
            str(m.score),
            m.away,
            m.venue or "",
            ATTENDANCE_LABELS[m.fan_attendance],
            "" if m.rating is None else str(m.rating),
        )
        return values[column]

    @staticmethod
    def _sort_value(m: MatchSummary, column: int) -> Any:
        if column == 0:
            return f"{m.date.isoformat()} {m.kickoff_time or ''}"
        if column == 4:
            return m.score.home - m.score.away
        if column == 8:
            return -1 if m.rating is None else m.rating
        return MatchesTableModel._display(m, column).casefold()

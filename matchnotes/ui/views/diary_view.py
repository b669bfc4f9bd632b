"""The fan's diary: pick a year (or a competition), see its matches with results,
ratings and where they were watched; grounds visited and totals above the list."""

from __future__ import annotations

from collections import Counter
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from matchnotes.enums import Attendance
from matchnotes.services.views import MatchSummary
from matchnotes.ui.models.columns import MATCH_COLUMNS
from matchnotes.ui.models.table_model import ReadModelTable
from matchnotes.ui.widgets.table import ReadModelTableView

KEY_ROLE = Qt.ItemDataRole.UserRole + 1


class DiaryView(QWidget):
    match_activated = Signal(int)
    export_requested = Signal(int)  # a year

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matches: list[MatchSummary] = []
        self.periods = QListWidget()
        self.periods.setMaximumWidth(260)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.table = ReadModelTableView(ReadModelTable(MATCH_COLUMNS))
        right = QVBoxLayout()
        right.addWidget(self.summary)
        right.addWidget(self.table, 1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.periods)
        layout.addLayout(right, 1)
        self.periods.currentItemChanged.connect(self._on_periods_current_item_changed)
        self.table.activated.connect(self._on_table_activated)

    def set_matches(self, matches: list[MatchSummary]) -> None:
        self.matches = matches
        current = self.periods.currentItem().data(KEY_ROLE) if self.periods.currentItem() else None
        self.periods.blockSignals(True)
        self.periods.clear()
        years = Counter(m.date.year for m in matches)
        competitions = Counter((m.competition, m.season) for m in matches if m.competition)
        for year in sorted(years, reverse=True):
            self._add(f"{year} — {_matches(years[year])}", ("year", year))
        for (name, season), count in sorted(competitions.items(), key=lambda kv: str(kv[0])):
            self._add(f"{name} {season or ''} — {_matches(count)}", ("competition", (name, season)))
        self.periods.blockSignals(False)
        rows = [self.periods.item(i).data(KEY_ROLE) for i in range(self.periods.count())]
        self.periods.setCurrentRow(rows.index(current) if current in rows else 0)
        if not matches:
            self.summary.setText("<h3>Your diary is empty</h3><p>Matches you add appear here "
                                 "by year and by competition.</p>")  # fmt: skip
            self.table.source.set_rows([])

    def _add(self, text: str, key: object) -> None:
        item = QListWidgetItem(text)
        item.setData(KEY_ROLE, key)
        self.periods.addItem(item)

    def _on_periods_current_item_changed(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        kind, value = item.data(KEY_ROLE)
        if kind == "year":
            chosen = [m for m in self.matches if m.date.year == value]
            title = str(value)
        else:
            chosen = [m for m in self.matches if (m.competition, m.season) == tuple(value)]
            title = " ".join(x for x in value if x)
        chosen.sort(key=lambda m: (m.date, m.id))
        self.table.source.set_rows(chosen)
        self.table.fit_columns()
        self.summary.setText(diary_summary(title, chosen))

    def _on_table_activated(self, index: object) -> None:
        ident = self.table.id_at(index)  # type: ignore[arg-type]
        if ident is not None:
            self.match_activated.emit(ident)

    def current_year(self) -> int | None:
        item = self.periods.currentItem()
        if item is None:
            return None
        kind, value = item.data(KEY_ROLE)
        return value if kind == "year" else None


def diary_summary(title: str, matches: list[MatchSummary]) -> str:
    attended = [m for m in matches if m.fan_attendance is Attendance.ATTENDED]
    watched = [m for m in matches if m.fan_attendance is Attendance.WATCHED]
    grounds = sorted({m.venue for m in attended if m.venue})
    rated = [m.rating for m in matches if m.rating is not None]
    goals = sum(m.score.home + m.score.away for m in matches)
    facts = [_matches(len(matches)), f"{goals} goals", f"{len(attended)} attended",
             f"{len(watched)} watched"]  # fmt: skip
    if rated:
        facts.append(f"average rating {sum(rated) / len(rated):.1f}")
    text = f"<h3 style='margin:0'>{escape(title)}</h3><p>{escape(' · '.join(facts))}"
    if grounds:
        text += "<br>Grounds visited: " + escape(", ".join(grounds))
    return text + "</p>"


def _matches(count: int) -> str:
    return f"{count} match" if count == 1 else f"{count} matches"

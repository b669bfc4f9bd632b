"""The matches list: text filter plus competition, team, year and seen filters."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QWidget

from matchnotes.enums import Attendance
from matchnotes.services.views import MatchSummary
from matchnotes.ui.models.columns import MATCH_COLUMNS, SEEN_LABELS
from matchnotes.ui.models.table_model import ReadModelTable
from matchnotes.ui.views.list_views import FilteredListView

ANY = "any"
SEEN_CHOICES = (
    ("Seen or not", None),
    ("Seen by me", (Attendance.ATTENDED, Attendance.WATCHED)),
    ("Attended", (Attendance.ATTENDED,)),
    ("Watched", (Attendance.WATCHED,)),
    ("Not seen", (Attendance.NONE,)),
)


class MatchesTable(ReadModelTable[MatchSummary]):
    """The filter box searches teams, competition, stage, venue, season, date and
    whether the fan saw it ("attended", "watched")."""

    def haystack(self, row: MatchSummary) -> Sequence[str]:
        return (row.home, row.away, row.competition or "", row.stage or "", row.venue or "",
                row.season or "", str(row.date), SEEN_LABELS[row.fan_attendance])  # fmt: skip


class MatchesView(FilteredListView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            MATCH_COLUMNS,
            placeholder="Filter matches: team, competition, venue… (Ctrl+F)",
            empty_html="<h3>No matches yet</h3><p>Create one with <b>Match ▸ New match</b> "
            "(Ctrl+N), or start the app with <code>matchnotes --demo</code> to explore the "
            "England v France match of the 2022 World Cup.</p>",
            parent=parent,
            model=MatchesTable(MATCH_COLUMNS),
        )
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.competition = QComboBox(minimumContentsLength=14)
        self.team = QComboBox(minimumContentsLength=14)
        self.year = QComboBox(minimumContentsLength=6)
        self.seen = QComboBox(minimumContentsLength=8)  # the fan's: fixed choices
        for label, value in SEEN_CHOICES:
            self.seen.addItem(label, value)
        self.seen.currentIndexChanged.connect(self._apply_filters)
        filters = QHBoxLayout()
        filters.addWidget(self.filter_edit, 2)
        for combo in (self.competition, self.team, self.year):
            filters.addWidget(combo, 1)
            combo.setEnabled(False)  # until there are matches to choose from
            combo.currentIndexChanged.connect(self._apply_filters)
        filters.addWidget(self.seen, 1)
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
        competition = self.competition.currentData()
        team = self.team.currentData()
        year = self.year.currentData()
        seen = self.seen.currentData()

        def accepts(m: MatchSummary) -> bool:
            return (
                (not competition or m.competition == competition)
                and (not team or team in (m.home, m.away))
                and (not year or m.date.year == year)
                and (not seen or m.fan_attendance in seen)
            )

        chosen = accepts if (competition or team or year or seen) else None
        self.table.source.set_filter(self.filter_edit.text(), chosen)

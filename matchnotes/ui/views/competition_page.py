"""A competition: pick a season, see its group tables, its knock-out bracket, its top
scorers and its matches (computed from the results by services/competitions.py)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from matchnotes.services.competitions import CompetitionPage
from matchnotes.services.standings import GroupTable, Scorer, StandingRow
from matchnotes.text import counted
from matchnotes.ui.models.columns import MATCH_COLUMNS
from matchnotes.ui.models.table_model import Column, ReadModelTable
from matchnotes.ui.widgets.bracket import BracketView
from matchnotes.ui.widgets.table import ReadModelTableView

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _number(header: str, value: object) -> Column[StandingRow]:
    return Column(header, lambda r: str(value(r)), align=_RIGHT)  # type: ignore[operator]


STANDING_COLUMNS: list[Column[StandingRow]] = [
    Column("Team", lambda r: r.team, stretch=True),
    _number("P", lambda r: r.played),
    _number("W", lambda r: r.won),
    _number("D", lambda r: r.drawn),
    _number("L", lambda r: r.lost),
    _number("GF", lambda r: r.goals_for),
    _number("GA", lambda r: r.goals_against),
    Column("GD", lambda r: f"{r.goal_difference:+d}" if r.goal_difference else "0", align=_RIGHT),
    _number("Pts", lambda r: r.points),
]
SCORER_COLUMNS: list[Column[Scorer]] = [
    Column("Player", lambda s: s.name, stretch=True),
    Column("Team", lambda s: s.team or ""),
    # Ranked as the service lists them: goals, then fewer from the spot.
    Column("Goals", lambda s: str(s.goals), sort=lambda s: (s.goals, -s.penalties), align=_RIGHT),
    Column("Pens", lambda s: str(s.penalties), sort=lambda s: s.penalties, align=_RIGHT),
]
TIE_RULE = (
    "Ranked by points, goal difference, goals scored; head-to-head and fair play are not counted."
)


class CompetitionPageView(QWidget):
    page_kind = "competition"  # see MatchPage.page_kind
    match_activated = Signal(int)
    person_activated = Signal(int)
    season_requested = Signal(str)  # the main window reads that season on a worker
    show_matches_requested = Signal(str)  # the competition's name, for the matches list

    def __init__(self, competition_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.competition_id = competition_id
        self.page: CompetitionPage | None = None
        self.header = QLabel("<p>Reading the results…</p>")
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.season = QComboBox()
        self.season.setAccessibleName("Season")
        self.show_matches = QPushButton("Show in the matches list")
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(QLabel("Season:"))
        top.addWidget(self.season)
        top.addWidget(self.show_matches)
        self.groups = QWidget()
        self.groups_layout = QVBoxLayout(self.groups)
        groups_scroll = QScrollArea()
        groups_scroll.setWidgetResizable(True)
        groups_scroll.setWidget(self.groups)
        self.bracket = BracketView()
        bracket_scroll = QScrollArea()
        bracket_scroll.setWidgetResizable(True)
        bracket_scroll.setWidget(self.bracket)
        self.scorers = ReadModelTableView(ReadModelTable(SCORER_COLUMNS))
        self.scorers.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        self.matches = ReadModelTableView(ReadModelTable(MATCH_COLUMNS))
        self.tabs = QTabWidget()
        self.tabs.addTab(groups_scroll, "Tables")
        self.tabs.addTab(bracket_scroll, "Knock-out")
        self.tabs.addTab(self.scorers, "Top scorers")
        self.tabs.addTab(self.matches, "Matches")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.season.activated.connect(self._on_season_activated)
        self.show_matches.clicked.connect(self._on_show_matches_clicked)
        self.bracket.match_activated.connect(self.match_activated)
        self.matches.activated.connect(self._on_matches_activated)
        self.scorers.activated.connect(self._on_scorers_activated)

    def title(self) -> str:
        if self.page is None:
            return "Competition"
        return f"{self.page.name} {self.page.season or ''}".strip()

    def show_page(self, page: CompetitionPage) -> None:
        self.page = page
        t = page.tables
        facts = [counted(len(page.matches), "match")]
        if t.groups:
            facts.append(f"{len(t.groups)} groups")
        if t.rounds:
            facts.append(f"{len(t.rounds)} knock-out rounds")
        self.header.setText(
            f"<h2 style='margin:0'>{escape(page.name)}</h2><p>{escape(' · '.join(facts))}</p>"
        )
        self.season.blockSignals(True)
        self.season.clear()
        self.season.addItems(list(page.seasons))
        self.season.setCurrentIndex(max(0, self.season.findText(page.season or "")))
        self.season.blockSignals(False)
        self._show_groups(t.groups)
        self.bracket.set_rounds(t.rounds)
        self.scorers.source.set_rows(page.scorers)
        self.matches.source.set_rows(page.matches)
        for table in (self.scorers, self.matches):
            table.fit_columns()
        # Open on what the season has: tables for a league or group stage, else the bracket.
        for index, present in enumerate((t.groups, t.rounds, page.scorers, page.matches)):
            self.tabs.setTabEnabled(index, bool(present))
        if not self.tabs.isTabEnabled(self.tabs.currentIndex()):
            self.tabs.setCurrentIndex(next(
                (i for i in range(self.tabs.count()) if self.tabs.isTabEnabled(i)), 3
            ))  # fmt: skip

    def group_tables(self) -> list[ReadModelTableView]:
        return self.groups.findChildren(ReadModelTableView)

    def _show_groups(self, groups: tuple[GroupTable, ...]) -> None:
        while (item := self.groups_layout.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        for group in groups:
            pending = f" — {group.unplayed} to play" if group.unplayed else ""
            self.groups_layout.addWidget(QLabel(f"<b>{escape(group.name)}</b>{escape(pending)}"))
            table = ReadModelTableView(ReadModelTable(STANDING_COLUMNS), sortable=False)
            table.setObjectName(group.name)
            table.source.set_rows(group.rows)
            table.fit_columns()
            rows = max(1, len(group.rows))
            table.setFixedHeight(
                table.horizontalHeader().height()
                + rows * table.verticalHeader().defaultSectionSize()
                + 4
            )
            self.groups_layout.addWidget(table)
        if groups:
            note = QLabel(TIE_RULE)
            note.setWordWrap(True)
            self.groups_layout.addWidget(note)
        self.groups_layout.addStretch(1)

    def _on_season_activated(self, index: int) -> None:
        self.season_requested.emit(self.season.itemText(index))

    def _on_show_matches_clicked(self) -> None:
        if self.page is not None:
            self.show_matches_requested.emit(self.page.name)

    def _on_matches_activated(self, index: object) -> None:
        ident = self.matches.id_at(index)  # type: ignore[arg-type]
        if ident is not None:
            self.match_activated.emit(ident)

    def _on_scorers_activated(self, index: object) -> None:
        scorer = self.scorers.row_at_index(index)  # type: ignore[arg-type]
        if isinstance(scorer, Scorer):
            self.person_activated.emit(scorer.person_id)

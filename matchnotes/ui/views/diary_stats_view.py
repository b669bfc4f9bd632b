"""The diary in figures: a period (all time or a year) and a team to follow; the totals,
two charts, and lists a fan can open (grounds, countries, teams, players, on this day)."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from matchnotes.reports.bar_chart_render import (
    BarChart,
    paint_bar_chart,
    per_year_chart,
    team_chart,
)
from matchnotes.services.diary_figures import DiaryFigures, SeenMatch
from matchnotes.text import counted

if TYPE_CHECKING:
    from matchnotes.services import Services

MATCH_ROLE = Qt.ItemDataRole.UserRole + 1
PERSON_ROLE = Qt.ItemDataRole.UserRole + 2
TEAM_ROLE = Qt.ItemDataRole.UserRole + 3
GROUND_ROLE = Qt.ItemDataRole.UserRole + 4


class ChartView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart: BarChart | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def sizeHint(self) -> QSize:
        return QSize(420, 220)

    def set_chart(self, chart: BarChart | None) -> None:
        self.chart = chart
        self.setVisible(chart is not None)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.chart is None:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        ink = self.palette().color(QPalette.ColorRole.WindowText)
        paint_bar_chart(p, QRectF(self.rect()).adjusted(4, 4, -4, -4), self.chart, ink)
        p.end()


class DiaryStatsView(QWidget):
    match_activated = Signal(int)
    person_activated = Signal(int)  # a player of the Players list: Enter or a double-click
    ground_activated = Signal(str)  # a ground of the Grounds list: its name
    pdf_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services: Services | None = None
        self.figures: DiaryFigures | None = None
        self._reads = 0  # the number of the latest read asked for
        self.period = QComboBox()
        self.period.setAccessibleName("Period")
        self.team = QComboBox()
        self.team.setAccessibleName("Team to follow")
        self.export = QPushButton("Diary PDF…")
        top = QHBoxLayout()
        top.addWidget(QLabel("Period:"))
        top.addWidget(self.period)
        top.addWidget(QLabel("My team:"))
        top.addWidget(self.team)
        top.addStretch(1)
        top.addWidget(self.export)
        self.totals = QLabel("Reading the diary…")
        self.totals.setTextFormat(Qt.TextFormat.RichText)
        self.totals.setWordWrap(True)
        self.per_year = ChartView()
        self.team_chart = ChartView()
        charts = QHBoxLayout()
        charts.addWidget(self.per_year)
        charts.addWidget(self.team_chart)
        self.lists = QTabWidget()
        self.grounds, self.countries, self.teams, self.players, self.on_this_day = (
            QListWidget() for _ in range(5)
        )
        for widget, name in ((self.grounds, "Grounds"), (self.countries, "Countries"),
                             (self.teams, "Teams"), (self.players, "Players"),
                             (self.on_this_day, "On this day")):  # fmt: skip
            self.lists.addTab(widget, name)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.totals)
        layout.addLayout(charts)
        layout.addWidget(self.lists, 1)
        self.period.activated.connect(lambda _i: self.reload())
        self.team.activated.connect(lambda _i: self.reload())
        self.export.clicked.connect(self.pdf_requested)
        self.on_this_day.itemActivated.connect(self._on_match_item_activated)
        self.players.itemActivated.connect(self._on_player_item_activated)
        self.teams.itemActivated.connect(self._on_team_item_activated)
        self.grounds.itemActivated.connect(self._on_ground_item_activated)
        self.grounds.setToolTip("Double-click or Enter: the matches you saw there")
        self.players.setToolTip("Double-click or Enter: the player's page")
        self.teams.setToolTip("Double-click or Enter: follow this team (My team)")
        self.on_this_day.setToolTip("Double-click or Enter: the match's page")

    def attach(self, services: Services) -> None:
        self.services = services
        self.reload(choices=True)

    def chosen(self) -> tuple[int | None, int | None]:
        return self.period.currentData(), self.team.currentData()

    def reload(self, choices: bool = False) -> None:
        """Read the figures on a worker; what is shown stays until they arrive."""
        from matchnotes.ui.workers import BackgroundOp

        if self.services is None:
            return
        stats = self.services.diary_stats
        year, team = self.chosen()
        self._reads = ticket = self._reads + 1

        def work(_progress: object) -> tuple[DiaryFigures, list[tuple[int, str]] | None]:
            return stats.figures(year, team), stats.teams_seen() if choices else None

        def arrived(result: object) -> None:
            figures, teams = result  # type: ignore[misc]
            if teams is not None:  # the choices keep what is chosen now
                self._fill_choices(figures, teams)
            if ticket == self._reads:  # else the user chose again: two reads can cross
                self.show_figures(figures)

        BackgroundOp(self, work).on_success(arrived).on_failure(self.totals.setText).run()

    def _fill_choices(self, figures: DiaryFigures, teams: list[tuple[int, str]]) -> None:
        year, team = self.chosen()
        self.period.clear()
        self.period.addItem("All time", None)
        for y, attended, watched in reversed(figures.per_year):
            if attended or watched:
                self.period.addItem(str(y), y)
        self.period.setCurrentIndex(max(0, self.period.findData(year)))
        self.team.clear()
        self.team.addItem("(none)", None)
        for ident, name in teams:
            self.team.addItem(name, ident)
        self.team.setCurrentIndex(max(0, self.team.findData(team)))

    def show_figures(self, f: DiaryFigures) -> None:
        self.figures = f
        self.totals.setText(totals_html(f))
        self.per_year.set_chart(per_year_chart(f.per_year) if f.per_year else None)
        self.team_chart.set_chart(team_chart(f.team, f.team_per_year) if f.team else None)
        _fill(self.grounds, [
            f"{'★ ' if g.new else ''}{g.name}{', ' + g.city if g.city else ''} — "
            f"{counted(g.visits, 'visit')}, first {g.first_visit:%d %b %Y}"
            for g in f.grounds
        ])  # fmt: skip
        for row, g in enumerate(f.grounds):
            self.grounds.item(row).setData(GROUND_ROLE, g.name)
        _fill(self.countries, [f"{name} — {n}" for name, n in f.countries])
        _fill(self.teams, [f"{name} — {n}" for name, n in f.teams])
        for row, (name, _n) in enumerate(f.teams):
            self.teams.item(row).setData(TEAM_ROLE, name)
        _fill(self.players, [f"{name} — {n}" for name, n, _id in f.players])
        for row, (_name, _n, person_id) in enumerate(f.players):
            self.players.item(row).setData(PERSON_ROLE, person_id)
        self.on_this_day.clear()
        for m in f.on_this_day:
            item = QListWidgetItem(f"{m.date:%Y}: {m.title}")
            item.setData(MATCH_ROLE, m.id)
            self.on_this_day.addItem(item)

    def _on_match_item_activated(self, item: QListWidgetItem) -> None:
        self.match_activated.emit(int(item.data(MATCH_ROLE)))

    def _on_team_item_activated(self, item: QListWidgetItem) -> None:
        """A team of the Teams list becomes "my team": its record when you were there."""
        index = self.team.findText(item.data(TEAM_ROLE) or "")
        if index > 0:  # not "(none)", nor "Nothing yet"
            self.team.setCurrentIndex(index)
            self.reload()

    def _on_ground_item_activated(self, item: QListWidgetItem) -> None:
        if item.data(GROUND_ROLE) is not None:  # not "Nothing yet"
            self.ground_activated.emit(str(item.data(GROUND_ROLE)))

    def _on_player_item_activated(self, item: QListWidgetItem) -> None:
        if item.data(PERSON_ROLE) is not None:  # not "Nothing yet"
            self.person_activated.emit(int(item.data(PERSON_ROLE)))


def totals_html(f: DiaryFigures) -> str:
    if not f.matches:
        return (
            f"<h3>{escape(f.period)}: no matches seen</h3><p>Mark a match attended or "
            "watched and it counts here.</p>"
        )
    lines = [
        f"<h3>{escape(f.period)}: {counted(f.matches, 'match')} seen</h3>",
        f"<p>{f.attended} in the ground, {f.watched} watched · {counted(f.goals, 'goal')} · "
        f"{counted(len(f.grounds), 'ground')} ({sum(g.new for g in f.grounds)} new) · "
        f"{counted(len(f.countries), 'country', 'countries')} · {counted(len(f.teams), 'team')}"
        f" · {counted(len(f.players), 'player')}</p>",
    ]
    if f.biggest_win is not None:
        lines.append(f"<p>Biggest win seen: {_match(f.biggest_win)}</p>")
    if f.team_record is not None:
        r = f.team_record
        lines.append(
            f"<p>{escape(r.team)} when you were there: {r.played} played, "
            f"{r.won} won, {r.drawn} drawn, {r.lost} lost</p>"
        )
    for s in f.streaks:
        lines.append(
            f"<p>Longest run: {s.length} {escape(s.what)} ({s.first:%b %Y} – {s.last:%b %Y})</p>"
        )
    return "".join(lines)


def _match(m: SeenMatch) -> str:
    return f"{escape(m.title)} ({m.date:%d %b %Y})"


def _fill(widget: QListWidget, rows: list[str]) -> None:
    widget.clear()
    widget.addItems(rows or ["Nothing yet"])

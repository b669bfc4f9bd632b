"""The fan's diary: the matches they attended or watched, by year and by competition,
with results, ratings and grounds visited; totals above the list.

Only matches marked seen are in it (Match ▸ I saw this match, Ctrl+D; or "Add a match
I saw"): an archive of imported matches is not the fan's diary. The rows are read in
SQL on a worker (``services.diary.entries``), the old ones kept on screen until the
new ones arrive, so the tab never holds the window on a big archive.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from matchnotes.enums import Attendance
from matchnotes.services.views import MatchSummary
from matchnotes.text import counted
from matchnotes.ui.models.columns import MATCH_COLUMNS
from matchnotes.ui.models.table_model import ReadModelTable
from matchnotes.ui.views.diary_stats_view import DiaryStatsView
from matchnotes.ui.widgets.table import ReadModelTableView

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
READING_HTML = "<h3>Reading your diary…</h3>"
EMPTY_HTML = (
    "<h3>Your diary is empty</h3>"
    "<p>The diary lists the matches <b>you</b> attended or watched, by year and by "
    "competition.</p><p>Select a match in the <b>Matches</b> list (or open it) and press "
    "<b>Ctrl+D</b> — <i>Match ▸ I saw this match</i> — to mark it attended or watched, "
    "with where you watched it and your rating.</p><p>Or press <b>Add a match I saw…</b> "
    "above (Ctrl+Shift+D): it finds the match in the archive by its teams and date, "
    "and creates it when it is not there.</p>"
)


class DiaryView(QWidget):
    match_activated = Signal(int)
    add_requested = Signal()  # "Add a match I saw…" pressed
    loaded = Signal()  # rows read on a worker are on screen

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matches: list[MatchSummary] = []
        self._reads = 0  # the newest read asked for; older answers are dropped
        self.add_button = QPushButton("&Add a match I saw…")
        self.add_button.setToolTip("Find it in the archive by teams and date (Ctrl+Shift+D)")
        self.add_button.clicked.connect(self.add_requested)
        self.periods = QListWidget()
        self.periods.setMaximumWidth(260)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.table = ReadModelTableView(ReadModelTable(MATCH_COLUMNS))
        self.empty_label = QLabel(READING_HTML)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setTextFormat(Qt.TextFormat.RichText)
        self.empty_label.setMargin(24)
        right = QVBoxLayout()
        right.addWidget(self.summary)
        right.addWidget(self.table, 1)
        diary = QWidget()
        body = QHBoxLayout(diary)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.periods)
        body.addLayout(right, 1)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(diary)
        hint = QLabel("The matches you attended or watched. Ctrl+D on a match marks it.")
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        top = QHBoxLayout()
        top.addWidget(hint)
        top.addStretch(1)
        top.addWidget(self.add_button)
        # The diary in figures beside its list, read when first looked at and again
        # after each change (a Statistics tab nobody opens costs nothing).
        self.stats = DiaryStatsView()
        self.sections = QTabWidget()
        self.sections.addTab(self.stack, "Matches")
        self.sections.addTab(self.stats, "Statistics")
        self.sections.currentChanged.connect(lambda _i: self._refresh_stats())
        self.stats.match_activated.connect(self.match_activated)
        self.stats.ground_activated.connect(self.show_ground)
        self._stats_read: Callable[[], None] | None = None
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.sections, 1)
        self.periods.currentItemChanged.connect(self._on_periods_current_item_changed)
        self.table.activated.connect(self._on_table_activated)

    def load(
        self, read: Callable[[], list[MatchSummary]], stats: Callable[[], None] | None = None
    ) -> None:
        """Read the diary again on a worker; what is on screen stays until it arrives.
        ``stats`` reads the statistics (now if they are shown, else when they are)."""
        from matchnotes.ui.workers import BackgroundOp

        self._stats_read = stats
        self._refresh_stats()

        self._reads = ticket = self._reads + 1

        def arrived(rows: object) -> None:
            if ticket == self._reads:  # else a later read is on its way
                self.set_matches(rows)  # type: ignore[arg-type]
                self.loaded.emit()

        def failed(message: str) -> None:
            if ticket == self._reads and not self.matches:
                self.empty_label.setText(
                    f"<h3>The diary could not be read</h3><p>{escape(message)}"
                )

        BackgroundOp(self, lambda _progress: read()).on_success(arrived).on_failure(failed).run()

    def _refresh_stats(self) -> None:
        if self._stats_read is not None and self.sections.currentWidget() is self.stats:
            read, self._stats_read = self._stats_read, None
            read()

    def set_matches(self, matches: list[MatchSummary]) -> None:
        """Show these seen matches (the periods and totals come from them only)."""
        self.matches = matches
        current = self.periods.currentItem().data(KEY_ROLE) if self.periods.currentItem() else None
        selected = self.table.current_id()
        self.periods.blockSignals(True)
        self.periods.clear()
        years = Counter(m.date.year for m in matches)
        competitions = Counter((m.competition, m.season) for m in matches if m.competition)
        for year in sorted(years, reverse=True):
            self._add(f"{year} — {counted(years[year], 'match')}", ("year", year))
        for (name, season), count in sorted(competitions.items(), key=lambda kv: str(kv[0])):
            self._add(
                f"{name} {season or ''} — {counted(count, 'match')}",
                ("competition", (name, season)),
            )
        # A ground chosen in the figures stays while a match attended there is left.
        if current and current[0] == "venue" and any(_visit(m, current[1]) for m in matches):
            self._add_ground(current[1])
        self.periods.blockSignals(False)
        if not matches:
            self.empty_label.setText(EMPTY_HTML)
            self.stack.setCurrentWidget(self.empty_label)
            self.summary.clear()
            self.table.source.set_rows([])
            return
        self.stack.setCurrentIndex(1)
        rows = self._keys()
        # The list was cleared, so this always changes the current row: the table fills.
        self.periods.setCurrentRow(rows.index(current) if current in rows else 0)
        if selected is not None:
            self.table.select_id(selected)

    def show_ground(self, name: str) -> None:
        """The matches attended at this ground, listed on the Matches tab (from the figures'
        Grounds list): an entry of its own at the end of the periods."""
        if ("venue", name) not in self._keys():
            for row, key in reversed(list(enumerate(self._keys()))):  # one ground at a time
                if key[0] == "venue":
                    self.periods.takeItem(row)
            self._add_ground(name)
        self.sections.setCurrentWidget(self.stack)
        self.stack.setCurrentIndex(1)
        self.periods.setCurrentRow(self._keys().index(("venue", name)))
        self.table.setFocus()

    def _keys(self) -> list[tuple[str, object]]:
        return [self.periods.item(i).data(KEY_ROLE) for i in range(self.periods.count())]

    def _add_ground(self, name: str) -> None:
        count = sum(1 for m in self.matches if _visit(m, name))
        self._add(f"At {name} — {counted(count, 'match')}", ("venue", name))

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
        elif kind == "venue":
            chosen = [m for m in self.matches if _visit(m, value)]
            title = f"At {value}"
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


def _visit(m: MatchSummary, ground: str) -> bool:
    """A match the fan went to at this ground (the figures' Grounds count only those)."""
    return m.venue == ground and m.fan_attendance is Attendance.ATTENDED


def diary_summary(title: str, matches: list[MatchSummary]) -> str:
    attended = [m for m in matches if m.fan_attendance is Attendance.ATTENDED]
    watched = [m for m in matches if m.fan_attendance is Attendance.WATCHED]
    grounds = sorted({m.venue for m in attended if m.venue})
    rated = [m.rating for m in matches if m.rating is not None]
    goals = sum(m.score.home + m.score.away for m in matches)
    facts = [counted(len(matches), "match"), counted(goals, "goal"), f"{len(attended)} attended",
             f"{len(watched)} watched"]  # fmt: skip
    if rated:
        facts.append(f"average rating {sum(rated) / len(rated):.1f}")
    text = f"<h3 style='margin:0'>{escape(title)}</h3><p>{escape(' · '.join(facts))}"
    if grounds:
        text += "<br>Grounds visited: " + escape(", ".join(grounds))
    return text + "</p>"

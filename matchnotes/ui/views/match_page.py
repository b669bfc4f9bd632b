"""One match: a header, then tabs for moments, line-ups, quotes and notes.

The page only shows a MatchDetail; every change goes through EditActions, which call
the services and then ask the page to reload.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from matchnotes import clock
from matchnotes.enums import Decision, MatchStatus
from matchnotes.labels import DECISION_LABELS, STATUS_LABELS
from matchnotes.minutes import Minute
from matchnotes.services import Services
from matchnotes.services.views import MatchDetail
from matchnotes.ui.dialogs.seen_dialog import Seen, seen_line
from matchnotes.ui.models.columns import (
    LINEUP_COLUMNS,
    MOMENT_COLUMNS,
    NOTE_COLUMNS,
    QUOTE_COLUMNS,
)
from matchnotes.ui.models.table_model import ReadModelTable
from matchnotes.ui.views.draft_tab import DraftTab
from matchnotes.ui.widgets.clock import ClockBar, Run
from matchnotes.ui.widgets.quick_entry import QuickEntryBar
from matchnotes.ui.widgets.table import ReadModelTableView
from matchnotes.ui.widgets.timeline import TimelineWidget


class MatchPage(QWidget):
    page_kind = "match"  # how the main window tells pages apart without importing them
    person_activated = Signal(int)
    # (what, id) the user asked to edit: "moment", "lineup", "quote", "note"; or
    # ("lineups", match id) for the line-up editor
    edit_requested = Signal(str, int)

    def __init__(self, match_id: int, services: Services,
                 record_line: Callable[[int, str, Minute | None], str],
                 parent: QWidget | None = None, clock_run: Run | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.match_id = match_id
        self.detail: MatchDetail | None = None
        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.moments = ReadModelTableView(ReadModelTable(MOMENT_COLUMNS), sortable=False)
        self.home_lineup = ReadModelTableView(ReadModelTable(LINEUP_COLUMNS), sortable=False)
        self.away_lineup = ReadModelTableView(ReadModelTable(LINEUP_COLUMNS), sortable=False)
        self.home_title, self.away_title = QLabel(), QLabel()
        self.quotes = ReadModelTableView(ReadModelTable(QUOTE_COLUMNS), sortable=False)
        self.notes = ReadModelTableView(ReadModelTable(NOTE_COLUMNS), sortable=False)
        self.quotes.setWordWrap(True)

        lineups = QWidget()
        self.edit_lineups = QPushButton("Edit line-ups…")
        self.edit_lineups.setToolTip("Type or paste both teams' line-ups (Ctrl+L)")
        self.edit_lineups.clicked.connect(lambda: self.edit_requested.emit("lineups", match_id))
        bar = QHBoxLayout()
        bar.addWidget(self.edit_lineups)
        bar.addStretch(1)
        row = QHBoxLayout()
        outer = QVBoxLayout(lineups)
        outer.addLayout(bar)
        outer.addLayout(row, 1)
        for title, table in ((self.home_title, self.home_lineup),
                             (self.away_title, self.away_lineup)):  # fmt: skip
            column = QVBoxLayout()
            column.addWidget(title)
            column.addWidget(table)
            row.addLayout(column)

        self.tabs = QTabWidget()
        self.tabs.addTab(self.moments, "Moments")
        self.tabs.addTab(lineups, "Line-ups")
        self.tabs.addTab(self.quotes, "Quotes")
        self.tabs.addTab(self.notes, "Notes")
        self.draft = DraftTab(services, match_id)
        self.tabs.addTab(self.draft, "Draft")
        self.draft.source_clicked.connect(self._on_draft_source_clicked)
        self.clock_bar = ClockBar(services, match_id, clock_run)  # clock_run: undoable
        self.quick_entry = QuickEntryBar(services, match_id, record_line)
        layout = QVBoxLayout(self)
        self.timeline = TimelineWidget()
        layout.addWidget(self.header)
        layout.addWidget(self.timeline)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.clock_bar)
        layout.addWidget(self.quick_entry)

        self.moments.activated.connect(lambda i: self._edit("moment", self.moments, i))
        self.quotes.activated.connect(lambda i: self._edit("quote", self.quotes, i))
        self.notes.activated.connect(lambda i: self._edit("note", self.notes, i))
        self.timeline.moment_clicked.connect(self._on_timeline_moment_clicked)
        self.moments.clicked.connect(lambda index: self.timeline.select(self.moments.id_at(index)))
        for table in (self.home_lineup, self.away_lineup):
            table.activated.connect(lambda i, t=table: self._edit("lineup", t, i))

    def show_detail(self, detail: MatchDetail) -> None:
        first = self.detail is None  # the quick-entry bar has just read its names
        self.detail = detail
        s = detail.summary
        self.clock_bar.reload(finished=detail.summary.status is MatchStatus.FINISHED)
        periods = [m.minute.period for m in detail.moments]
        half_time = clock.half_time_reached(self.clock_bar.state, s.status, periods)
        self.header.setText(header_html(detail, half_time))
        self.moments.source.set_rows(detail.moments)
        self.home_lineup.source.set_rows(detail.lineup_of(s.home_id))
        self.away_lineup.source.set_rows(detail.lineup_of(s.away_id))
        self.home_title.setText(f"<b>{escape(s.home)}</b>")
        self.away_title.setText(f"<b>{escape(s.away)}</b>")
        self.quotes.source.set_rows(detail.quotes)
        self.notes.source.set_rows(detail.notes)
        self.timeline.show_detail(detail)
        if not first:
            self.quick_entry.reload_names()
        self.draft.reload(detail)
        self.moments.scrollToBottom()  # the newest moment in view while logging live
        counts = (len(detail.moments), len(detail.lineups), len(detail.quotes), len(detail.notes))
        for tab, (name, count) in enumerate(zip(("Moments", "Line-ups", "Quotes", "Notes"),
                                                counts, strict=True)):  # fmt: skip
            self.tabs.setTabText(tab, f"{name} ({count})" if count else name)
        for table in (self.moments, self.home_lineup, self.away_lineup):
            table.fit_columns()

    def show_moment_added(self, detail: MatchDetail) -> None:
        """``detail`` is the page shown plus one moment at the end: only what it changes."""
        self.detail = detail
        s = detail.summary
        self.clock_bar.reload(finished=s.status is MatchStatus.FINISHED)
        periods = [m.minute.period for m in detail.moments]
        half_time = clock.half_time_reached(self.clock_bar.state, s.status, periods)
        self.header.setText(header_html(detail, half_time))
        if self.moments.source.count() + 1 == len(detail.moments) and all(
            a is b for a, b in zip(self.moments.source.rows(), detail.moments, strict=False)
        ):
            self.moments.source.append_row(detail.moments[-1])  # logged live: at the end
        else:
            self.moments.source.set_rows(detail.moments)  # logged late: scores after it move
        self.timeline.show_detail(detail)
        self.quick_entry.reload_names()  # kept by the service unless the line changed them
        self.moments.scrollToBottom()
        self.tabs.setTabText(0, f"Moments ({len(detail.moments)})")

    def title(self) -> str:
        if self.detail is None:
            return "Match"
        s = self.detail.summary
        return f"{s.home} {s.score} {s.away}"

    def selected(self) -> tuple[str, int] | None:
        """What the user has selected on the current tab, as (kind, id)."""
        tab = self.tabs.currentIndex()
        if self.tabs.currentWidget() is self.draft:
            return None  # sentences are edited in place, not deleted like records
        if tab == 0:
            table, kind = self.moments, "moment"
        elif tab == 1:
            focused = self.away_lineup if self.away_lineup.hasFocus() else self.home_lineup
            table, kind = focused, "lineup"
        elif tab == 2:
            table, kind = self.quotes, "quote"
        else:
            table, kind = self.notes, "note"
        ident = table.current_id()
        return None if ident is None else (kind, ident)

    def _on_draft_source_clicked(self, kind: str, ident: int) -> None:
        """A sentence clicked on the Draft tab: select its moment (timeline and list) or quote."""
        if kind == "moment":
            self.timeline.select(ident)
            self.moments.select_id(ident)
        elif kind == "quote":
            self.quotes.select_id(ident)

    def _on_timeline_moment_clicked(self, moment_id: int) -> None:
        self.tabs.setCurrentIndex(0)
        self.moments.select_id(moment_id)

    def _edit(self, kind: str, table: ReadModelTableView, index: object) -> None:
        ident = table.id_at(index)  # type: ignore[arg-type]
        if ident is not None:
            self.edit_requested.emit(kind, ident)


def header_html(d: MatchDetail, half_time: bool = True) -> str:
    """The header as rich text; every user string is escaped (names are text, not HTML).

    ``half_time``: whether the first half is over (no "HT 0–1" while it is played)."""
    s = d.summary
    result = f"{escape(s.home)} {s.score.home}–{s.score.away} {escape(s.away)}"
    extra = []
    if d.moments and half_time:
        extra.append(f"HT {d.half_time}")
    if d.decided_by is not Decision.REGULAR:
        extra.append(DECISION_LABELS[d.decided_by].lower())
    if d.penalties:
        extra.append(f"{d.penalties} on penalties")
    lines = [
        " · ".join(escape(x) for x in (s.competition, s.season, s.stage) if x),
        f"{s.date:%A %d %B %Y}" + (f", kick-off {s.kickoff_time:%H:%M}" if s.kickoff_time else ""),
        ", ".join(escape(x) for x in (s.venue, d.venue_city) if x),
        " · ".join(x for x in (
            f"Attendance {d.attendance:,}" if d.attendance else "",
            f"Referee {escape(d.referee)}" if d.referee else "",
            STATUS_LABELS[s.status],
        ) if x),
        escape(seen_line(Seen(s.fan_attendance, d.watched_where, s.rating))),
    ]  # fmt: skip
    small = "<br>".join(line for line in lines if line)
    extra_html = f" <span style='font-size:small'>({', '.join(extra)})</span>" if extra else ""
    return f"<h2 style='margin:0'>{result}{extra_html}</h2><p>{small}</p>"

"""One match: a header, then tabs for moments, line-ups, quotes and notes.

The page only shows a MatchDetail; every change goes through EditActions, which call
the services and then ask the page to reload.

Opening is at once: the page says "Opening…" under the teams' names (known from the
list the match was picked in) while a worker reads the match, its clock and its draft
(a tenth of a second and more on a big archive), then fills in. The quick-entry line
takes lines meanwhile: they are saved by the service, which needs nothing the page shows.

After an edit the page is read again the same way (``load``): what is on screen stays
until the new read arrives, and only the newest read is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from matchnotes import clock
from matchnotes.clock import ClockState
from matchnotes.enums import MatchStatus
from matchnotes.errors import NotFoundError
from matchnotes.minutes import Minute
from matchnotes.services import Services
from matchnotes.services.views import MatchDetail, MatchSummary
from matchnotes.ui.after_paint import AfterPaint
from matchnotes.ui.models.columns import (
    LINEUP_COLUMNS,
    MOMENT_COLUMNS,
    NOTE_COLUMNS,
    PAGE_QUOTE_COLUMNS,
)
from matchnotes.ui.models.table_model import ReadModelTable
from matchnotes.ui.views.draft_tab import DraftTab
from matchnotes.ui.views.match_read import PageRead, header_html, read_page
from matchnotes.ui.widgets.clock import ClockBar, Run
from matchnotes.ui.widgets.quick_entry import QuickEntryBar
from matchnotes.ui.widgets.table import ReadModelTableView
from matchnotes.ui.widgets.timeline import TimelineWidget


class MatchPage(QWidget):
    page_kind = "match"  # how the main window tells pages apart without importing them
    person_activated = Signal(int)
    loaded = Signal()  # the worker's read is on screen
    load_failed = Signal(str)  # the match could not be read (deleted meanwhile…)
    reload_failed = Signal(str)  # read again after a change, it failed: the page stays
    # (what, id) the user asked to edit: "moment", "lineup", "quote", "note"; or
    # ("lineups", match id) for the line-up editor
    edit_requested = Signal(str, int)

    def __init__(self, match_id: int, services: Services,
                 record_line: Callable[[int, str, Minute | None], str],
                 parent: QWidget | None = None, clock_run: Run | None = None,
                 summary: MatchSummary | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.match_id = match_id
        self.services = services
        self.detail: MatchDetail | None = None
        self.summary = summary  # the list's row, shown while the match is read
        self._reads = 0  # each read or show takes a ticket: only the newest fills the page
        self._awaited = 0  # the ticket of a read on its way (0: none)
        self._filling = False  # the worker's read arrived, shown a step at a time
        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.moments = ReadModelTableView(ReadModelTable(MOMENT_COLUMNS), sortable=False)
        self.home_lineup = ReadModelTableView(ReadModelTable(LINEUP_COLUMNS), sortable=False)
        self.away_lineup = ReadModelTableView(ReadModelTable(LINEUP_COLUMNS), sortable=False)
        self.home_title, self.away_title = QLabel(), QLabel()
        self.quotes = ReadModelTableView(ReadModelTable(PAGE_QUOTE_COLUMNS), sortable=False)
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
        self._moments_count = AfterPaint(self, self._show_moments_count)
        self.tabs.addTab(self.moments, "Moments")
        self.tabs.addTab(lineups, "Line-ups")
        self.tabs.addTab(self.quotes, "Quotes")
        self.tabs.addTab(self.notes, "Notes")
        self.draft = DraftTab(services, match_id)
        self.tabs.addTab(self.draft, "Draft")
        self.draft.source_clicked.connect(self._on_draft_source_clicked)
        # clock_run: undoable; its state comes with the page's read
        self.clock_bar = ClockBar(services, match_id, clock_run, read_now=False)
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
        self._show_opening()

    # --- opening ---

    def is_open(self) -> bool:
        """Whether the match has been read and shown (else the page says "Opening…")."""
        return self.detail is not None and not self._filling

    def _show_opening(self) -> None:
        s = self.summary
        teams = f"{escape(s.home)} v {escape(s.away)}" if s else "The match"
        self.header.setText(f"<h2 style='margin:0'>{teams}</h2><p>Opening…</p>")
        for widget in (self.tabs, self.timeline, self.clock_bar):
            widget.setEnabled(False)  # nothing to act on yet; the quick-entry line is ready

    def load(self) -> None:
        """Read the page on a worker; it fills in when the read arrives. What is on
        screen (the page before a change, or "Opening…") stays until then."""
        from matchnotes.ui.workers import BackgroundOp

        self._reads += 1
        ticket, services, match_id = self._reads, self.services, self.match_id
        self._awaited = ticket

        def work(_progress: object) -> PageRead | NotFoundError:
            try:
                return read_page(services, match_id)
            except NotFoundError as exc:  # deleted (an undo, another window): close the page
                return exc

        def arrived(read: object) -> None:
            if ticket != self._reads:
                return  # a newer read or show came meanwhile
            self._awaited = 0
            if isinstance(read, NotFoundError):
                self.load_failed.emit(str(read))
            else:
                self.show_detail(read.detail, read)  # type: ignore[attr-defined]

        def failed(message: str) -> None:
            if ticket != self._reads:
                return
            self._awaited = 0
            if self.detail is None:
                self.load_failed.emit(message)  # nothing to show: the page cannot open
            else:
                self.reload_failed.emit(message)  # the page as it was stays

        BackgroundOp(self, work).on_success(arrived).on_failure(failed).run()

    def is_reading(self) -> bool:
        """Whether a read is on its way (what the page shows may be about to change)."""
        return self._awaited == self._reads != 0

    # --- showing ---

    def show_detail(self, detail: MatchDetail, read: PageRead | None = None) -> None:
        """Show the match. With ``read`` (the worker's: clock and draft too) the page fills
        in steps, one a turn of the event loop, what is on screen first; else at once."""
        self._reads += 1  # an older read still on its way must not replace this
        self._filling = False  # steps of an earlier read left: this shows it all
        first = self.detail is None  # the quick-entry bar has just read its names
        self.detail = detail
        finished = detail.summary.status is MatchStatus.FINISHED
        if read is None:
            self.clock_bar.reload(finished=finished)
        else:
            self.clock_bar.show_state(read.clock, finished=finished)
        self._show_moments()
        if not first:
            self.quick_entry.reload_names()
        drafts = None if read is None else (read.draft, read.draft_saved)
        steps = [self._show_timeline, self._show_lineups, self._show_quotes_and_notes,
                 lambda: self.draft.reload(self.detail, drafts)]  # fmt: skip
        if read is None:
            for step in steps:
                step()
            return
        self._filling = True
        ticket = self._reads

        def next_step() -> None:
            if ticket != self._reads:
                return  # shown again meanwhile, all at once
            steps.pop(0)()
            if steps:
                QTimer.singleShot(0, self, next_step)
            else:
                self._filling = False
                self.loaded.emit()

        QTimer.singleShot(0, self, next_step)

    def _show_moments(self) -> None:
        d = self.detail
        assert d is not None
        for widget in (self.tabs, self.timeline, self.clock_bar):
            widget.setEnabled(True)
        periods = [m.minute.period for m in d.moments]
        half_time = clock.half_time_reached(self.clock_bar.state, d.summary.status, periods)
        self.header.setText(header_html(d, half_time))
        self.moments.source.set_rows(d.moments)
        self.moments.fit_columns()
        self.moments.scrollToBottom()  # the newest moment in view while logging live
        counts = (len(d.moments), len(d.lineups), len(d.quotes), len(d.notes))
        for tab, (name, count) in enumerate(zip(("Moments", "Line-ups", "Quotes", "Notes"),
                                                counts, strict=True)):  # fmt: skip
            self.tabs.setTabText(tab, f"{name} ({count})" if count else name)

    def _show_timeline(self) -> None:
        assert self.detail is not None
        self.timeline.show_detail(self.detail)

    def _show_lineups(self) -> None:
        d = self.detail
        assert d is not None
        s = d.summary
        self.home_lineup.source.set_rows(d.lineup_of(s.home_id))
        self.away_lineup.source.set_rows(d.lineup_of(s.away_id))
        self.home_title.setText(f"<b>{escape(s.home)}</b>")
        self.away_title.setText(f"<b>{escape(s.away)}</b>")
        for table in (self.home_lineup, self.away_lineup):
            table.fit_columns()

    def _show_quotes_and_notes(self) -> None:
        assert self.detail is not None
        self.quotes.source.set_rows(self.detail.quotes)
        self.notes.source.set_rows(self.detail.notes)

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
            self.moments.source.update_rows(detail.moments)  # logged late: scores after it move
        self.timeline.show_detail(detail)
        self.quick_entry.reload_names()  # kept by the service unless the line changed them
        self.moments.scrollToBottom()
        self._moments_count.start()  # a tab's text lays the page out again: after the paint

    def _show_moments_count(self) -> None:
        if self.detail is not None:
            self.tabs.setTabText(0, f"Moments ({len(self.detail.moments)})")

    def show_changed(self, detail: MatchDetail, clock_state: ClockState | None = None) -> None:
        """``detail``: the page shown with what other reporters changed put in place
        (ui/live.py; ``clock_state`` read with it when the match row changed). Only the
        parts that changed are shown again, row by row: the selection and the scroll stay,
        and a list scrolled to its end follows the new lines."""
        before = self.detail
        if before is None or self._filling:
            self.show_detail(detail)
            return
        self.detail = detail
        s = detail.summary
        if clock_state is not None:
            self.clock_bar.show_state(clock_state, finished=s.status is MatchStatus.FINISHED)
        periods = [m.minute.period for m in detail.moments]
        half_time = clock.half_time_reached(self.clock_bar.state, s.status, periods)
        self.header.setText(header_html(detail, half_time))
        if detail.moments is not before.moments:
            bar = self.moments.verticalScrollBar()
            following = bar.value() == bar.maximum()
            self.moments.source.update_rows(detail.moments)
            if following:
                self.moments.scrollToBottom()
        if detail.moments is not before.moments or detail.summary != before.summary:
            self.timeline.show_detail(detail)
        names = (s.home, s.away)
        if detail.lineups is not before.lineups or names != (before.summary.home,
                                                             before.summary.away):  # fmt: skip
            self._show_lineups()
        for table, rows, old in ((self.quotes, detail.quotes, before.quotes),
                                 (self.notes, detail.notes, before.notes)):  # fmt: skip
            if rows is not old:
                table.source.update_rows(rows)
        self.quick_entry.reload_names()  # read on the worker with the changes
        counts = (len(detail.moments), len(detail.lineups), len(detail.quotes), len(detail.notes))
        for tab, (name, count) in enumerate(zip(("Moments", "Line-ups", "Quotes", "Notes"),
                                                counts, strict=True)):  # fmt: skip
            self.tabs.setTabText(tab, f"{name} ({count})" if count else name)

    def title(self) -> str:
        s = self.detail.summary if self.detail is not None else self.summary
        if s is None:
            return "Match"
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

    def selected_version(self) -> int | None:
        """The version of the selected moment, quote, note or line-up entry as this page
        shows it."""
        picked = self.selected()
        if picked is None or self.detail is None:
            return None
        kind, ident = picked
        d = self.detail
        shown = {"moment": d.moments, "quote": d.quotes, "note": d.notes,
                 "lineup": d.lineups}.get(kind, [])  # fmt: skip
        return next((row.version for row in shown if row.id == ident), None)

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

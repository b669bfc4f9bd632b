"""The main window: browse tabs (Matches, Diary, People, Teams, Competitions, Quotes,
Search), match and person pages opened as closable tabs, menus, undo/redo, a status bar.

The window only talks to Services and EditActions (house-style rule 1). After any
change (or undo/redo) the tab on screen reloads; the others when next shown.

Start-up (app.py) shows the window before the database is open: the first frame
needs no SQLAlchemy, only these widgets and the newest matches read by a peek.
``attach`` then brings the services; until then the actions that need the
database are disabled, and a match double-clicked meanwhile opens once it is ready.
The pages and the objects behind the menus are imported when first needed.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QPaintEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from matchnotes.errors import MatchNotesError, NotFoundError
from matchnotes.ui.menus import BROWSE_TABS, build_menus
from matchnotes.ui.models.columns import PERSON_COLUMNS, TEAM_COLUMNS
from matchnotes.ui.models.table_model import Column
from matchnotes.ui.theme import apply_theme, saved_theme
from matchnotes.ui.undo import UndoController
from matchnotes.ui.views.diary_view import DiaryView
from matchnotes.ui.views.list_views import FilteredListView
from matchnotes.ui.views.matches_view import MatchesView
from matchnotes.ui.views.quotes_view import QuotesView
from matchnotes.ui.views.search_view import SearchView
from matchnotes.ui.widgets.table import ReadModelTableView

if TYPE_CHECKING:
    from matchnotes.services import Services
    from matchnotes.services.backups import BackupSchedule, BackupService
    from matchnotes.services.live import Change
    from matchnotes.services.views import MatchSummary
    from matchnotes.ui.printing import ReportReader
    from matchnotes.ui.views.match_page import MatchPage
    from matchnotes.ui.views.person_page import PersonPageView

COMPETITION_COLUMNS: list[Column] = [  # type: ignore[type-arg]
    Column("Competition", lambda c: c.name),
    Column("Seasons", lambda c: ", ".join(c.seasons)),
]
NOUNS = (
    ("match", "matches"),
    ("match", "matches"),
    ("person", "people"),
    ("team", "teams"),
    ("competition", "competitions"),
    ("quote", "quotes"),
    ("result", "results"),
)


def _match_page(widget: Any) -> MatchPage | None:
    return widget if getattr(widget, "page_kind", None) == "match" else None


def _person_page(widget: Any) -> PersonPageView | None:
    return widget if getattr(widget, "page_kind", None) == "person" else None


class MainWindow(QMainWindow):
    first_painted = Signal()  # once the first frame is on screen (start-up goes on then)

    def __init__(
        self,
        services: Services | None,
        location: str,
        *,
        demo: bool = False,
        backups: BackupService | None = None,
        schedule: BackupSchedule | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services: Services | None = None  # set by attach()
        self.location = location
        self._help: QDialog | None = None  # Help ▸ Quick entry, made when first asked for
        self._backups, self._schedule = backups, schedule
        self._pending_match: int | None = None  # asked for before the database was open
        self._painted = False
        self._notice_title = ""  # the opening notice's title, kept for its progress
        self.setWindowTitle(f"MatchNotes — {location}" + (" (demo)" if demo else ""))
        self.undo = UndoController(None, self)
        self.undo.changed.connect(self.refresh)
        self.undo.failed.connect(lambda message: self.statusBar().showMessage(message, 8000))
        self.actions_: Any = None  # EditActions, once the database is open
        self.data_actions: Any = None  # DataActions, likewise
        self.seen_actions: Any = None  # SeenActions ("I saw this match"), likewise
        self.backup_controller: Any = None  # BackupController, for a database file
        self._live: Any = None  # ui/live.LiveUpdates: other processes' changes, once open
        self._page_reloads: Any = None  # ui/live.PageReloads
        self._reports: ReportReader | None = None  # File ▸ Print: reads, then the dialog

        self.matches_view = MatchesView()
        self.diary_view = DiaryView()
        self.search_view = SearchView(None)
        self.search_view.result_activated.connect(self._on_search_result_activated)
        self.people_view = FilteredListView(
            PERSON_COLUMNS,
            placeholder="Filter people",
            empty_html="<h3>No people yet</h3><p>Players, managers and referees appear here "
            "as you add them to line-ups, or with <b>People ▸ New person</b>.</p>",
        )
        self.teams_view = FilteredListView(
            TEAM_COLUMNS,
            placeholder="Filter teams",
            empty_html="<h3>No teams yet</h3><p>Teams are created with the matches.</p>",
        )
        self.competitions_view = FilteredListView(
            COMPETITION_COLUMNS,
            placeholder="Filter competitions",
            empty_html="<h3>No competitions yet</h3><p>Give a match a competition.</p>",
        )
        self.quotes_view = QuotesView()
        self.quotes_view.loaded.connect(self._on_quotes_view_loaded)
        self.tabs = QTabWidget(documentMode=True, tabsClosable=True, movable=False)
        for view, name in zip(self._browse_views(), BROWSE_TABS, strict=True):
            self.tabs.addTab(view, name)
            self.tabs.tabBar().setTabButton(
                self.tabs.count() - 1, self.tabs.tabBar().ButtonPosition.RightSide, None
            )
        self.tabs.tabCloseRequested.connect(self._on_tabs_close_requested)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self._stale: set[QWidget] = set()
        self._last_browse_tab = 0
        self.setCentralWidget(self.tabs)

        self.matches_view.activated.connect(self.open_match)
        self.diary_view.match_activated.connect(self.open_match)
        self.diary_view.stats.person_activated.connect(self.open_person)
        self.diary_view.add_requested.connect(self.add_seen_match)
        self.diary_view.loaded.connect(self._on_diary_view_loaded)
        self.diary_view.stats.pdf_requested.connect(
            lambda: self.data_actions.choose_and_export_diary_pdf(*self.diary_view.stats.chosen())
        )
        self.people_view.activated.connect(self.open_person)
        self.quotes_view.activated.connect(self._on_quote_activated)
        self.competitions_view.activated.connect(self._on_competition_activated)
        self.teams_view.activated.connect(self._on_team_activated)

        # The database's location, its middle elided: a long path took the status bar's
        # width from the notices (an upgrade's backup name was cut off). The title and the
        # tooltip keep it whole.
        self.db_label = QLabel()
        metrics = self.db_label.fontMetrics()
        self.db_label.setText(
            metrics.elidedText(
                location, Qt.TextElideMode.ElideMiddle, 40 * metrics.averageCharWidth()
            )
        )
        self.db_label.setToolTip(location)
        self.statusBar().addPermanentWidget(self.db_label)
        self._needs_db = build_menus(self)
        self.dark_action.setChecked(saved_theme() == "dark")
        self._restore_settings()
        if services is not None:
            self.attach(services)
        else:
            for action in self._needs_db:
                action.setEnabled(False)

    def show_opening_notice(
        self, title: str, detail: str = "", newest: list[MatchSummary] | None = None
    ) -> None:
        """Before the database is open: say so in every list, and list the ``newest``
        matches (read by a peek) if there are any to show already."""
        self._notice_title = title
        for view in (self.matches_view, self.people_view, self.teams_view,
                     self.competitions_view, self.quotes_view):  # fmt: skip
            view.show_notice(f"<h3>{escape(title)}</h3><p>{escape(detail)}</p>")
        if newest:
            self.matches_view.set_matches(newest)
        self.statusBar().showMessage(title)

    def show_upgrade_progress(self, done: int, total: int) -> None:
        """How far the upgrade of an old file is (its slow step: the search index)."""
        percent = 100 if total <= 0 else done * 100 // total
        self.show_opening_notice(
            self._notice_title,
            f"Rebuilding the search index: {percent}% ({done:,} of {total:,} records).",
        )
        self.statusBar().showMessage(f"{self._notice_title} Search index: {percent}%")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.undo.refresh()  # the CLI or another window may have changed the file
        super().changeEvent(event)

    def note_backup(self, started_at: dt.datetime) -> None:
        """A backup was made while opening (before an upgrade): the schedule counts it."""
        if self._schedule is not None:
            self._schedule.note_backup(started_at)

    def attach(self, services: Services, matches: list[MatchSummary] | None = None) -> None:
        """The database is open: wire everything that uses it and fill the lists
        (``matches``, when given, is the full matches list, already read)."""
        from matchnotes.ui.actions import EditActions
        from matchnotes.ui.data_actions import DataActions

        self.services = services
        self.undo.services = services
        self.actions_ = EditActions(services, self.undo, self)
        self.actions_.match_created.connect(self.show_new_match)
        self.data_actions = DataActions(services, self, backups=self._backups)
        from matchnotes.ui.seen_actions import SeenActions

        self.seen_actions = SeenActions(services, self.undo, self.actions_, self)
        self.data_actions.imported.connect(self.refresh)
        if self._backups is not None:  # automatic backups of a file (a server keeps its own)
            from matchnotes.ui.backups import BackupController

            self.backup_controller = BackupController(self._backups, self._schedule, self)
            self.backup_controller.backed_up.connect(
                lambda text: self.statusBar().showMessage(text, 5000)
            )
            self.backup_controller.failed.connect(self._on_backup_failed)
        for action in self._needs_db:
            action.setEnabled(True)
        self.backups_action.setEnabled(self.backup_controller is not None)
        self.undo.use_saved_author()  # who this window's changes are by in the history
        self.data_actions.imported.connect(self.undo.refresh)
        self.undo.refresh()
        self.search_view.set_services(services)
        self._start_live(services)
        from matchnotes.ui.warm_up import WarmUp

        self.warm_up = WarmUp(self)  # the pages' code, loaded before it is first needed
        self.warm_up.start()
        if matches is None:
            self.refresh()
        else:
            self._stale = {self.tabs.widget(i) for i in range(self.tabs.count())}
            self._stale.discard(self.matches_view)
            self.matches_view.replace_matches(matches)
            self.statusBar().clearMessage()
            self._on_tabs_current_changed(self.tabs.currentIndex())
        if self._pending_match is not None:
            match_id, self._pending_match = self._pending_match, None
            self.open_match(match_id)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            # Emitted from the event loop: after the children of this first paint pass.
            QTimer.singleShot(0, self.first_painted.emit)

    def _browse_views(self) -> list[QWidget]:
        return [
            self.matches_view,
            self.diary_view,
            self.people_view,
            self.teams_view,
            self.competitions_view,
            self.quotes_view,
            self.search_view,
        ]

    # --- opening pages ---

    def open_match(self, match_id: int) -> MatchPage | None:
        for index in range(self.tabs.count()):
            page = _match_page(self.tabs.widget(index))
            if page is not None and page.match_id == match_id:
                self.tabs.setCurrentIndex(index)
                return page
        if self.services is None:  # opening the database: open the match once it is
            self._pending_match = match_id
            self.statusBar().showMessage("Opening the database… the match opens next.")
            return None
        from matchnotes.ui.views.match_page import MatchPage

        clock_run = lambda text, do: self.actions_.change_clock(match_id, text, do)  # noqa: E731
        page = MatchPage(match_id, self.services, self.actions_.log_line, clock_run=clock_run,
                         summary=self._listed_match(match_id))  # fmt: skip
        page.loaded.connect(lambda: self._retitle(page))
        page.load_failed.connect(lambda message: self._close_failed(page, message))
        page.reload_failed.connect(lambda message: self.statusBar().showMessage(message, 8000))
        page.edit_requested.connect(self.actions_.edit)  # clock changes reload via the undo stack
        page.clock_bar.failed.connect(lambda message: self.statusBar().showMessage(message, 8000))
        page.quick_entry.recorded.connect(
            lambda saved: self.statusBar().showMessage(f"Saved: {saved}", 8000)
        )
        self.tabs.setCurrentIndex(self.tabs.addTab(page, page.title()))
        page.load()  # on a worker: the tab says "Opening…" until the match is read
        return page

    def _listed_match(self, match_id: int) -> MatchSummary | None:
        """The match's row in the Matches list, if listed: its teams head the page at once."""
        return next((m for m in self.matches_view.table.source.rows() if m.id == match_id), None)

    def _retitle(self, page: QWidget) -> None:
        index = self.tabs.indexOf(page)
        if index >= 0:
            self.tabs.setTabText(index, page.title())  # type: ignore[attr-defined]

    def _close_failed(self, page: QWidget, message: str) -> None:
        """A page whose read failed (deleted meanwhile, e.g. by an undo): close it, say why
        (after: the tab shown next may set or clear the status bar's message)."""
        index = self.tabs.indexOf(page)
        if index >= 0:
            self.tabs.removeTab(index)
            page.deleteLater()
        self.statusBar().showMessage(message, 8000)

    def show_new_match(self, match_id: int) -> None:
        """Select a match just created in the Matches list and open its page."""
        view = self.matches_view
        listed = any(m.id == match_id for m in view.table.source.rows())
        if view in self._stale or not listed:  # listed now, to be selected (not on a worker)
            self._stale.discard(view)
            self._load_matches(wait=True)
        if any(m.id == match_id for m in view.table.source.rows()):
            view.table.select_id(match_id)  # an old date: shows the rows down to it
            if view.table.current_id() != match_id:  # hidden by the filters: clear them
                view.filter_edit.clear()
                for combo in (view.competition, view.team, view.year, view.seen):
                    combo.setCurrentIndex(0)
                view.table.select_id(match_id)
        self.open_match(match_id)

    def open_person(self, person_id: int) -> PersonPageView | None:
        for index in range(self.tabs.count()):
            page = _person_page(self.tabs.widget(index))
            if page is not None and page.person_id == person_id:
                self.tabs.setCurrentIndex(index)
                return page
        if self.services is None:
            return None
        from matchnotes.ui.views.person_page import PersonPageView

        page = PersonPageView(person_id)
        page.match_activated.connect(self.open_match)
        self.tabs.setCurrentIndex(self.tabs.addTab(page, page.title()))
        self._load_person(page)
        return page

    def _load_person(self, page: PersonPageView) -> None:
        """Read the page on a worker (a busy player's career is thousands of moments);
        the tab is there at once and fills in when the page arrives."""
        from matchnotes.ui.workers import BackgroundOp

        people, person_id = self.services.people, page.person_id

        def arrived(result: object) -> None:
            index = self.tabs.indexOf(page)
            if index >= 0:  # not closed meanwhile
                page.show_page(result)  # type: ignore[arg-type]
                self.tabs.setTabText(index, page.title())

        BackgroundOp(page, lambda _progress: people.page(person_id)).on_success(arrived).on_failure(
            lambda message: self._close_failed(page, message)  # deleted meanwhile (an undo)
        ).run()

    # --- refresh ---

    def refresh(self) -> None:
        """After any change: reload the tab on screen now, the others when next shown.

        On a big archive reloading every list after each edit would stall the window;
        a stale tab costs nothing until the user looks at it.
        """
        if self.services is None:
            return  # nothing to load before the database is open
        self._stale = {self.tabs.widget(i) for i in range(self.tabs.count())}
        self._refresh_tab(self.tabs.currentIndex())

    def _show_count(self, index: int) -> None:
        """The status bar counts what the browse tab on screen lists."""
        table = getattr(self.tabs.widget(index), "table", None)
        if table is None or index >= len(NOUNS):  # a page, or search (it counts itself)
            self.statusBar().clearMessage()
            return
        total = table.source.count()
        one, many = NOUNS[index]
        self.statusBar().showMessage(f"{total} {one if total == 1 else many}")

    def _on_tabs_current_changed(self, index: int) -> None:
        if 0 <= index < len(BROWSE_TABS):
            self._last_browse_tab = index  # remembered for the next launch
        if self.tabs.widget(index) in self._stale:
            self._refresh_tab(index)
        else:
            self._show_count(index)

    def _refresh_tab(self, index: int) -> None:
        self._stale.discard(self.tabs.widget(index))
        loaders = {
            self.matches_view: self._load_matches,
            self.diary_view: lambda: self.diary_view.load(
                self.services.diary.entries, lambda: self.diary_view.stats.attach(self.services)
            ),
            self.people_view: lambda: self.people_view.set_rows(self.services.people.all()),
            self.teams_view: lambda: self.teams_view.set_rows(self.services.catalog.teams()),
            self.competitions_view: lambda: self.competitions_view.set_rows(
                self.services.catalog.competitions()
            ),
            self.quotes_view: lambda: self.quotes_view.load(self.services.quotes),
            self.search_view: self._refresh_search,
        }
        widget = self.tabs.widget(index)
        try:
            if widget in loaders:
                loaders[widget]()  # type: ignore[index]
                self._show_count(index)
            else:
                self._refresh_page(index)
        except MatchNotesError as exc:
            self.statusBar().showMessage(str(exc))

    def _load_matches(self, wait: bool = False) -> None:
        """Read the Matches list again. With rows on screen, on a worker: they stay until
        the new ones arrive (10,000 matches take a quarter of a second to read)."""
        from matchnotes.ui.workers import BackgroundOp

        view, matches = self.matches_view, self.services.matches
        self._matches_reads = ticket = getattr(self, "_matches_reads", 0) + 1
        if wait or view.table.source.count() == 0:
            view.set_matches(matches.list_matches())
            return

        def arrived(rows: object) -> None:
            if ticket == self._matches_reads:  # else a later read is on its way
                view.replace_matches(rows)  # type: ignore[arg-type]
                if self.tabs.currentWidget() is view:
                    self._show_count(self.tabs.currentIndex())

        BackgroundOp(view, lambda _progress: matches.list_matches()).on_success(arrived).on_failure(
            lambda message: self.statusBar().showMessage(message, 8000)
        ).run()

    def _refresh_page(self, index: int) -> None:
        page = self.tabs.widget(index)
        logged = self.actions_.take_logged_moment() if self.actions_ is not None else None
        try:
            if _match_page(page) and (not page.is_open() or page.is_reading()):
                page.load()  # still opening or reading: read it again, with the change
                return
            if _match_page(page):
                added = None
                if logged is not None and page.detail is not None:
                    added = self.services.matches.with_moment(page.detail, logged)
                if added is not None:
                    page.show_moment_added(added)  # a live line: no need to read it all
                else:
                    page.load()  # on a worker; the page as it was stays until the read is in
                    return  # retitled when it is (loaded)
            elif _person_page(page):
                self._load_person(page)
                return
            elif getattr(page, "page_kind", None) == "competition":
                from matchnotes.ui.competition_tabs import load_competition

                load_competition(self, page)  # type: ignore[arg-type]
                return
            else:
                return
        except NotFoundError:  # deleted (e.g. by undo): close its tab
            self.tabs.removeTab(index)
            page.deleteLater()
            return
        if self.tabs.tabText(index) != page.title():  # a tab's text lays the window out
            self.tabs.setTabText(index, page.title())

    # --- live: what other processes commit (ui/live.py) ---

    def _start_live(self, services: Services) -> None:
        from matchnotes.ui.live import LiveUpdates, PageReloads

        self._stop_live()  # another database: its feed, not the old one's
        self._page_reloads = PageReloads(services, self._on_live_page_shown,
                                         self._on_live_page_gone, self)  # fmt: skip
        self._live = LiveUpdates(services, self._on_outside_changes, self)

    def _stop_live(self) -> None:
        if self._live is not None:
            self._live.stop()
            self._live = None

    def _on_outside_changes(self, changes: list[Change]) -> None:
        """Another process committed (a change without a match id: to which is not
        known): the open pages of those matches are read again on a worker (shown if
        they differ), the Matches list too if it is on screen, and every other list and
        page when next shown. Not the lists when the change may be this window's own
        (on a file): its own change has refreshed them already."""
        ids = {change.match_id for change in changes}
        pages = [self.tabs.widget(i) for i in range(self.tabs.count())]
        for page in pages:
            if _match_page(page) and (None in ids or page.match_id in ids):
                self._page_reloads.reload(page, changes)
        if all(change.maybe_own for change in changes):
            return
        self._stale |= {page for page in pages if not _match_page(page)}
        if self.tabs.currentWidget() is self.matches_view:
            self._stale.discard(self.matches_view)
            self._load_matches()

    def _on_live_page_shown(self, page: MatchPage) -> None:
        self.tabs.setTabText(self.tabs.indexOf(page), page.title())

    def _on_live_page_gone(self, page: MatchPage) -> None:
        title = page.title()
        self.tabs.removeTab(self.tabs.indexOf(page))  # the list's count shows: then this
        page.deleteLater()
        self.statusBar().showMessage(f"{title} was deleted elsewhere.", 8000)

    # --- slots ---

    def current_match_id(self) -> int | None:
        page = self.tabs.currentWidget()
        if _match_page(page):
            return page.match_id
        if page in (self.matches_view, self.diary_view):
            return page.table.current_id()
        return None

    def add_seen_match(self) -> None:
        """Add a match I saw: find it in the archive (or create it) and mark it."""
        if self.seen_actions is None:
            self.statusBar().showMessage("Opening the database… try again in a moment.", 5000)
            return
        self.seen_actions.add_seen()

    def _on_diary_view_loaded(self) -> None:
        if self.tabs.currentWidget() is self.diary_view:
            self._show_count(self.tabs.currentIndex())

    def _with_match(self, action: object) -> None:
        match_id = self.current_match_id()
        if match_id is None:
            self.statusBar().showMessage("Open or select a match first.", 5000)
            return
        action(match_id)  # type: ignore[operator]

    def _with_person(self, action: object) -> None:
        page = self.tabs.currentWidget()
        if _person_page(page):
            person_id: int | None = page.person_id
        else:
            person_id = self.people_view.table.current_id() if page is self.people_view else None
        if person_id is None:
            self.statusBar().showMessage("Open or select a person first.", 5000)
            return
        action(person_id)  # type: ignore[operator]

    def _on_edit_selected(self) -> None:
        page = self.tabs.currentWidget()
        if _match_page(page) and page.selected():
            self.actions_.edit(*page.selected())  # type: ignore[misc]
        elif page is self.matches_view or _match_page(page):
            self._with_match(self.actions_.edit_match)
        elif page is self.people_view or _person_page(page):
            self._with_person(self.actions_.edit_person)
        elif page is self.teams_view:
            team_id = self.teams_view.table.current_id()
            if team_id is None:
                self.statusBar().showMessage("Select a team first.", 5000)
            else:
                self.actions_.edit_team(team_id)

    def _on_delete_selected(self) -> None:
        page = self.tabs.currentWidget()
        if _match_page(page) and page.selected():
            self.actions_.delete(*page.selected(), page.selected_version())  # type: ignore[misc]
        elif page is self.matches_view:
            self._with_match(self.actions_.delete_match)
        elif page is self.people_view:
            self._with_person(self.actions_.delete_person)

    def _on_find_triggered(self) -> None:
        page = self.tabs.currentWidget()
        if not isinstance(page, FilteredListView):
            self.tabs.setCurrentIndex(0)
            page = self.matches_view
        page.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        page.filter_edit.selectAll()

    def print_match(self, match_id: int) -> None:
        """File ▸ Print match: the match read on a worker, then the print dialog; after
        its OK the pages are painted onto the printer on a worker too."""
        self._report_reader().open_print_dialog(match_id)

    def preview_match(self, match_id: int) -> None:
        """File ▸ Print preview: the match read and its pages recorded on a worker, then
        the preview, which replays them."""
        self._report_reader().open_preview(match_id)

    def _report_reader(self) -> ReportReader:
        from matchnotes.ui.printing import ReportReader

        if self._reports is None or self._reports.services is not self.services:
            self._reports = ReportReader(self, self.services)
        return self._reports

    def current_table(self) -> ReadModelTableView | None:
        """The list on screen: a browse tab's table or the focused table of a page."""
        page = self.tabs.currentWidget()
        focused = QApplication.focusWidget()
        if isinstance(focused, ReadModelTableView) and page.isAncestorOf(focused):
            return focused
        table = getattr(page, "table", None)
        if isinstance(table, ReadModelTableView):
            return table
        return getattr(page, "moments", None)

    def _refresh_search(self) -> None:
        self.search_view.refresh_filters()
        if self.search_view.search_edit.text().strip():
            self.search_view.refresh()

    def open_search(self) -> None:
        self.tabs.setCurrentWidget(self.search_view)
        self.search_view.focus_search()

    def _on_search_result_activated(self, kind: str, ident: int) -> None:
        if kind == "match":
            self.open_match(ident)
        elif kind == "person":
            self.open_person(ident)
        else:  # a team: its matches
            self._on_team_activated(ident)

    def _on_export_list_triggered(self) -> None:
        table = self.current_table()
        if table is None:
            self.statusBar().showMessage("There is no list on this tab to export.", 5000)
            return
        name = self.tabs.tabText(self.tabs.currentIndex())
        self.data_actions.choose_and_export_table(table, name)

    def open_backups(self) -> QWidget | None:
        if self.backup_controller is None:
            return None
        from matchnotes.ui.backups import BackupsDialog

        dialog = BackupsDialog(self.backup_controller, self.services.release_connections, self)
        dialog.restored.connect(self._on_backup_restored)
        dialog.open()
        return dialog

    def _on_backup_restored(self) -> None:
        self.undo.refresh()  # the restored file has its own history
        self.refresh()

    def _on_backup_failed(self, message: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, "Backup failed", message, QMessageBox.StandardButton.Ok, self
        )
        box.open()

    def _on_export_year_triggered(self) -> None:
        year = self.diary_view.current_year()
        if year is None:
            self.tabs.setCurrentWidget(self.diary_view)
            self.statusBar().showMessage("Choose a year in the Diary first.", 5000)
            return
        self.data_actions.choose_and_export("year", year)

    def _on_quick_entry_triggered(self) -> None:
        page = self.tabs.currentWidget()
        if not _match_page(page):
            match_id = self.current_match_id()
            page = self.open_match(match_id) if match_id is not None else None
        if page is None:
            self.statusBar().showMessage("Open a match first: quick entry logs into it.", 5000)
            return
        page.quick_entry.line.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _on_quote_activated(self, quote_id: int) -> None:
        quote = self.quotes_view.quote(quote_id)
        if quote is not None:
            self.open_match(quote.match_id)

    def _on_quotes_view_loaded(self) -> None:
        if self.tabs.currentWidget() is self.quotes_view:
            self._show_count(self.tabs.currentIndex())

    def _on_competition_activated(self, competition_id: int) -> None:
        from matchnotes.ui.competition_tabs import open_competition

        open_competition(self, competition_id)

    def show_competition_matches(self, name: str) -> None:
        """The matches list, filtered to one competition (a competition page's button)."""
        self.tabs.setCurrentIndex(0)
        combo = self.matches_view.competition
        combo.setCurrentIndex(max(0, combo.findData(name)))

    def _on_team_activated(self, team_id: int) -> None:
        name = next((t.name for t in self.teams_view.table.source.rows() if t.id == team_id), None)
        self.tabs.setCurrentIndex(0)
        combo = self.matches_view.team
        combo.setCurrentIndex(max(0, combo.findData(name)))

    def _on_tabs_close_requested(self, index: int) -> None:
        if index >= len(BROWSE_TABS):
            page = self.tabs.widget(index)
            self.tabs.removeTab(index)
            page.deleteLater()

    def _close_current_tab(self) -> None:
        self._on_tabs_close_requested(self.tabs.currentIndex())

    def _on_dark_toggled(self, checked: bool) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, "dark" if checked else "light")

    def show_help(self) -> None:
        """Help ▸ Quick entry: one window, raised again if already open."""
        from matchnotes.ui.help_dialog import HelpDialog

        if self._help is None:
            self._help = HelpDialog(self.menuBar(), self)
        self._help.show()
        self._help.raise_()
        self._help.activateWindow()

    def _on_about_triggered(self) -> None:
        import html

        from matchnotes import __version__

        QMessageBox.about(
            self,
            "About MatchNotes",
            f"<b>MatchNotes {__version__}</b><p>Notes on football matches.</p>"
            f"<p>Database: {html.escape(self.location)}</p>",  # a path is not markup
        )

    # --- remembered layout ---

    def _restore_settings(self) -> None:
        settings = QSettings()
        geometry = settings.value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)  # type: ignore[arg-type]
        else:
            self.resize(1200, 760)
        tab = settings.value("main_window/tab", 0)
        self.tabs.setCurrentIndex(min(int(tab), len(BROWSE_TABS) - 1))  # type: ignore[call-overload]

    def closeEvent(self, event: QCloseEvent) -> None:
        self._stop_live()
        settings = QSettings()
        settings.setValue("main_window/geometry", self.saveGeometry())
        settings.setValue("main_window/tab", self._last_browse_tab)
        super().closeEvent(event)

"""Live pages (issue 18): what other processes log shows here within a second or two.

``LiveUpdates`` runs the change feed (services/live.py: LISTEN on a server, PRAGMA
data_version on a file) on a thread of its own and hands each batch of changes to the
GUI thread through the workers' relay; it never touches a widget itself. ``PageReloads``
reads what changed on an open match page on a worker, one read per match at a time (a
burst of lines from ten reporters is one or two reads, not ten): the rows changed, by
id, put in place of the page shown (services/live.page_after), and shows it, row by row
(``MatchPage.show_changed``), only if it differs from what is on screen: on a file the
feed also reports this window's own commits, and those are on screen already.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from shiboken6 import isValid

from matchnotes.errors import NotFoundError
from matchnotes.ui.workers import BackgroundOp, post_to_gui

if TYPE_CHECKING:
    from matchnotes.clock import ClockState
    from matchnotes.services import Services
    from matchnotes.services.live import Change
    from matchnotes.services.views import MatchDetail
    from matchnotes.ui.views.match_page import MatchPage

Changed = Callable[[list["Change"]], None]


class LiveUpdates(QObject):
    """The feed's thread; ``on_changes`` runs on the GUI thread. ``stop`` ends the thread
    (within the feed's half-second wait) and closes its connection."""

    def __init__(self, services: Services, on_changes: Changed, parent: QObject) -> None:
        super().__init__(parent)
        from matchnotes.services.live import open_feed

        self._on_changes = on_changes
        self._feed = open_feed(services.engine)
        self._stop = threading.Event()
        # A window deleted without being closed: the thread still ends (and tells no one).
        parent.destroyed.connect(lambda *_args, stop=self._stop: stop.set())
        post_to_gui(lambda: None)  # the relay made here, on the GUI thread
        self._thread = threading.Thread(target=self._run, name="matchnotes-live", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        from matchnotes.services.live import batches

        try:
            for batch in batches(self._feed, self._stop.is_set):
                post_to_gui(lambda batch=batch: self._deliver(batch))
        finally:
            self._feed.close()

    def _deliver(self, batch: list[Change]) -> None:
        if self._stop.is_set():
            return  # the window is closing or has another database
        self._on_changes(batch)


class PageReloads(QObject):
    """Reads match pages again on a worker, one read per match at a time (changes that
    come meanwhile wait for the next); ``shown(page)`` after one showed a change,
    ``gone(page)`` when its match was deleted elsewhere."""

    def __init__(
        self,
        services: Services,
        shown: Callable[[MatchPage], None],
        gone: Callable[[MatchPage], None],
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._services, self._shown, self._gone = services, shown, gone
        self._pending: dict[int, list[Change]] = {}  # match id: changes not read yet
        self._busy: set[int] = set()  # match ids being read

    def reload(self, page: MatchPage, changes: list[Change]) -> None:
        self._pending.setdefault(page.match_id, []).extend(changes)
        if page.match_id not in self._busy:
            self._read(page)

    def _read(self, page: MatchPage) -> None:
        from matchnotes.services.live import page_after

        services, match_id, before = self._services, page.match_id, page.detail
        changes = self._pending.pop(match_id, [])
        self._busy.add(match_id)

        # The match row itself changed (or what changed is not known): its clock too.
        row = any(c.table in (None, "match") and c.match_id in (match_id, None) for c in changes)

        def read(_progress: object) -> tuple[MatchDetail, ClockState | None] | None:
            from matchnotes.services.base import count_outside_change

            try:
                detail = page_after(services, match_id, before, changes)
                clock_state = services.clock.state(match_id) if row else None
            except NotFoundError:
                return None
            if detail != before:  # someone else's change: their names too (a new player)
                count_outside_change(services.engine)
                services.quick_entry.roster(match_id)  # read here, not on the GUI thread
            return detail, clock_state

        def arrived(result: object) -> None:
            self._busy.discard(match_id)
            if not isValid(page):  # closed meanwhile
                self._pending.pop(match_id, None)
                return
            if result is None:
                self._gone(page)
                return
            detail, clock_state = result  # type: ignore[misc]
            if page.detail is not before:  # this window changed it meanwhile: on the new
                self._pending[match_id] = changes + self._pending.get(match_id, [])
            elif detail != page.detail:
                page.show_changed(detail, clock_state)
                self._shown(page)
            if match_id in self._pending:
                self._read(page)

        def failed(_message: str) -> None:  # the database away for a moment: read next time
            self._busy.discard(match_id)
            self._pending[match_id] = changes + self._pending.get(match_id, [])

        BackgroundOp(self, read).on_success(arrived).on_failure(failed).run()

"""Live pages (issue 18): what other processes log shows here within a second or two.

``LiveUpdates`` runs the change feed (services/live.py: LISTEN on a server, PRAGMA
data_version on a file) on a thread of its own and hands each batch of changes to the
GUI thread through the workers' relay; it never touches a widget itself. ``PageReloads``
reads an open match page again on a worker, one read per page at a time (a burst of
lines from ten reporters is one or two reads, not ten), and shows it only if it differs
from what is on screen: on a file the feed also reports this window's own commits, and
those are on screen already.
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
    from matchnotes.services import Services
    from matchnotes.services.live import Change
    from matchnotes.services.views import MatchDetail
    from matchnotes.ui.views.match_page import MatchPage

# (the match ids changed, or None: not known which; whether surely another process's)
Changed = Callable[[set[int] | None, bool], None]


class LiveUpdates(QObject):
    """The feed's thread; ``on_changes`` runs on the GUI thread. ``stop`` ends the thread
    (within the feed's half-second wait) and closes its connection."""

    def __init__(self, services: Services, on_changes: Changed, parent: QObject) -> None:
        super().__init__(parent)
        from matchnotes.services.live import open_feed

        self._on_changes = on_changes
        self._feed = open_feed(services.engine)
        self._stop = threading.Event()
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
        ids = {c.match_id for c in batch}
        sure = not all(c.maybe_own for c in batch)
        self._on_changes(None if None in ids else {i for i in ids if i is not None}, sure)


class PageReloads(QObject):
    """Reads match pages again on a worker; ``shown(page, detail)`` after one showed a
    change, ``gone(page)`` when its match was deleted elsewhere."""

    def __init__(
        self,
        services: Services,
        shown: Callable[[MatchPage], None],
        gone: Callable[[MatchPage], None],
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._services, self._shown, self._gone = services, shown, gone
        self._busy: dict[int, bool] = {}  # match id: whether another read is wanted after

    def reload(self, page: MatchPage) -> None:
        if page.match_id in self._busy:
            self._busy[page.match_id] = True  # read again once this read is in
            return
        self._busy[page.match_id] = False
        services, match_id, before = self._services, page.match_id, page.detail

        def read(_progress: object) -> MatchDetail | None:
            from matchnotes.services.base import count_outside_change

            try:
                detail = services.matches.get_match(match_id)
            except NotFoundError:
                return None
            if detail != before:  # someone else's change: their names too (a new player)
                count_outside_change(services.engine)
                services.quick_entry.roster(match_id)  # read here, not on the GUI thread
            return detail

        def arrived(detail: object) -> None:
            again = self._busy.pop(match_id, False)
            if not isValid(page):  # closed meanwhile
                return
            if detail is None:
                self._gone(page)
                return
            if page.detail is not before:  # this window changed it meanwhile: read again
                again = True
            elif detail != page.detail:
                page.show_detail(detail)  # type: ignore[arg-type]
                self._shown(page)
            if again:
                self.reload(page)

        def failed(_message: str) -> None:  # the database away for a moment: next change
            self._busy.pop(match_id, None)

        BackgroundOp(self, read).on_success(arrived).on_failure(failed).run()

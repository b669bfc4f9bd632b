"""The code of the pages and forms, loaded before the user first opens one.

Start-up loads only what the first window shows. The first match page opened then
paid for importing its own modules (the page, timeline, quick entry, clock: 20–35 ms on
the GUI thread, more without compiled bytecode) on top of building itself. Once the
database is open, these modules are imported one per turn of the event loop, each a few
milliseconds, so no import is ever a stall the user feels.
"""

from __future__ import annotations

import importlib
import sys

from PySide6.QtCore import QObject, QTimer

# The most used first: a match page, then a person page, then the rest; the parts of a
# page before the page, so that each step imports little.
MODULES = (
    "matchnotes.reports.timeline_layout",
    "matchnotes.reports.timeline_qt_layout",
    "matchnotes.reports.timeline_render",
    "matchnotes.ui.widgets.timeline",
    "matchnotes.ui.widgets.name_completion",
    "matchnotes.ui.widgets.quick_entry_line",
    "matchnotes.ui.widgets.quick_entry",
    "matchnotes.ui.widgets.kickoff_dialog",
    "matchnotes.ui.widgets.clock",
    "matchnotes.ui.views.match_read",
    "matchnotes.ui.views.draft_tab",
    "matchnotes.ui.views.match_page",
    "matchnotes.ui.views.person_page",
    "matchnotes.ui.dialogs.lineup_pane",
    "matchnotes.ui.dialogs.lineup_editor",
    "matchnotes.ui.help_dialog",
    "matchnotes.reports.report_html",
    "matchnotes.reports.pdf_render",
    "matchnotes.ui.printing",
    "matchnotes.ui.competition_tabs",
)
FIRST_MS = 1000  # after the first lists are in
STEP_MS = 50  # between two imports: the user's events go first


class WarmUp(QObject):
    def __init__(self, parent: QObject | None = None, modules: tuple[str, ...] = MODULES):
        super().__init__(parent)
        self.left = [m for m in modules if m not in sys.modules]

    @property
    def done(self) -> bool:
        return not self.left

    def start(self, first_ms: int = FIRST_MS) -> None:
        if self.left:
            QTimer.singleShot(first_ms, self, self._next)

    def _next(self) -> None:
        importlib.import_module(self.left.pop(0))
        if self.left:
            QTimer.singleShot(STEP_MS, self, self._next)

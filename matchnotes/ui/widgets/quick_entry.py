"""The quick-entry bar under a match page: type a moment, see what Enter will save, Enter.

The preview under the line is the parser's own reading of what Enter saves (with a
name picked in the popup, if one is); a refused line stays in the box with the reason
in the preview; a saved line leaves the box empty and ready.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from matchnotes.entry import EntryError, PossibleDuplicate
from matchnotes.errors import MatchNotesError
from matchnotes.minutes import Minute
from matchnotes.services import Services
from matchnotes.ui.widgets.quick_entry_line import QuickEntryLine

ERROR_STYLE = "color: #d7263d;"

__all__ = ["QuickEntryBar", "QuickEntryLine"]


class QuickEntryBar(QWidget):
    """The line, the preview under it; ``record`` saves through the undo controller."""

    recorded = Signal(str)  # what was saved, for the status bar

    def __init__(self, services: Services, match_id: int,
                 record: Callable[[int, str, Minute | None], str],
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.services = services
        self.match_id = match_id
        self._record = record
        self.last_line = ""
        self.line = QuickEntryLine()
        self.line.setPlaceholderText(
            "Quick entry (F2): 84 pen miss Kane over the bar · sub Mount for Henderson · "
            '"quote" - Kane · HT · FT'
        )
        self.preview = QLabel()
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setWordWrap(True)
        self.line.keep_clear(self.preview)
        row = QHBoxLayout()
        row.addWidget(QLabel("Log:"))
        row.addWidget(self.line, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.preview)
        self.line.textChanged.connect(self._on_line_pending_changed)
        self.line.pending_changed.connect(self._on_line_pending_changed)
        self.line.submitted.connect(self._on_line_submitted)
        self.line.cleared.connect(self._on_line_cleared)
        self.line.recall_requested.connect(self._on_line_recall_requested)
        self.names_loaded = False
        self._name_loads = 0
        self._load_names()

    def _load_names(self) -> None:
        """The names for the popup, read on a worker as the page opens (a busy archive
        takes a tenth of a second); a line typed meanwhile is still read against them
        by the service, which reads them itself."""
        from matchnotes.ui.workers import BackgroundOp

        quick, match_id = self.services.quick_entry, self.match_id

        def arrived(roster: object) -> None:
            if not self.names_loaded:  # else a line's reload came first, and is newer
                self.names_loaded = True
                self.line.set_roster(roster)  # type: ignore[arg-type]

        BackgroundOp(self, lambda _progress: quick.roster(match_id)).on_success(arrived).run()

    def reload_names(self) -> None:
        self._name_loads += 1
        try:
            roster = self.services.quick_entry.roster(self.match_id)
        except MatchNotesError:
            return
        self.names_loaded = True
        self.line.set_roster(roster)

    def _clock_minute(self) -> Minute | None:
        try:
            return self.services.clock.minute(self.match_id)
        except MatchNotesError:
            return None

    def _on_line_pending_changed(self, *_args: object) -> None:
        text = self.line.pending_text()
        if not text.strip():
            self._show("", error=False)
            return
        try:
            entry = self.services.quick_entry.preview(self.match_id, text, self._clock_minute())
        except MatchNotesError as exc:
            self._show(str(exc), error=True)
            return
        self._show("Enter saves: " + entry.describe(), error=False)

    def _on_line_submitted(self) -> None:
        text = self.line.text()
        if not text.strip():
            return
        # A possible duplicate asks first; Enter again while the question is still shown
        # for this very line saves it anyway (any edit of the line asks again).
        asked = getattr(self, "_duplicate_question", None) == (text, self.preview.text())
        loads = self._name_loads
        try:
            saved = self._record(self.match_id, text, self._clock_minute(), allow_duplicate=asked)
        except PossibleDuplicate as exc:
            question = (
                f"Looks like {exc.existing.label} again — press Enter again to save it anyway."
            )
            self._show(question, error=True)
            self._duplicate_question = (text, question)
            return
        except (EntryError, MatchNotesError) as exc:
            self._show(str(exc), error=True)  # the line stays for the user to fix
            return
        self.last_line = text
        self.line.setText("")  # and no text to undo: Ctrl+Z now undoes the saved line
        self._show("Saved: " + saved, error=False)
        if self._name_loads == loads:  # not reloaded by the page the record refreshed
            self.reload_names()
        self.recorded.emit(saved)

    def _on_line_cleared(self) -> None:
        self._show("Line cleared; Ctrl+Z brings it back.", error=False)

    def _on_line_recall_requested(self) -> None:
        if self.last_line:
            self.line.setText(self.last_line)

    def _show(self, text: str, *, error: bool) -> None:
        style = ERROR_STYLE if error else ""
        if self.preview.styleSheet() != style:  # a style sheet set polishes it again
            self.preview.setStyleSheet(style)
        self.preview.setText(text)

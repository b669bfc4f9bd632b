"""The quick-entry line under a match page: type a moment, see what Enter will save, Enter.

Completion offers line-up names for the word being typed; the preview is the parser's
own reading of the line; a refused line stays in the box with the reason beside it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from matchnotes.entry import EntryError
from matchnotes.errors import MatchNotesError
from matchnotes.minutes import Minute
from matchnotes.services import Services

ERROR_STYLE = "color: #d7263d;"


class QuickEntryLine(QLineEdit):
    """A line edit that completes the word under the cursor and recalls the last line."""

    recall_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.names = QStringListModel(self)
        self.completer_ = QCompleter(self.names, self)
        self.completer_.setWidget(self)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_.setFilterMode(Qt.MatchFlag.MatchStartsWith)
        self.completer_.activated.connect(self._insert_completion)
        self.textEdited.connect(self._on_text_edited)

    def set_names(self, names: list[str]) -> None:
        # Full names and surnames both complete: "Tch" offers "Tchouaméni".
        words = set(names) | {n.split()[-1] for n in names if n.split()}
        self.names.setStringList(sorted(words, key=str.casefold))

    def _current_word(self) -> str:
        text = self.text()[: self.cursorPosition()]
        return text.split(" ")[-1] if text else ""

    def _on_text_edited(self, _text: str) -> None:
        word = self._current_word()
        if len(word) < 2 or word[0].isdigit():
            self.completer_.popup().hide()
            return
        self.completer_.setCompletionPrefix(word)
        if self.completer_.completionCount():
            self.completer_.complete()
        else:
            self.completer_.popup().hide()

    def _insert_completion(self, name: str) -> None:
        before = self.text()[: self.cursorPosition()]
        after = self.text()[self.cursorPosition() :]
        head = before[: len(before) - len(self._current_word())]
        self.setText(f"{head}{name} {after.lstrip()}")
        self.setCursorPosition(len(head) + len(name) + 1)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        popup = self.completer_.popup()
        if popup.isVisible() and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter,
                                                 Qt.Key.Key_Tab):  # fmt: skip
            event.ignore()  # the completer takes it
            return
        if event.key() == Qt.Key.Key_Escape:
            popup.hide()
            self.clear()
            return
        if event.key() == Qt.Key.Key_Up and not popup.isVisible():
            self.recall_requested.emit()
            return
        super().keyPressEvent(event)


class QuickEntryBar(QWidget):
    """The line, the preview beside it; ``record`` saves through the undo controller."""

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
        row = QHBoxLayout()
        row.addWidget(QLabel("Log:"))
        row.addWidget(self.line, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.preview)
        self.line.textChanged.connect(self._on_line_text_changed)
        self.line.returnPressed.connect(self._on_line_return_pressed)
        self.line.recall_requested.connect(self._on_line_recall_requested)
        self.reload_names()

    def reload_names(self) -> None:
        try:
            roster = self.services.quick_entry.roster(self.match_id)
        except MatchNotesError:
            return
        self.line.set_names([p.name for p in roster.people])

    def _clock_minute(self) -> Minute | None:
        try:
            return self.services.clock.minute(self.match_id)
        except MatchNotesError:
            return None

    def _on_line_text_changed(self, text: str) -> None:
        if not text.strip():
            self._show("", error=False)
            return
        try:
            entry = self.services.quick_entry.preview(self.match_id, text, self._clock_minute())
        except MatchNotesError as exc:
            self._show(str(exc), error=True)
            return
        self._show("Enter saves: " + entry.describe(), error=False)

    def _on_line_return_pressed(self) -> None:
        text = self.line.text()
        if not text.strip():
            return
        try:
            saved = self._record(self.match_id, text, self._clock_minute())
        except (EntryError, MatchNotesError) as exc:
            self._show(str(exc), error=True)  # the line stays for the user to fix
            return
        self.last_line = text
        self.line.clear()
        self._show("Saved: " + saved, error=False)
        self.reload_names()
        self.recorded.emit(saved)

    def _on_line_recall_requested(self) -> None:
        if self.last_line:
            self.line.setText(self.last_line)

    def _show(self, text: str, *, error: bool) -> None:
        self.preview.setStyleSheet(ERROR_STYLE if error else "")
        self.preview.setText(text)

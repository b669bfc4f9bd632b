"""The quick-entry line: a line edit whose name popup helps and never costs a line.

The popup shows line-up names for the words being typed (accent-blind, several
words: "di ma"), above the line so the preview under it stays in sight. Tab takes the
highlighted (or first) name and stays in the line; Enter saves the line as typed, or
with the name the user arrowed to (``pending_text``, which the preview shows); Escape
closes the popup, and only a second Escape clears the line (Ctrl+Z brings it back).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QCompleter, QLineEdit, QWidget

from matchnotes.entry import Roster
from matchnotes.ui.widgets.name_completion import Completion, completion_at

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
MIN_POPUP_WIDTH = 220


class _NameCompleter(QCompleter):
    """A completer whose popup hands every key to the line.

    A user's keys reach the popup while it is up; the line decides what they mean, so
    Enter, Tab and Escape do the same whether the popup is up or not.
    """

    def __init__(self, line: QuickEntryLine) -> None:
        super().__init__(line)
        self._line = line

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.popup():
            if event.type() == QEvent.Type.KeyPress:
                self._line.event(event)
                return True
            if event.type() == QEvent.Type.Hide:
                self._line.pending_changed.emit()  # a highlighted name no longer counts
        return super().eventFilter(watched, event)


class QuickEntryLine(QLineEdit):
    """A line edit that completes line-up names and recalls the last line."""

    submitted = Signal()  # Enter: the line (with any chosen name in it) is ready to save
    recall_requested = Signal()
    cleared = Signal()  # Escape emptied the line
    pending_changed = Signal()  # what Enter would save changed without the text changing

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._roster: Roster | None = None
        self._completion: Completion | None = None  # for the word at the cursor
        self._shown: Completion | None = None  # the one whose names the popup lists
        self._keep_clear: QWidget | None = None
        self._quiet = False  # True while undo/redo puts text back: no popup for it
        self._candidates = QStandardItemModel(self)
        self._completer = _NameCompleter(self)
        self._completer.setModel(self._candidates)
        self._completer.setWidget(self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self._completer.setMaxVisibleItems(8)
        self._completer.activated[QModelIndex].connect(self._on_completer_activated)
        self._completer.highlighted[QModelIndex].connect(lambda _i: self.pending_changed.emit())
        self.textEdited.connect(self._on_text_edited)
        self.cursorPositionChanged.connect(self._on_cursor_position_changed)

    def set_roster(self, roster: Roster | None) -> None:
        self._roster = roster

    def keep_clear(self, widget: QWidget) -> None:
        """Never cover ``widget`` with the popup (the preview under the line)."""
        self._keep_clear = widget

    def completion_popup(self) -> QAbstractItemView:
        return self._completer.popup()

    def pending_text(self) -> str:
        """What Enter saves now: the text, with the highlighted name if one is."""
        chosen = self._highlighted_row()
        if chosen is None or self._shown is None:
            return self.text()
        return self._shown.apply(self._shown.candidates[chosen])[0]

    # --- keys ---

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and self._leaves_undo_to_the_app(event)
        ):
            event.ignore()
            return False  # Edit ▸ Undo / Redo: the last logged line, not the text
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if event.key() == Qt.Key.Key_Backtab:
                self.completion_popup().hide()  # Shift+Tab leaves the line: the popup goes too
            elif event.key() == Qt.Key.Key_Tab and plain and self._complete_by_tab():
                return True  # Tab moves the focus before keyPressEvent sees it: a name wins
        return super().event(event)

    def _leaves_undo_to_the_app(self, event: QKeyEvent) -> bool:
        """Ctrl+Z with no typing of this line to take back undoes the app's last change
        (a line just saved leaves the box empty with no text history)."""
        if event.matches(QKeySequence.StandardKey.Undo):
            return not self.isUndoAvailable()
        if event.matches(QKeySequence.StandardKey.Redo):
            return not self.isRedoAvailable()
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        popup_up = self.completion_popup().isVisible()
        if key in ENTER_KEYS:
            chosen = self._highlighted_row()
            if chosen is not None and self._shown is not None:
                self._accept(self._shown, chosen)
            self.completion_popup().hide()
            self.submitted.emit()
        elif key == Qt.Key.Key_Escape:
            if popup_up:
                self.completion_popup().hide()
            elif self.text():
                self.selectAll()
                self.del_()  # undoable: Ctrl+Z brings the line back
                self.cleared.emit()
            else:
                event.ignore()
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and popup_up:
            self._move_highlight(1 if key == Qt.Key.Key_Down else -1)
        elif key == Qt.Key.Key_Up:
            self.recall_requested.emit()
        elif event.matches(QKeySequence.StandardKey.Undo) or event.matches(
            QKeySequence.StandardKey.Redo
        ):
            # The line comes back as it was, cursor at the end, not selected (typing on
            # would replace it all) and without a popup nobody asked for.
            self._quiet = True
            super().keyPressEvent(event)
            self._quiet = False
            self._completion = None
            self.deselect()
            self.end(False)
        else:
            super().keyPressEvent(event)

    # --- completion ---

    def _current_completion(self) -> Completion | None:
        """The names for the word at the cursor now (the popup's, while it is up)."""
        completion = self._completion
        if completion is None or (completion.line, completion.end) != (
            self.text(),
            self.cursorPosition(),
        ):
            completion = completion_at(self.text(), self.cursorPosition(), self._roster)
            self._completion = completion
        return completion

    def _complete_by_tab(self) -> bool:
        """Put in the highlighted name, or the first; False if no name fits the word."""
        chosen = self._highlighted_row()
        if chosen is not None and self._shown is not None:
            self._accept(self._shown, chosen)
            return True
        completion = self._current_completion()
        if completion is None:
            return False
        self._accept(completion, 0)
        return True

    def _highlighted_row(self) -> int | None:
        """The row of the name the user moved to, if the popup lists names for this text."""
        popup = self.completion_popup()
        index = popup.currentIndex()
        shown = self._shown
        if not popup.isVisible() or not index.isValid() or shown is None:
            return None
        if (shown.line, shown.end) != (self.text(), self.cursorPosition()):
            return None
        return int(index.data(Qt.ItemDataRole.UserRole))

    def _move_highlight(self, step: int) -> None:
        # Down from the line goes to the first name, Up from the first name back to
        # the line as typed (no highlight), as in a browser's address bar.
        popup = self.completion_popup()
        rows = popup.model().rowCount()
        row = popup.currentIndex().row() if popup.currentIndex().isValid() else -1
        row = row + step if row >= 0 else (0 if step > 0 else rows - 1)
        if 0 <= row < rows:
            popup.setCurrentIndex(popup.model().index(row, 0))
        else:
            popup.selectionModel().clear()
            popup.setCurrentIndex(QModelIndex())
        self.pending_changed.emit()

    def _accept(self, completion: Completion, row: int) -> None:
        self.completion_popup().hide()
        if completion.line != self.text():
            return
        text, cursor = completion.apply(completion.candidates[row])
        self._completion = None
        # Select what is replaced and insert over it: one undoable edit, like typing.
        self._quiet = True
        self.setSelection(completion.start, len(completion.line) - completion.start)
        self.insert(text[completion.start :])
        self._quiet = False
        self.setCursorPosition(cursor)

    def _on_completer_activated(self, index: QModelIndex) -> None:  # a click on a name
        if index.isValid() and self._shown is not None:
            self._accept(self._shown, int(index.data(Qt.ItemDataRole.UserRole)))

    def _on_text_edited(self, text: str) -> None:
        self._completion = completion_at(text, self.cursorPosition(), self._roster)
        if self._quiet or self._completion is None or not self._completion.offer:
            self.completion_popup().hide()
            return
        self._shown = self._completion
        self._candidates.clear()
        for row, candidate in enumerate(self._completion.candidates):
            item = QStandardItem(candidate.label)
            item.setData(row, Qt.ItemDataRole.UserRole)
            item.setEditable(False)
            self._candidates.appendRow(item)
        self._completer.setCompletionPrefix("")  # the rows are already the matches
        self._completer.complete()
        self._place_popup(self._completion)

    def _on_cursor_position_changed(self, _old: int, new: int) -> None:
        completion = self._completion
        if completion is not None and completion.line == self.text() and new != completion.end:
            self.completion_popup().hide()  # the names were for the word the cursor left

    def _place_popup(self, completion: Completion) -> None:
        """Above the line, under the word being typed; below the preview if no room above."""
        popup = self.completion_popup()
        rows = min(self._candidates.rowCount(), self._completer.maxVisibleItems())
        frame = 2 * popup.frameWidth()
        height = popup.sizeHintForRow(0) * rows + frame
        scroll = popup.verticalScrollBar().sizeHint().width()
        width = max(popup.sizeHintForColumn(0) + frame + scroll, MIN_POPUP_WIDTH)
        width = min(width, self.width())
        typed = self.text()[completion.start : completion.end]
        x = max(0, self.cursorRect().left() - self.fontMetrics().horizontalAdvance(typed))
        at = self.mapToGlobal(QPoint(x, 0))
        screen = self.screen().availableGeometry()
        top = at.y() - height
        if top < screen.top():
            below = self._keep_clear or self
            top = below.mapToGlobal(QPoint(0, below.height())).y()
        left = max(screen.left(), min(at.x(), screen.right() + 1 - width))
        popup.setGeometry(left, top, width, height)

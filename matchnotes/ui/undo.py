"""Undo/redo for every create, edit and delete, across screens (one QUndoStack).

A change is made first, by calling the service; only when it succeeded is a command
pushed, whose first redo() is then skipped. So a refused change never lands on the
stack, and the dialog that made it can show the error and keep the user's input.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from matchnotes.errors import MatchNotesError
from matchnotes.services import Services

T = TypeVar("T")


class _Command(QUndoCommand):
    def __init__(self, text: str, redo: Callable[[], Any], undo: Callable[[], Any],
                 controller: UndoController) -> None:  # fmt: skip
        super().__init__(text)
        self._redo, self._undo, self._controller = redo, undo, controller
        self._skip_first_redo = True

    def redo(self) -> None:
        if self._skip_first_redo:
            self._skip_first_redo = False
            return
        self._controller.run_step(self, self._redo)

    def undo(self) -> None:
        self._controller.run_step(self, self._undo)


class UndoController(QObject):
    """Makes changes through the services and records how to take them back."""

    changed = Signal()  # data changed: views reload
    failed = Signal(str)  # an undo/redo step could not be carried out

    def __init__(self, services: Services | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services  # None until the window's database is open
        self.stack = QUndoStack(self)

    def run_step(self, command: _Command, step: Callable[[], Any]) -> None:
        try:
            step()
        except MatchNotesError as exc:
            command.setObsolete(True)  # the stack drops it: its data has moved on
            self.failed.emit(f"Cannot {command.text().lower()}: {exc}")
        self.changed.emit()

    def _push(self, text: str, redo: Callable[[], Any], undo: Callable[[], Any]) -> None:
        self.stack.push(_Command(text, redo, undo, self))
        self.changed.emit()

    # --- the shapes of change -----------------------------------------------------

    def create(self, text: str, table: str, do: Callable[[], int]) -> int:
        """Create something; undo deletes it, redo puts the same row back."""
        new_id = do()
        history = self.services.history
        snapshot = history.snapshot(table, new_id)
        self._push(text, lambda: history.restore(snapshot), lambda: history.delete_rows(snapshot))
        return new_id

    def edit(self, text: str, apply: Callable[[Any], None], before: Any, after: Any) -> None:
        """Apply ``after``; undo applies ``before`` (form inputs, not rows)."""
        apply(after)
        self._push(text, lambda: apply(after), lambda: apply(before))

    def change_state(self, text: str, do: Callable[[], Any], take: Callable[[], Any],
                     put: Callable[[Any], None]) -> Any:  # fmt: skip
        """A change computed at the moment it is made (the clock: "now"); undo puts back
        the state ``take`` read before it, redo the state after it."""
        before = take()
        result = do()
        after = take()
        self._push(text, lambda: put(after), lambda: put(before))
        return result

    def delete(self, text: str, table: str | None, ident: int,
               do: Callable[[], None]) -> None:  # fmt: skip
        """Delete; undo restores the snapshot taken just before (children included)."""
        history = self.services.history
        snapshot = (
            history.snapshot_match(ident) if table is None else history.snapshot(table, ident)
        )
        do()
        self._push(text, do, lambda: history.restore(snapshot))

    def change(self, text: str, do: Callable[[], T], undo: Callable[[T], Any],
               redo: Callable[[T], Any]) -> T:  # fmt: skip
        """Make a change whose undo and redo need what it returned (e.g. a line-up save
        hands back the rows it replaced and the people it created)."""
        result = do()
        self._push(text, lambda: redo(result), lambda: undo(result))
        return result

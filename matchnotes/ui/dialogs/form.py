"""The base of every dialog: validate as you type, say what is wrong, keep the input.

Each field registers a check returning an error message or None. A failing field
turns red with the message as its tooltip, the first message shows under the form,
and OK stays disabled. When OK is pressed the dialog calls ``submit``; a service error
is shown in the dialog in its own words and the dialog stays open with the input.

The keyboard, the same in every form: focus starts in the first field; Tab goes
through the fields in form order, then OK, then Cancel; Enter in a field submits,
Ctrl+Enter submits from anywhere (multi-line fields too, which Tab leaves); Escape
closes an untouched form and asks before throwing away a changed one.

A form opens at once: what it offers to complete (names of teams, people…) is read
on a worker (``read_later``) and arrives a moment after, while the user types.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QPalette, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from matchnotes.errors import MatchNotesError

Check = Callable[[], str | None]
INVALID_STYLE = (  # the padding keeps the height of a field unchanged
    "border: 1px solid #d7263d; border-radius: 2px; padding: 2px;"
    " background: rgba(215, 38, 61, 0.08);"
)
SUBMIT_KEYS = ("Ctrl+Return", "Ctrl+Enter")
MIN_WIDTH = 480  # room for the placeholders' examples


class FormDialog(QDialog):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.error_label = QLabel()
        self.error_label.setObjectName("formError")
        self.error_label.setStyleSheet("color: #d7263d;")
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)  # messages quote user text
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.discard)  # Cancel pressed: the user said so
        self.ok_button.setDefault(True)
        self.ok_button.setToolTip("Save (Enter, or Ctrl+Enter from any field)")
        for keys in SUBMIT_KEYS:
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.accept)
        self.keys_hint = QLabel("Ctrl+Enter saves · Esc closes")
        self.keys_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        bottom = QHBoxLayout()
        bottom.addWidget(self.keys_hint)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addLayout(bottom)
        self.setMinimumWidth(MIN_WIDTH)
        self._checks: list[tuple[QWidget, Check]] = []
        self._fields: list[QWidget] = []
        self._start: list[object] | None = None  # the fields' values when the form opened
        self._text_keys = _TextFieldKeys(self)
        self.submit: Callable[[], None] | None = None
        self.discard_question: QMessageBox | None = None
        self.reads_pending = 0  # reads on a worker not yet arrived (read_later)

    def read_later(self, read: Callable[[], Any], show: Callable[[Any], None]) -> None:
        """Run ``read`` on a worker and hand its result to ``show`` once the form is up
        (completion lists: a form must not wait for ten thousand names to open)."""
        from matchnotes.ui.workers import BackgroundOp

        self.reads_pending += 1

        def arrived(value: object) -> None:
            self.reads_pending -= 1
            show(value)

        def failed(message: str) -> None:  # the form still works, without suggestions
            self.reads_pending -= 1
            self.keys_hint.setText(f"No name suggestions: {message}")

        BackgroundOp(self, lambda _progress: read()).on_success(arrived).on_failure(failed).run()

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    @property
    def cancel_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Cancel)

    def add_row(self, label: str, widget: QWidget, check: Check | None = None) -> QWidget:
        self.form.addRow(label, widget)
        if check is not None:
            self._checks.append((widget, check))
        _connect_change(widget, self.validate)
        self._fields.extend(_focusable(widget))
        if isinstance(widget, QPlainTextEdit):
            widget.setTabChangesFocus(True)  # Tab leaves; a tab character is never wanted
            widget.installEventFilter(self._text_keys)
        return widget

    def validate(self) -> bool:
        first = None
        for widget, check in self._checks:
            message = check() if widget.isEnabled() else None
            widget.setStyleSheet(INVALID_STYLE if message else "")
            widget.setToolTip(message or "")
            first = first or message
        self.error_label.setText(first or "")
        self.ok_button.setEnabled(first is None)
        return first is None

    def accept(self) -> None:
        if not self.validate():
            self._focus_first_problem()
            return
        if self.submit is not None:
            try:
                self.submit()
            except MatchNotesError as exc:
                self.error_label.setText(str(exc))  # the input stays as the user left it
                return
        super().accept()

    # --- the keyboard ---

    def showEvent(self, event: QShowEvent) -> None:
        if self._start is None:  # first shown: the form as it opens is "unchanged"
            self._start = self._values()
            chain = [*self._fields, self.ok_button, self.cancel_button]
            for before, after in pairwise(chain):
                QWidget.setTabOrder(before, after)
            first = next((w for w in self._fields if w.isEnabled()), None)
            if first is not None:  # before the window is activated, so Qt keeps it
                first.setFocus(Qt.FocusReason.TabFocusReason)  # a line edit selects its text
        super().showEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accept()  # from a field (a focused button takes Enter itself)
        elif key == Qt.Key.Key_Escape:
            self.reject()
        else:
            super().keyPressEvent(event)

    def changed(self) -> bool:
        return self._start is not None and self._values() != self._start

    def reject(self) -> None:
        """Escape or the window's close button: ask first if the form was changed."""
        if not self.changed():
            self.discard()
            return
        if self.discard_question is not None:
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.windowTitle())
        box.setText("Discard the changes?")
        drop = box.addButton("&Discard", QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton("&Keep editing", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)  # Enter or Escape on the question keeps the input
        box.setEscapeButton(keep)

        def answered() -> None:
            self.discard_question = None
            if box.clickedButton() is drop:
                self.discard()
            else:
                self.activateWindow()  # back to typing (without a window manager too)

        box.finished.connect(answered)
        self.discard_question = box
        box.open()

    def discard(self) -> None:
        """Close without saving and without asking."""
        super().reject()

    def done(self, result: int) -> None:
        super().done(result)
        # Keys go back to the window below, shortcuts included, even where no window
        # manager hands the activation back (a bare X server: Ctrl+M did nothing).
        parent = self.parentWidget()
        if parent is not None:
            parent.window().activateWindow()

    def _values(self) -> list[object]:
        return [_value(w) for w in self._fields]

    def _focus_first_problem(self) -> None:
        for widget, check in self._checks:
            if widget.isEnabled() and check():
                target = next(iter(_focusable(widget)), widget)
                target.setFocus(Qt.FocusReason.OtherFocusReason)
                return


class _TextFieldKeys(QObject):
    """Tab, Shift+Tab and Ctrl+(Shift+)Tab all leave a multi-line field."""

    def __init__(self, dialog: FormDialog) -> None:
        super().__init__(dialog)
        self.dialog = dialog

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
                shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier  # type: ignore[attr-defined]
                self.dialog.focusNextPrevChild(key == Qt.Key.Key_Tab and not shift)
                return True
        return False


def _focusable(widget: QWidget) -> list[QWidget]:
    """The widgets Tab stops at in a form row: the field, or those inside a compound one."""
    if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
        return [widget]
    return [
        child for child in widget.findChildren(QWidget)
        if child.focusPolicy() & Qt.FocusPolicy.TabFocus and child.focusProxy() is None
    ]  # fmt: skip


def _value(widget: QWidget) -> object:
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return (widget.currentIndex(), widget.currentText())
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    if isinstance(widget, QAbstractButton):
        return widget.isChecked()
    return None


def _connect_change(widget: QWidget, slot: Callable[[], object]) -> None:
    if isinstance(widget, QLineEdit):
        widget.textChanged.connect(slot)
    elif isinstance(widget, QComboBox):
        widget.currentIndexChanged.connect(slot)
        if widget.isEditable():
            widget.editTextChanged.connect(slot)
    elif isinstance(widget, QPlainTextEdit):
        widget.textChanged.connect(slot)
    else:
        for signal in ("valueChanged", "dateChanged", "timeChanged", "toggled"):
            if hasattr(widget, signal):
                getattr(widget, signal).connect(slot)
                break


def required(get_text: Callable[[], str], message: str) -> Check:
    """A check that fails with ``message`` while the field is blank."""
    return lambda: None if get_text().strip() else message


def completing_line_edit(words: list[str] | None = None, placeholder: str = "") -> QLineEdit:
    """A line edit that completes from ``words`` (case-insensitive, anywhere in the word);
    the words may come later, through ``set_completions``."""
    from PySide6.QtWidgets import QCompleter

    edit = QLineEdit(placeholderText=placeholder)
    completer = QCompleter(edit)
    completer.setModel(QStringListModel(completer))
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    edit.setCompleter(completer)
    set_completions(edit, words or [])
    return edit


def set_completions(edit: QLineEdit, words: list[str]) -> None:
    model = edit.completer().model()
    assert isinstance(model, QStringListModel)
    model.setStringList(sorted(set(words)))

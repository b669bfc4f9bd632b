"""The base of every dialog: validate as you type, say what is wrong, keep the input.

Each field registers a check returning an error message or None. A failing field
turns red with the message as its tooltip, the first message shows under the form,
and OK stays disabled. When OK is pressed the dialog calls ``submit``; a service error
is shown in the dialog in its own words and the dialog stays open with the input.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from matchnotes.errors import MatchNotesError

Check = Callable[[], str | None]
INVALID_STYLE = "border: 1px solid #d7263d; background: rgba(215, 38, 61, 0.08);"


class FormDialog(QDialog):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.form = QFormLayout()
        self.error_label = QLabel()
        self.error_label.setObjectName("formError")
        self.error_label.setStyleSheet("color: #d7263d;")
        self.error_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self._checks: list[tuple[QWidget, Check]] = []
        self.submit: Callable[[], None] | None = None

    @property
    def ok_button(self) -> QWidget:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def add_row(self, label: str, widget: QWidget, check: Check | None = None) -> QWidget:
        self.form.addRow(label, widget)
        if check is not None:
            self._checks.append((widget, check))
        _connect_change(widget, self.validate)
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
            return
        if self.submit is not None:
            try:
                self.submit()
            except MatchNotesError as exc:
                self.error_label.setText(str(exc))  # the input stays as the user left it
                return
        super().accept()


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


def optional_int(text: str, low: int, high: int, what: str) -> tuple[int | None, str | None]:
    """Parse an optional whole number typed in a line edit."""
    text = text.strip().replace(",", "").replace(" ", "")
    if not text:
        return None, None
    if not text.isdigit():
        return None, f"{what} must be a whole number."
    value = int(text)
    if not low <= value <= high:
        return None, f"{what} must be between {low:,} and {high:,}."
    return value, None


def completing_line_edit(words: list[str], placeholder: str = "") -> QLineEdit:
    """A line edit that completes from ``words`` (case-insensitive, anywhere in the word)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QCompleter

    edit = QLineEdit(placeholderText=placeholder)
    completer = QCompleter(sorted(set(words)), edit)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    edit.setCompleter(completer)
    return edit

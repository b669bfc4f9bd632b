"""Help ▸ Quick entry: the grammar (docs/quick-entry.md, shipped with the app) and every
keyboard shortcut of the menus, read from the actions themselves so it never goes stale."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMenuBar,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from matchnotes.paths import doc

TITLE = "Quick entry and keyboard shortcuts"


def shortcuts_markdown(bar: QMenuBar) -> str:
    """A Markdown table of the menu bar's actions that have a shortcut."""
    rows = []
    for menu_action in bar.actions():
        menu = menu_action.menu()
        if menu is None:
            continue
        section = menu_action.text().replace("&", "")
        for action in menu.actions():
            keys = _keys(action)
            if keys:
                name = action.text().replace("&", "").rstrip("…")
                rows.append(f"| {section} ▸ {name} | {keys} |")
    return "\n".join(["## Keyboard shortcuts", "", "| command | keys |", "|---|---|", *rows])


def _keys(action: QAction) -> str:
    text = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts())
    return text.replace("|", "\\|")


class HelpDialog(QDialog):
    def __init__(self, bar: QMenuBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self.resize(760, 680)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)
        path = doc("quick-entry.md")
        try:
            grammar = path.read_text(encoding="utf-8")
        except OSError as exc:
            grammar = f"# Quick entry\n\nThe help file {path} cannot be read ({exc.strerror})."
        self.browser.setMarkdown(grammar + "\n\n" + shortcuts_markdown(bar))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.browser.setFocus()

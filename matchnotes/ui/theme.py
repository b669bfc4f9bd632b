"""Light and dark themes: Qt's Fusion style with two palettes, remembered in QSettings."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

THEMES = ("light", "dark")
_SETTING = "appearance/theme"


def saved_theme() -> str:
    value = QSettings().value(_SETTING, "light")
    return value if value in THEMES else "light"


def apply_theme(app: QApplication, name: str) -> None:
    """Switch the whole app to ``name`` and remember the choice."""
    app.setStyle(QStyleFactory.create("Fusion"))
    app.setPalette(_dark_palette() if name == "dark" else app.style().standardPalette())
    QSettings().setValue(_SETTING, name)


def _dark_palette() -> QPalette:
    p = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    colours = {
        role.Window: "#2b2d30", role.WindowText: "#e8e8e8", role.Base: "#1f2023",
        role.AlternateBase: "#27292c", role.ToolTipBase: "#3a3d41", role.ToolTipText: "#e8e8e8",
        role.Text: "#e8e8e8", role.Button: "#34373b", role.ButtonText: "#e8e8e8",
        role.BrightText: "#ff6b6b", role.Link: "#7ab7ff", role.Highlight: "#3d6fb4",
        role.HighlightedText: "#ffffff", role.PlaceholderText: "#8a8d91",
    }  # fmt: skip
    for r, colour in colours.items():
        p.setColor(r, QColor(colour))
    for r in (role.Text, role.WindowText, role.ButtonText):
        p.setColor(group.Disabled, r, QColor("#7a7d81"))
    return p

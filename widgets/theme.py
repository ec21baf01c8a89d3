"""Light and dark (control-room) themes and a font scale for reading at a distance.

Applied to the whole QApplication with the Fusion style and a palette, so every
widget, including those of feature modules, follows without per-widget styling."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QWidget

BASE_POINT_SIZE = 10.0

DARK = {
    QPalette.ColorRole.Window: "#1f2328",
    QPalette.ColorRole.WindowText: "#e6e6e6",
    QPalette.ColorRole.Base: "#15181c",
    QPalette.ColorRole.AlternateBase: "#22272e",
    QPalette.ColorRole.ToolTipBase: "#2d333b",
    QPalette.ColorRole.ToolTipText: "#e6e6e6",
    QPalette.ColorRole.Text: "#e6e6e6",
    QPalette.ColorRole.Button: "#2d333b",
    QPalette.ColorRole.ButtonText: "#e6e6e6",
    QPalette.ColorRole.BrightText: "#ff6b6b",
    QPalette.ColorRole.Highlight: "#2f81f7",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#6cb6ff",
    QPalette.ColorRole.PlaceholderText: "#8b949e",
}


def apply_theme(app: QApplication, theme: str, font_scale: float = 1.0) -> None:
    app.setStyle("Fusion")
    if theme == "dark":
        palette = QPalette()
        for role, color in DARK.items():
            palette.setColor(role, QColor(color))
        for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText,
                     QPalette.ColorRole.WindowText):
            palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#6e7681"))
    else:
        palette = app.style().standardPalette()
    app.setPalette(palette)
    font = QFont(app.font())
    font.setPointSizeF(BASE_POINT_SIZE * font_scale)
    app.setFont(font)


def readable_hue(widget: QWidget, colour: str) -> str:
    """`colour` as text on `widget`: the same hue, lifted to stay readable when the
    window is dark (the overview's figures, the status bar's amber)."""
    if widget.palette().window().color().lightness() < 128:
        return QColor(colour).lighter(190).name()
    return colour

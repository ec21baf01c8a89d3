"""The small bold note a map tool keeps in the map's top-left corner (what to click, or
the live measurement), one look for every tool so the operator reads them alike."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


def map_hint_label(canvas: QWidget, name: str, border: str, opacity: int = 230) -> QLabel:
    """A hidden label over `canvas` (object name `name`, a 1 px `border` colour, white
    background at `opacity` of 255); the tool sets its text and shows it."""
    label = QLabel(canvas)
    label.setObjectName(name)
    label.setStyleSheet(
        f"QLabel {{ background: rgba(255,255,255,{opacity}); border: 1px solid {border};"
        " padding: 4px 8px; font-weight: bold; }"
    )
    label.move(12, 12)
    label.hide()
    return label

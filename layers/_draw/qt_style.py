"""Prebuilt pens and brushes (building them per frame is a measurable cost)."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPen


@lru_cache(maxsize=256)
def pen(color: str, width: float = 1.0, dashed: bool = False) -> QPen:
    p = QPen(QColor(color))
    p.setWidthF(width)
    p.setCosmetic(True)  # width in pixels whatever the zoom
    if dashed:
        p.setStyle(Qt.PenStyle.DashLine)
    return p


@lru_cache(maxsize=256)
def brush(color: str) -> QBrush:
    return QBrush(QColor(color))


NO_PEN = QPen(Qt.PenStyle.NoPen)
NO_BRUSH = QBrush(Qt.BrushStyle.NoBrush)

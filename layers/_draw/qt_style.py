"""Prebuilt pens and brushes (building them per frame is a measurable cost)."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPen


def qcolor(spec: str) -> QColor:
    """'#rrggbb' or CSS-style '#rrggbbaa' (Qt itself would read 8 digits as #aarrggbb)."""
    if len(spec) == 9 and spec.startswith("#"):
        r, g, b, a = (int(spec[i : i + 2], 16) for i in (1, 3, 5, 7))
        return QColor(r, g, b, a)
    return QColor(spec)


@lru_cache(maxsize=256)
def pen(color: str, width: float = 1.0, dashed: bool = False) -> QPen:
    p = QPen(qcolor(color))
    p.setWidthF(width)
    p.setCosmetic(True)  # width in pixels whatever the zoom
    if dashed:
        p.setStyle(Qt.PenStyle.DashLine)
    return p


@lru_cache(maxsize=256)
def brush(color: str) -> QBrush:
    return QBrush(qcolor(color))


NO_PEN = QPen(Qt.PenStyle.NoPen)
NO_BRUSH = QBrush(Qt.BrushStyle.NoBrush)

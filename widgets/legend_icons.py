"""Small icons for legend entries, drawn with QPainter from the entry's style."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

from layers._draw.qt_style import qcolor
from layers.base import LegendEntry
from layers.map_theme import LIGHT, MapTheme, themed

ICON_PX = 18


def _symbol_path(symbol: str, cx: float, cy: float, r: float) -> QPainterPath:
    path = QPainterPath()
    if symbol == "s":
        path.addRect(cx - r * 0.8, cy - r * 0.8, r * 1.6, r * 1.6)
    elif symbol in ("t", "t1"):
        sign = 1 if symbol == "t" else -1  # pyqtgraph 't' points down, 't1' up
        path.moveTo(cx, cy + sign * r)
        path.lineTo(cx + r, cy - sign * r * 0.8)
        path.lineTo(cx - r, cy - sign * r * 0.8)
        path.closeSubpath()
    elif symbol == "d":
        path.moveTo(cx, cy - r)
        path.lineTo(cx + r * 0.8, cy)
        path.lineTo(cx, cy + r)
        path.lineTo(cx - r * 0.8, cy)
        path.closeSubpath()
    elif symbol == "star":
        for i in range(10):
            radius = r if i % 2 == 0 else r * 0.45
            angle = math.pi / 2 + i * math.pi / 5
            point = QPointF(cx + radius * math.cos(angle), cy - radius * math.sin(angle))
            if i == 0:
                path.moveTo(point)
            else:
                path.lineTo(point)
        path.closeSubpath()
    elif symbol == "x":
        w = r * 0.3
        for sx in (1, -1):
            p = QPainterPath()
            p.moveTo(cx - r, cy - sx * r + sx * w)
            p.lineTo(cx - r + w, cy - sx * r)
            p.lineTo(cx + r, cy + sx * r - sx * w)
            p.lineTo(cx + r - w, cy + sx * r)
            p.closeSubpath()
            path = path.united(p)
    else:
        path.addEllipse(QPointF(cx, cy), r * 0.8, r * 0.8)
    return path


def legend_icon(entry: LegendEntry, theme: MapTheme = LIGHT) -> QIcon:
    """The entry's symbol as the map draws it on `theme` (on the dark theme a dark
    symbol has its light edge here too: the legend sits on a dark panel)."""
    pixmap = QPixmap(ICON_PX, ICON_PX)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    c = ICON_PX / 2
    if entry.style is not None:
        style = themed(entry.style, theme)
        painter.setPen(QPen(qcolor(style.outline), 1.2))
        painter.setBrush(qcolor(style.fill))
        painter.drawPath(_symbol_path(style.symbol, c, c, ICON_PX * 0.38))
    elif entry.fill_color is not None:
        painter.setPen(QPen(QColor("#5f97c2"), 1))
        painter.setBrush(qcolor(entry.fill_color))
        painter.drawRect(3, 4, ICON_PX - 6, ICON_PX - 8)
    elif entry.line_color is not None:
        painter.setPen(QPen(qcolor(entry.line_color), 2.2))
        painter.drawLine(2, ICON_PX - 5, ICON_PX - 2, 5)
    painter.end()
    return QIcon(pixmap)

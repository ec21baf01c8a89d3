"""Draws the vector basemap: one path per style group, plus place labels.

The geometry never changes, so paths are built once and drawn from a device-sized
cache (`CachedPathsItem`) until the view moves; labels are shown only when the zoom
makes them legible (towns hidden at national scale).
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainterPath, QPolygonF

from layers._draw.cached_paths import CachedPathsItem, StyledPath
from layers._draw.qt_style import NO_BRUSH, NO_PEN, brush, pen
from layers.basemap_vector.layer import VectorBasemapLayer
from layers.render_base import Renderer

# metres per screen pixel below which each label kind is shown
LABEL_MAX_RESOLUTION = {
    "archipelago": 1e9,
    "city": 3000.0,
    "port": 400.0,
    "town": 400.0,
    "island": 800.0,
}
LABEL_STYLE = {
    "archipelago": ("#1d4e75", 10, True, True),
    "city": ("#202020", 10, True, False),
    "town": ("#404040", 8, False, False),
    "port": ("#0b4f7a", 8, False, True),
    "island": ("#404040", 8, False, True),
}


def _polygon(ring) -> QPolygonF:
    return QPolygonF([QPointF(float(x), float(y)) for x, y in ring])


class BasemapRenderer(Renderer):
    layer: VectorBasemapLayer

    def __init__(self, layer: VectorBasemapLayer, view: pg.ViewBox) -> None:
        super().__init__(layer, view)
        self._groups = []
        shapes = []
        for group in layer.data.groups:
            path = QPainterPath()
            path.setFillRule(Qt.FillRule.OddEvenFill)
            for rings in group.polygons:
                for ring in rings:
                    path.addPolygon(_polygon(ring))
                    path.closeSubpath()
            for line in group.lines:
                path.addPolygon(_polygon(line))
            style = group.style
            stroke = pen(style.stroke, style.width, style.dashed) if style.stroke else NO_PEN
            shapes.append(StyledPath(path, stroke, self._fill(group)))
            self._groups.append(group)
        self._paths = self.add_item(CachedPathsItem(shapes))
        self._labels: list[tuple[pg.TextItem, str]] = []
        for label in layer.data.labels:
            color, size, bold, italic = LABEL_STYLE.get(label.kind, LABEL_STYLE["town"])
            font = QFont()
            font.setPointSize(size)
            font.setBold(bold)
            font.setItalic(italic)
            marker = (
                "⚓ " if label.kind == "port" else ("● " if label.kind in ("city", "town") else "")
            )
            text = pg.TextItem(
                marker + layer.label_text(label), color=QColor(color), anchor=(0.0, 0.5)
            )
            text.setFont(font)
            text.setPos(label.x, label.y)
            self.add_item(text)
            self._labels.append((text, label.kind))

    def _fill(self, group) -> QBrush:
        fill = group.style.fill if group.polygons and self.layer.fills else None
        return brush(fill) if fill else NO_BRUSH

    def update(self) -> None:
        """Fills on or off (off while a tile basemap draws beneath)."""
        for shape, group in zip(self._paths.shapes, self._groups, strict=True):
            shape.brush = self._fill(group)
        self._paths.restyle()

    def view_changed(self) -> None:
        (x0, x1), _ = self.view.viewRange()
        width = max(1.0, self.view.width())
        resolution = (x1 - x0) / width
        visible = self.layer.visible
        for text, kind in self._labels:
            text.setVisible(visible and resolution <= LABEL_MAX_RESOLUTION.get(kind, 400.0))

    def set_visible(self, visible: bool) -> None:
        super().set_visible(visible)
        self.view_changed()

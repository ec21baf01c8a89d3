"""Zones: one path per zone (few, static, drawn from a device-sized cache), dashed
outline for the permitted fishing boundary."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPen

from layers._draw.cached_paths import CachedPathsItem, StyledPath, polygon_path
from layers._draw.qt_style import qcolor
from layers.render_base import Renderer
from layers.zones.layer import ZONE_STYLE, ZoneLayer


class ZoneRenderer(Renderer):
    layer: ZoneLayer

    def __init__(self, layer: ZoneLayer, view: pg.ViewBox) -> None:
        super().__init__(layer, view)
        shapes = []
        for z in layer.zones:
            line, fill = ZONE_STYLE.get(z.rule, ("#555555", None))
            pen = QPen(QColor(line), 2.0 if z.rule == "permitted_boundary" else 1.2)
            pen.setCosmetic(True)
            if z.rule == "permitted_boundary":
                pen.setStyle(Qt.PenStyle.DashLine)
            fill_brush = QBrush(qcolor(fill)) if fill else QBrush(Qt.BrushStyle.NoBrush)
            shapes.append(StyledPath(polygon_path(z.geometry), pen, fill_brush))
        self.add_item(CachedPathsItem(shapes))

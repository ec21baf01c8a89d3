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
from layers.basemap_vector.layer import (
    LAND_OVERVIEW_RESOLUTION,
    HistoricProvinceLayer,
    VectorBasemapLayer,
    VectorGroup,
)
from layers.render_base import Renderer

# metres per screen pixel below which each label kind is shown
LABEL_MAX_RESOLUTION = {
    "archipelago": 1e9,
    "city": 3000.0,
    "port": 400.0,
    "town": 400.0,
    "island": 800.0,
    "province": 3000.0,
    "province_historic": 3000.0,
    "lagoon": 150.0,
    "river": 250.0,
    "road": 1500.0,
}
LABEL_STYLE = {
    "archipelago": ("#1d4e75", 10, True, True),
    "city": ("#202020", 10, True, False),
    "town": ("#404040", 8, False, False),
    "port": ("#0b4f7a", 8, False, True),
    "island": ("#404040", 8, False, True),
    "province": ("#a0522d", 11, True, False),
    "province_historic": ("#6d6d6d", 9, False, True),
    "lagoon": ("#1f5f8b", 8, False, True),
    "river": ("#2f6f9f", 8, False, True),
    "road": ("#c0392b", 8, True, False),
}


def _polygon(ring) -> QPolygonF:
    return QPolygonF([QPointF(float(x), float(y)) for x, y in ring])


def _path(group: VectorGroup) -> QPainterPath:
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)
    for rings in group.polygons:
        for ring in rings:
            path.addPolygon(_polygon(ring))
            path.closeSubpath()
    for line in group.lines:
        path.addPolygon(_polygon(line))
    return path


def _label_item(text: str, kind: str, x: float, y: float) -> pg.TextItem:
    color, size, bold, italic = LABEL_STYLE.get(kind, LABEL_STYLE["town"])
    font = QFont()
    font.setPointSize(size)
    font.setBold(bold)
    font.setItalic(italic)
    marker = "⚓ " if kind == "port" else ("● " if kind in ("city", "town") else "")
    item = pg.TextItem(marker + text, color=QColor(color), anchor=(0.0, 0.5))
    item.setFont(font)
    item.setPos(x, y)
    return item


class BasemapRenderer(Renderer):
    """Land is drawn from `land_overview` at province/national scale and from `land`
    below LAND_OVERVIEW_RESOLUTION m/px (two cached items, one visible at a time); the
    other themes are one cached item."""

    layer: VectorBasemapLayer

    def __init__(self, layer: VectorBasemapLayer, view: pg.ViewBox) -> None:
        super().__init__(layer, view)
        self._groups: list[tuple[VectorGroup, StyledPath]] = []
        buckets: dict[str, list[StyledPath]] = {"land": [], "land_overview": [], "rest": []}
        for group in layer.data.groups:
            if group.kind == "province_historic":
                continue  # HistoricProvinceLayer draws it
            style = group.style
            stroke = pen(style.stroke, style.width, style.dashed) if style.stroke else NO_PEN
            shape = StyledPath(_path(group), stroke, self._fill(group))
            buckets.get(group.kind, buckets["rest"]).append(shape)
            self._groups.append((group, shape))
        self._overview = self.add_item(CachedPathsItem(buckets["land_overview"]))
        self._detail = self.add_item(CachedPathsItem(buckets["land"]))
        self._paths = self.add_item(CachedPathsItem(buckets["rest"]))
        self._labels: list[tuple[pg.TextItem, str]] = []
        for label in layer.data.labels:
            if label.kind == "province_historic":
                continue
            text = _label_item(layer.label_text(label), label.kind, label.x, label.y)
            self.add_item(text)
            self._labels.append((text, label.kind))
        self.detail_shown = False

    def _fill(self, group) -> QBrush:
        fill = group.style.fill if group.polygons and self.layer.fills else None
        return brush(fill) if fill else NO_BRUSH

    def update(self) -> None:
        """Fills on or off (off while a tile basemap draws beneath)."""
        for group, shape in self._groups:
            shape.brush = self._fill(group)
        for item in (self._overview, self._detail, self._paths):
            item.restyle()

    def view_changed(self) -> None:
        (x0, x1), _ = self.view.viewRange()
        width = max(1.0, self.view.width())
        resolution = (x1 - x0) / width
        visible = self.layer.visible
        self.detail_shown = resolution <= LAND_OVERVIEW_RESOLUTION
        self._detail.setVisible(visible and self.detail_shown)
        self._overview.setVisible(visible and not self.detail_shown)
        for text, kind in self._labels:
            text.setVisible(visible and resolution <= LABEL_MAX_RESOLUTION.get(kind, 400.0))

    def set_visible(self, visible: bool) -> None:
        super().set_visible(visible)
        self.view_changed()


class HistoricProvinceRenderer(Renderer):
    """The former Bình Định outline (dashed grey) and its 'former … (before …)' label."""

    layer: HistoricProvinceLayer

    def __init__(self, layer: HistoricProvinceLayer, view: pg.ViewBox) -> None:
        super().__init__(layer, view)
        shapes = []
        if layer.group is not None:
            style = layer.group.style
            shapes.append(
                StyledPath(_path(layer.group), pen(style.stroke, style.width, True), NO_BRUSH)
            )
        self.add_item(CachedPathsItem(shapes))
        self._labels = []
        for label in layer.labels:
            item = _label_item(layer.label_text(label), label.kind, label.x, label.y)
            self.add_item(item)
            self._labels.append(item)

    def view_changed(self) -> None:
        (x0, x1), _ = self.view.viewRange()
        resolution = (x1 - x0) / max(1.0, self.view.width())
        for item in self._labels:
            item.setVisible(
                self.layer.visible and resolution <= LABEL_MAX_RESOLUTION["province_historic"]
            )

    def set_visible(self, visible: bool) -> None:
        super().set_visible(visible)
        self.view_changed()

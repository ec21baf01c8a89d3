"""Draws the vector basemap: land, province and rivers through their LOD quadtrees
(`BasemapLodItem`: visible nodes at about a pixel of detail), the small themes as one
path per style group from a device-sized cache (`CachedPathsItem`), plus place labels
shown only when the zoom makes them legible (towns hidden at national scale).
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsObject

from layers._draw.cached_paths import CachedPathsItem, StyledPath
from layers._draw.qt_style import NO_BRUSH, NO_PEN, brush, pen
from layers.basemap_vector.layer import (
    HistoricProvinceLayer,
    VectorBasemapLayer,
    VectorGroup,
)
from layers.render_base import Renderer
from layers.vector_file.lod import LodNode, select_nodes
from layers.vector_file.render import xy_path

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


class BasemapLodItem(QGraphicsObject):
    """One LOD-drawn theme: fills without antialiasing (the outline drawn over them
    smooths the edge; AA fills of large areas were the main frame cost), 1 px strokes."""

    def __init__(self, root: LodNode, pen_: QPen, brush_: QBrush, view: pg.ViewBox) -> None:
        super().__init__()
        self.root = root
        self._view = view
        self.pen = pen_
        self.brush = brush_
        x0, y0, x1, y1 = root.bounds
        self._rect = QRectF(x0, y0, x1 - x0, y1 - y0)
        self._paths: dict[tuple[int, int], tuple[QPainterPath, QPainterPath]] = {}
        self.last_vertices = 0  # drawn in the last paint (bench figure)

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, _option, _widget=None) -> None:
        upp = 1.0 / max(1e-12, abs(painter.transform().m11()))
        view = self._view.viewRect()
        nodes = select_nodes(
            self.root, (view.left(), view.top(), view.right(), view.bottom()), upp
        )
        paths = []
        vertices = 0
        for node in nodes:
            level = node.level_for(upp)
            found = self._paths.get((id(node), level))
            if found is None:
                fill, stroke = node.coords(level)
                found = (xy_path(fill, True), xy_path(stroke, False))
                self._paths[(id(node), level)] = found
            paths.append(found)
            vertices += found[1].elementCount()
        self.last_vertices = vertices
        if self.brush.style() != Qt.BrushStyle.NoBrush:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.setPen(NO_PEN)
            painter.setBrush(self.brush)
            for fill, _stroke in paths:
                painter.drawPath(fill)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(self.pen)
        painter.setBrush(NO_BRUSH)
        for _fill, stroke in paths:
            painter.drawPath(stroke)


class BasemapRenderer(Renderer):
    """Land, province and rivers through their quadtrees; the rest as cached paths."""

    layer: VectorBasemapLayer

    def __init__(self, layer: VectorBasemapLayer, view: pg.ViewBox) -> None:
        super().__init__(layer, view)
        self._groups: list[tuple[VectorGroup, StyledPath]] = []
        self.lod_items: dict[str, BasemapLodItem] = {}
        rest: list[StyledPath] = []
        for group in layer.data.groups:
            if group.kind in ("province_historic", "land_overview"):
                continue  # HistoricProvinceLayer / the overview inset draw these
            style = group.style
            stroke = pen(style.stroke, style.width, style.dashed) if style.stroke else NO_PEN
            shape = StyledPath(_path(group), stroke, self._fill(group))
            tree = layer.data.lod.get(group.kind)
            if tree is not None:
                self.lod_items[group.kind] = self.add_item(
                    BasemapLodItem(tree, stroke, shape.brush, view)
                )
            else:
                rest.append(shape)
            self._groups.append((group, shape))
        self._paths = self.add_item(CachedPathsItem(rest))
        self._labels: list[tuple[pg.TextItem, str]] = []
        for label in layer.data.labels:
            if label.kind == "province_historic":
                continue
            text = _label_item(layer.label_text(label), label.kind, label.x, label.y)
            self.add_item(text)
            self._labels.append((text, label.kind))

    def _fill(self, group) -> QBrush:
        fill = group.style.fill if group.polygons and self.layer.fills else None
        return brush(fill) if fill else NO_BRUSH

    def update(self) -> None:
        """Fills on or off (off while a tile basemap draws beneath)."""
        for group, shape in self._groups:
            shape.brush = self._fill(group)
            item = self.lod_items.get(group.kind)
            if item is not None:
                item.brush = shape.brush
                item.update()
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

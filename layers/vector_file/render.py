"""Draws a user vector layer: polygons / lines through the LOD quadtree, points as one
scatter item, labels for the features in view, and the selection highlighted.

`LodItem.paint` (GUI thread, called by Qt) picks the quadtree nodes that are visible
and detailed enough for the current resolution and draws their cached paths: frame
cost depends on the screen, not on the layer's vertex count. Paths are built on first
use and kept (geometry never changes; style changes only swap pens and brushes).
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
import shapely
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath
from PySide6.QtWidgets import QGraphicsObject

from layers._draw.qt_style import NO_BRUSH, NO_PEN, brush, pen, qcolor
from layers.render_base import Renderer
from layers.vector_file.layer import VectorFileLayer
from layers.vector_file.lod import LodNode, parts_xy, select_nodes
from layers.vector_file.style import scale_denominator

SELECTION_COLOR = "#ffd400"
MAX_LABELS = 250
LABEL_COLOR = "#1f2937"
EARTH_RADIUS_M = 6378137.0


def xy_path(xy: np.ndarray | None, fill: bool) -> QPainterPath:
    """(n, 2) coordinates with NaN rows between parts -> one QPainterPath."""
    if xy is None or len(xy) == 0:
        return QPainterPath()
    path = pg.arrayToQPath(xy[:, 0], xy[:, 1], connect="finite")
    if fill:
        path.setFillRule(Qt.FillRule.OddEvenFill)
    return path


def ground_scale(view: pg.ViewBox) -> float:
    """Scale denominator 1:N of the view (metres on the ground at its centre latitude)."""
    (x0, x1), (y0, y1) = view.viewRange()
    upp = (x1 - x0) / max(1.0, view.width())
    lat = math.atan(math.sinh(((y0 + y1) / 2) / EARTH_RADIUS_M))
    return scale_denominator(upp * math.cos(lat))


class LodItem(QGraphicsObject):
    """One graphics item for all polygons / lines of a layer (bounding rect = extent)."""

    def __init__(self, renderer: VectorRenderer, root: LodNode) -> None:
        super().__init__()
        self._renderer = renderer
        self._root = root
        x0, y0, x1, y1 = root.bounds
        self._rect = QRectF(x0, y0, x1 - x0, y1 - y0)
        self._paths: dict[tuple[int, int], tuple[QPainterPath, QPainterPath]] = {}
        self.selection_path = QPainterPath()
        self.last_node_count = 0

    def boundingRect(self) -> QRectF:
        return self._rect

    def _node_paths(self, node: LodNode, upp: float) -> tuple[QPainterPath, QPainterPath]:
        level = node.level_for(upp)
        paths = self._paths.get((id(node), level))
        if paths is None:
            fill, stroke = node.coords(level)
            paths = (xy_path(fill, True), xy_path(stroke, False))
            self._paths[(id(node), level)] = paths
        return paths

    def paint(self, painter: QPainter, _option, _widget=None) -> None:
        r = self._renderer
        layer = r.layer
        if not r.in_scale:
            return
        upp = 1.0 / max(1e-12, abs(painter.transform().m11()))
        view = r.view.viewRect()
        rect = (view.left(), view.top(), view.right(), view.bottom())
        nodes = select_nodes(self._root, rect, upp)
        self.last_node_count = len(nodes)
        style = layer.style
        # fills without antialiasing: the outline drawn over them smooths the edge, and
        # AA rasterisation of large filled areas was the main frame cost (bench)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        if layer.kind == "polygon" and style.fill:
            painter.setPen(NO_PEN)
            painter.setBrush(brush(style.fill))
            for node in nodes:
                painter.drawPath(self._node_paths(node, upp)[0])
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if style.stroke and style.width > 0:
            painter.setPen(pen(style.stroke, style.width))
            painter.setBrush(NO_BRUSH)
            for node in nodes:
                painter.drawPath(self._node_paths(node, upp)[1])
        if not self.selection_path.isEmpty():
            painter.setPen(pen(SELECTION_COLOR, max(2.5, style.width + 1.5)))
            painter.setBrush(NO_BRUSH)
            painter.drawPath(self.selection_path)


class VectorRenderer(Renderer):
    layer: VectorFileLayer

    def __init__(self, layer: VectorFileLayer, view: pg.ViewBox) -> None:
        super().__init__(layer, view)
        self.in_scale = True
        self.lod_item: LodItem | None = None
        self.scatter: pg.ScatterPlotItem | None = None
        self.selected_scatter: pg.ScatterPlotItem | None = None
        self._labels: list[pg.TextItem] = []
        self._selection_key: frozenset[int] = frozenset()
        self._build_items()
        self.update()

    def _build_items(self) -> None:
        """The graphics items of the layer's current data (LOD tree, point scatter)."""
        layer = self.layer
        if layer.prepared.lod is not None:
            self.lod_item = self.add_item(LodItem(self, layer.prepared.lod))
        if len(layer.point_xy):
            self.scatter = self.add_item(pg.ScatterPlotItem(pxMode=True))
            self.selected_scatter = self.add_item(pg.ScatterPlotItem(pxMode=True))

    def rebuild(self) -> None:
        """Drop the items and build them again from the layer's new data (a remote
        layer's refresh); labels are a pool and stay."""
        for item in self._items:
            self.view.removeItem(item)
        self._items.clear()
        self.lod_item = self.scatter = self.selected_scatter = None
        self._selection_key = frozenset()
        self._build_items()
        self.set_z(self._z)

    # --- Renderer hooks (GUI thread) --------------------------------------------------------

    def update(self) -> None:
        layer, style = self.layer, self.layer.style
        self.in_scale = style.visible_at(ground_scale(self.view))
        if self.scatter is not None and self.selected_scatter is not None:
            xy = layer.point_xy
            self.scatter.setData(
                x=xy[:, 0],
                y=xy[:, 1],
                symbol=style.symbol,
                size=style.size,
                pen=pen(style.stroke, 1.0),
                brush=brush(style.fill),
            )
            sel = np.isin(layer.point_rows, list(layer.selected))
            self.selected_scatter.setData(
                x=xy[sel, 0],
                y=xy[sel, 1],
                symbol=style.symbol,
                size=style.size + 6,
                pen=pen(SELECTION_COLOR, 3.0),
                brush=NO_BRUSH,
            )
        if self.lod_item is not None:
            key = frozenset(layer.selected)
            if key != self._selection_key:
                self._selection_key = key
                geoms = layer.table.geometries[sorted(key)] if key else np.array([], object)
                self.lod_item.selection_path = (
                    xy_path(parts_xy(geoms), False) if key else QPainterPath()
                )
            self.lod_item.update()
        self._apply_scale_visibility()
        self.view_changed()

    def _apply_scale_visibility(self) -> None:
        show = self.layer.visible and self.in_scale
        for item in (self.scatter, self.selected_scatter):
            if item is not None:
                item.setVisible(show)

    def view_changed(self) -> None:
        in_scale = self.layer.style.visible_at(ground_scale(self.view))
        if in_scale != self.in_scale:
            self.in_scale = in_scale
            self._apply_scale_visibility()
            if self.lod_item is not None:
                self.lod_item.update()
        self._place_labels()

    def set_visible(self, visible: bool) -> None:
        super().set_visible(visible)
        self._apply_scale_visibility()
        self._place_labels()

    def remove(self) -> None:
        for text in self._labels:
            self.view.removeItem(text)
        self._labels.clear()
        super().remove()

    # --- labels ---------------------------------------------------------------------------

    def _place_labels(self) -> None:
        """Labels of the features in view (at most MAX_LABELS), from a reused item pool."""
        layer = self.layer
        field = layer.style.label_field
        rows: np.ndarray = np.array([], dtype=int)
        if field in layer.table.columns and layer.visible and self.in_scale:
            view = self.view.viewRect()
            xy = layer.prepared.label_xy
            inside = (
                (xy[:, 0] >= view.left())
                & (xy[:, 0] <= view.right())
                & (xy[:, 1] >= view.top())
                & (xy[:, 1] <= view.bottom())
            )
            rows = np.flatnonzero(inside)[:MAX_LABELS]
        column = layer.table.columns.index(field) if rows.size else 0
        while len(self._labels) < rows.size:
            text = pg.TextItem(color=QColor(LABEL_COLOR), anchor=(0.5, -0.2))
            font = QFont()
            font.setPointSize(8)
            text.setFont(font)
            text.setZValue(self._z + 5)
            self.view.addItem(text)
            self._labels.append(text)
        stroke = qcolor(layer.style.stroke)
        if stroke.lightness() > 110:  # light outlines (white halos) make unreadable labels
            stroke = QColor(LABEL_COLOR)
        for i, text in enumerate(self._labels):
            if i < rows.size:
                row = int(rows[i])
                text.setText(layer.table.rows[row][column], color=stroke)
                text.setPos(*layer.prepared.label_xy[row])
                text.setVisible(True)
            else:
                text.setVisible(False)

    def set_z(self, z: float) -> None:
        super().set_z(z)
        for text in self._labels:
            text.setZValue(z + 5)


def polygon_shapely_count(layer: VectorFileLayer) -> int:
    """Vertices in the layer (for benches and the attribute table's header)."""
    return int(shapely.get_num_coordinates(layer.table.geometries).sum())

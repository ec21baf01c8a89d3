"""Draws the vector basemap as one cached picture (`BasemapPicture`): land, province
and rivers through their LOD quadtrees (`LodTheme`: visible nodes at about a pixel of
detail), the small themes as one path per style group, plus place labels
shown only when the zoom makes them legible (towns hidden at national scale).
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QFont, QPainter, QPainterPath, QPen, QPolygonF

from layers._draw.cached_paths import CachedPathsItem, CachedPicture, StyledPath
from layers._draw.label_sprites import LabelsItem, LabelSprites
from layers._draw.qt_style import NO_BRUSH, NO_PEN, brush, pen, qcolor
from layers.basemap_vector.layer import (
    HistoricProvinceLayer,
    VectorBasemapLayer,
    VectorGroup,
    VectorStyle,
)
from layers.map_theme import LIGHT, MapTheme
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


def _label_items(
    add_item, labels, text_of, theme: MapTheme = LIGHT
) -> dict[str, tuple[LabelsItem, list]]:
    """One sprite-drawn labels item per label kind (its font and colour on `theme`), with
    the kind's labels as (x, y, text); hidden until `_show_labels` says the zoom fits."""
    items: dict[str, tuple[LabelsItem, list]] = {}
    halo = qcolor(theme.label_halo) if theme.label_halo else None
    for label in labels:
        if label.kind not in items:
            color, size, bold, italic = LABEL_STYLE.get(label.kind, LABEL_STYLE["town"])
            color = theme.label_ink.get(label.kind, color)
            font = QFont()
            font.setPointSize(size)
            font.setBold(bold)
            font.setItalic(italic)
            sprites = LabelSprites(font, ink=color, halo=halo)
            item = add_item(LabelsItem(sprites, (0.0, 0.0), centred=True))
            items[label.kind] = (item, [])
        marker = "⚓ " if label.kind == "port" else (
            "● " if label.kind in ("city", "town") else "")
        items[label.kind][1].append((label.x, label.y, marker + text_of(label)))
    return items


def _relabel(renderer: Renderer, items, labels, theme: MapTheme):
    """Replace a renderer's label items by ones drawn in `theme`'s colours."""
    for item, _texts in items.values():
        renderer.view.removeItem(item)
        renderer._items.remove(item)
    return _label_items(renderer.add_item, labels, renderer.layer.label_text, theme)


def _show_labels(items: dict[str, tuple[LabelsItem, list]], view: pg.ViewBox,
                 visible: bool) -> None:
    """Each kind's labels only where the zoom makes them legible."""
    (x0, x1), _ = view.viewRange()
    resolution = (x1 - x0) / max(1.0, view.width())
    for kind, (item, labels) in items.items():
        shown = visible and resolution <= LABEL_MAX_RESOLUTION.get(kind, 400.0)
        if shown != bool(item.texts()):
            item.set_labels(labels if shown else [])


class LodTheme:
    """One LOD-drawn theme (land, province, rivers): the quadtree nodes in a rectangle at
    about a pixel of detail. Fills without antialiasing (the outline drawn over them
    smooths the edge; AA fills of large areas were the main frame cost), 1 px strokes."""

    def __init__(self, root: LodNode, pen_: QPen, brush_: QBrush) -> None:
        self.root = root
        self.pen = pen_
        self.brush = brush_
        x0, y0, x1, y1 = root.bounds
        self.rect = QRectF(x0, y0, x1 - x0, y1 - y0)
        self._paths: dict[tuple[int, int], tuple[QPainterPath, QPainterPath]] = {}
        self.last_vertices = 0  # drawn in the last full render (tests, bench figure)

    def draw(self, painter: QPainter, area: QRectF) -> None:
        """Draw the nodes inside `area` (scene units) at the painter's scale."""
        upp = 1.0 / max(1e-12, abs(painter.transform().m11()))
        nodes = select_nodes(self.root, (area.left(), area.top(), area.right(), area.bottom()),
                             upp)
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
        if not painter.hasClipping():  # a strip (CachedPicture._scroll) is not the picture
            self.last_vertices = vertices
        antialias = painter.testRenderHint(QPainter.RenderHint.Antialiasing)
        if self.brush.style() != Qt.BrushStyle.NoBrush:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.setPen(NO_PEN)
            painter.setBrush(self.brush)
            for fill, _stroke in paths:
                painter.drawPath(fill)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, antialias)
        painter.setPen(self.pen)
        painter.setBrush(NO_BRUSH)
        for _fill, stroke in paths:
            painter.drawPath(stroke)


class BasemapPicture(CachedPicture):
    """The whole basemap as one cached picture (CachedPicture: the last picture moved
    while the view moves, rendered afresh when it settles): the LOD themes in their
    order, then the small themes' paths."""

    def __init__(self, themes: list[LodTheme], rest: list[StyledPath]) -> None:
        super().__init__()
        self.themes = themes
        self.rest = rest
        bounds = QRectF()
        for theme in themes:
            bounds = bounds.united(theme.rect)
        for shape in rest:
            bounds = bounds.united(shape.path.boundingRect())
        self._bounds = bounds

    def _draw(self, painter: QPainter) -> None:
        device = painter.device()
        ratio = device.devicePixelRatioF()
        inverse, _ok = painter.transform().inverted()
        drawn = QRectF(0, 0, device.width() / ratio, device.height() / ratio)
        if painter.hasClipping():  # a strip that came into view (CachedPicture._scroll)
            clip = painter.transform().mapRect(painter.clipBoundingRect())  # -> device
            drawn = clip.intersected(drawn)
        area = inverse.mapRect(drawn)
        for theme in self.themes:
            theme.draw(painter, area)
        for shape in self.rest:
            painter.setPen(shape.pen)
            painter.setBrush(shape.brush)
            painter.drawPath(shape.path)


class BasemapRenderer(Renderer):
    """Land, province and rivers through their quadtrees; the rest as cached paths."""

    layer: VectorBasemapLayer

    def __init__(self, layer: VectorBasemapLayer, view: pg.ViewBox) -> None:
        super().__init__(layer, view)
        self._groups: list[tuple[VectorGroup, StyledPath]] = []
        self.lod_items: dict[str, LodTheme] = {}
        rest: list[StyledPath] = []
        for group in layer.data.groups:
            if group.kind in ("province_historic", "land_overview"):
                continue  # HistoricProvinceLayer / the overview inset draw these
            shape = StyledPath(_path(group), self._stroke(group), self._fill(group))
            tree = layer.data.lod.get(group.kind)
            if tree is not None:
                self.lod_items[group.kind] = LodTheme(tree, shape.pen, shape.brush)
            else:
                rest.append(shape)
            self._groups.append((group, shape))
        self._paths = self.add_item(BasemapPicture(list(self.lod_items.values()), rest))
        self._label_source = [lb for lb in layer.data.labels if lb.kind != "province_historic"]
        self._labels = _label_items(self.add_item, self._label_source, layer.label_text)
        self.view_changed()

    def _style(self, group: VectorGroup) -> VectorStyle:
        return self.theme.basemap.get(group.kind, group.style)

    def _stroke(self, group: VectorGroup) -> QPen:
        style = self._style(group)
        return pen(style.stroke, style.width, style.dashed) if style.stroke else NO_PEN

    def _fill(self, group) -> QBrush:
        fill = self._style(group).fill if group.polygons and self.layer.fills else None
        return brush(fill) if fill else NO_BRUSH

    def update(self) -> None:
        """Fills on or off (off while a tile basemap draws beneath), colours of the theme."""
        for group, shape in self._groups:
            shape.pen, shape.brush = self._stroke(group), self._fill(group)
            theme = self.lod_items.get(group.kind)
            if theme is not None:
                theme.pen, theme.brush = shape.pen, shape.brush
        self._paths.restyle()

    def set_theme(self, theme: MapTheme) -> None:
        """Land, water, lines and labels in the theme's colours (the dark map)."""
        super().set_theme(theme)
        self.update()
        self._labels = _relabel(self, self._labels, self._label_source, theme)
        self.set_z(self._z)
        self.view_changed()

    def view_changed(self) -> None:
        _show_labels(self._labels, self.view, self.layer.visible)

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
        self._shapes = self.add_item(CachedPathsItem(shapes))
        self._label_source = layer.labels
        self._labels = _label_items(self.add_item, layer.labels, layer.label_text)
        self.view_changed()

    def set_theme(self, theme: MapTheme) -> None:
        super().set_theme(theme)
        group = self.layer.group
        if group is not None and self._shapes.shapes:
            style = theme.basemap.get(group.kind, group.style)
            self._shapes.shapes[0].pen = pen(style.stroke, style.width, True)
            self._shapes.restyle()
        self._labels = _relabel(self, self._labels, self._label_source, theme)
        self.set_z(self._z)
        self.view_changed()

    def view_changed(self) -> None:
        _show_labels(self._labels, self.view, self.layer.visible)

    def set_visible(self, visible: bool) -> None:
        super().set_visible(visible)
        self.view_changed()

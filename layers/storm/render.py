"""Draws the storm layer: the areas (danger zone, cone, wind circle), the track lines and
the positions (fixed-size symbols, the centre as the storm glyph) as one cached picture,
rebuilt only when a bulletin arrives (every few hours) and stacked with the other static
layers (picture_stack); times beside the forecast positions as labels over it.

Why the symbols are in the picture: two pyqtgraph scatter items for a dozen symbols cost
~0.4 ms of every frame (their per-paint bookkeeping) for marks that change with a
bulletin, every few hours."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF
from PySide6.QtGui import QBrush, QFont, QPainter, QPainterPath, QPen

from console.timefmt import local
from layers._draw.cached_paths import CachedPathsItem, StyledPath, polygon_path
from layers._draw.label_sprites import LabelsItem, LabelSprites
from layers._draw.qt_style import NO_BRUSH, brush, pen
from layers.render_base import Renderer
from layers.storm.layer import (
    CONE_FILL,
    CONE_LINE,
    DANGER_FILL,
    DANGER_LINE,
    TRACK_FORECAST,
    TRACK_OBSERVED,
    WIND_FILL,
    WIND_LINE,
    StormLayer,
)

# Beaufort level -> fill, as the national centre colours a track: depression, storm,
# severe storm, typhoon, super typhoon
LEVEL_COLOURS = ((7, "#fdd835"), (9, "#fb8c00"), (11, "#e53935"), (15, "#8e24aa"))


def _level_colour(level: int) -> str:
    for top, colour in LEVEL_COLOURS:
        if level <= top:
            return colour
    return LEVEL_COLOURS[-1][1]



def _line_path(xy: np.ndarray) -> QPainterPath:
    path = QPainterPath()
    if len(xy):
        path.moveTo(QPointF(*xy[0]))
        for x, y in xy[1:]:
            path.lineTo(QPointF(x, y))
    return path


def _storm_glyph() -> QPainterPath:
    """The tropical-cyclone sign: a ring with two opposite hooked arms (unit size)."""
    path = QPainterPath()
    path.addEllipse(QPointF(0, 0), 0.22, 0.22)
    path.moveTo(0.0, -0.22)
    path.cubicTo(0.35, -0.5, 0.5, -0.25, 0.5, -0.5)
    path.moveTo(0.0, 0.22)
    path.cubicTo(-0.35, 0.5, -0.5, 0.25, -0.5, 0.5)
    return path


def _circle() -> QPainterPath:
    path = QPainterPath()
    path.addEllipse(QPointF(0, 0), 0.5, 0.5)
    return path


CIRCLE = _circle()
GLYPH = _storm_glyph()


@dataclass
class Mark:
    """A symbol of `size` screen pixels at a map position (unit `shape`, cosmetic pen)."""

    x: float
    y: float
    size: float
    shape: QPainterPath
    pen: QPen
    brush: QBrush


class StormPicture(CachedPathsItem):
    """The storm's areas and track lines, then its position symbols at a fixed pixel
    size, as one cached picture."""

    def __init__(self, shapes: list[StyledPath], marks: list[Mark]) -> None:
        super().__init__(shapes)
        self.marks = marks

    def _draw(self, painter: QPainter) -> None:
        super()._draw(painter)
        to_device = painter.transform()
        for mark in self.marks:
            at = to_device.map(QPointF(mark.x, mark.y))
            painter.save()
            painter.resetTransform()
            painter.translate(at)
            painter.scale(mark.size, mark.size)
            painter.setPen(mark.pen)
            painter.setBrush(mark.brush)
            painter.drawPath(mark.shape)
            painter.restore()


class StormRenderer(Renderer):
    layer: StormLayer

    def __init__(self, layer: StormLayer, view: pg.ViewBox) -> None:
        super().__init__(layer, view)
        self._areas: StormPicture | None = None
        font = QFont()
        font.setPointSizeF(8.5)
        self.labels = self.add_item(LabelsItem(LabelSprites(font, ink="#4e2600"), (9.0, 4.0)))
        self.update()

    def update(self) -> None:
        if self._areas is not None:
            self.view.removeItem(self._areas)
            self._items.remove(self._areas)
            self._areas = None
        layer, s = self.layer, self.layer.shapes
        if s is None or layer.bulletin is None:
            self.labels.set_labels([])
            return
        shapes = []
        if s.danger_box is not None:
            # a solid, heavy outline over a faint fill: never mistaken for the dashed
            # fishing boundary, and the map under it stays readable (no hatching)
            shapes.append(StyledPath(polygon_path(s.danger_box), pen(DANGER_LINE, 3.0),
                                     brush(DANGER_FILL)))
        if s.cone is not None:
            shapes.append(StyledPath(polygon_path(s.cone), pen(CONE_LINE, 1.0),
                                     brush(CONE_FILL)))
        shapes.append(StyledPath(polygon_path(s.wind_circle), pen(WIND_LINE, 1.0),
                                 brush(WIND_FILL)))
        shapes.append(StyledPath(_line_path(s.observed), pen(TRACK_OBSERVED, 2.0), NO_BRUSH))
        shapes.append(StyledPath(_line_path(s.forecast),
                                 pen(TRACK_FORECAST, 2.0, dashed=True), NO_BRUSH))
        b = layer.bulletin
        marks = [Mark(float(x), float(y), 7, CIRCLE, pen("#263238", 1.0),
                      brush(_level_colour(p.wind_level)))
                 for (x, y), p in zip(s.observed[:-1], b.observed[:-1], strict=True)]
        marks += [Mark(float(x), float(y), 9, CIRCLE, pen(_level_colour(p.wind_level), 2.5),
                       brush("#ffffff"))
                  for (x, y), p in zip(s.forecast[1:], b.forecast, strict=True)]
        cx, cy = s.observed[-1]
        marks.append(Mark(float(cx), float(cy), 30, GLYPH, pen("#b71c1c", 2.0),
                          brush(_level_colour(b.centre.wind_level))))
        self._areas = self.add_item(StormPicture(shapes, marks))
        self.set_z(self._z)

        labels = [(float(x), float(y),
                   f"{local(p.t).strftime('%Hh %d/%m')} · {self.layer.level_text(p)}")
                  for (x, y), p in zip(s.forecast[1:], b.forecast, strict=True)]
        labels.append((float(cx), float(cy), layer.name_text()))
        self.labels.set_labels(labels)

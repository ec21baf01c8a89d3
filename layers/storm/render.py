"""Draws the storm layer: the areas (danger zone, cone, wind circle) and the track lines
as one cached picture, rebuilt only when a bulletin arrives (every few hours); positions
as a few fixed-size symbols, the centre as the storm glyph; times beside the forecast
positions."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF
from PySide6.QtGui import QFont, QPainterPath

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


class StormRenderer(Renderer):
    layer: StormLayer

    def __init__(self, layer: StormLayer, view: pg.ViewBox) -> None:
        super().__init__(layer, view)
        self._areas: CachedPathsItem | None = None
        self.points = self.add_item(pg.ScatterPlotItem(pxMode=True))
        self.centre = self.add_item(pg.ScatterPlotItem(pxMode=True))
        for symbols in (self.points, self.centre):  # drawn over the areas (picture_stack)
            symbols.floats_over_pictures = True
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
            self.points.setData([])
            self.centre.setData([])
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
        self._areas = self.add_item(CachedPathsItem(shapes))
        self.set_z(self._z)

        b = layer.bulletin
        observed = [
            {"pos": tuple(xy), "size": 7, "brush": pg.mkBrush(_level_colour(p.wind_level)),
             "pen": pg.mkPen("#263238", width=1)}
            for xy, p in zip(s.observed[:-1], b.observed[:-1], strict=True)
        ]
        forecast = [
            {"pos": tuple(xy), "size": 9, "brush": pg.mkBrush("#ffffff"),
             "pen": pg.mkPen(_level_colour(p.wind_level), width=2.5)}
            for xy, p in zip(s.forecast[1:], b.forecast, strict=True)
        ]
        self.points.setData(observed + forecast)
        colour = _level_colour(b.centre.wind_level)
        self.centre.setData([{"pos": tuple(s.observed[-1]), "size": 30, "symbol": _storm_glyph(),
                              "brush": pg.mkBrush(colour), "pen": pg.mkPen("#b71c1c", width=2)}])
        labels = [(float(x), float(y),
                   f"{local(p.t).strftime('%Hh %d/%m')} · {self.layer.level_text(p)}")
                  for (x, y), p in zip(s.forecast[1:], b.forecast, strict=True)]
        cx, cy = s.observed[-1]
        labels.append((float(cx), float(cy), layer.name_text()))
        self.labels.set_labels(labels)

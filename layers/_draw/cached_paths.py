"""Static vector shapes (basemap land, rivers, zones) drawn from a device-sized cache.

Why: the canvas repaints several times a second while live data arrives, and
antialiased fills and outlines of a coastline with thousands of vertices cost ~4 ms of
every such frame although nothing about them changed. This item renders its paths once
per view transform into a transparent pixmap the size of the device and blits that
(one `drawPixmap`) for as long as the transform stays. While the view moves (a new
transform every paint) it draws directly, as an uncached item would: filling a cache
nobody reuses would make every pan frame dearer.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QPainter, QPainterPath, QPen, QPixmap


@dataclass
class StyledPath:
    path: QPainterPath
    pen: QPen
    brush: QBrush


class CachedPathsItem(pg.GraphicsObject):
    def __init__(self, shapes: list[StyledPath]) -> None:
        super().__init__()
        self.shapes = shapes
        bounds = QRectF()
        for shape in shapes:
            bounds = bounds.united(shape.path.boundingRect())
        self._bounds = bounds
        self._cache: QPixmap | None = None
        self._cache_key: tuple | None = None
        self._seen_key: tuple | None = None  # the transform of the last uncached paint

    def boundingRect(self) -> QRectF:
        return self._bounds

    def restyle(self) -> None:
        """The pens or brushes of `shapes` changed: draw them afresh."""
        self._cache_key = None
        self.update()

    def paint(self, p: QPainter, *_args: object) -> None:
        device = p.device()
        ratio = device.devicePixelRatioF()
        width, height = round(device.width() * ratio), round(device.height() * ratio)
        if width <= 0 or height <= 0:
            return
        t = p.transform()
        antialias = p.testRenderHint(QPainter.RenderHint.Antialiasing)
        key = (t.m11(), t.m12(), t.m21(), t.m22(), t.dx(), t.dy(), width, height, ratio, antialias)
        if key != self._cache_key or self._cache is None:
            if key != self._seen_key:  # the view is moving: draw as an uncached item would
                self._seen_key = key
                self._draw(p)
                return
            self._render(key, t, width, height, ratio, antialias)  # it stopped: cache it
        p.save()
        p.resetTransform()
        p.drawPixmap(0, 0, self._cache)
        p.restore()

    def _draw(self, painter: QPainter) -> None:
        for shape in self.shapes:
            painter.setPen(shape.pen)
            painter.setBrush(shape.brush)
            painter.drawPath(shape.path)

    def _render(
        self, key: tuple, transform, width: int, height: int, ratio: float, antialias: bool
    ) -> None:
        if self._cache is None or self._cache.size().toTuple() != (width, height):
            self._cache = QPixmap(width, height)
        self._cache.setDevicePixelRatio(ratio)
        self._cache.fill(Qt.GlobalColor.transparent)
        painter = QPainter(self._cache)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, antialias)
        painter.setTransform(transform)
        self._draw(painter)
        painter.end()
        self._cache_key = key

"""PointsItem: every point of a layer, all style classes, in one graphics item.

Why not one ScatterPlotItem per class: the live picture has about 35 of them (station,
camera and incident classes) and each costs ~0.3 ms of Python per frame for bounds and
masks even when it holds three points — 10 ms a frame, the larger part of a live frame
outside the fleet. Here each class's symbol is rendered once into an atlas and a frame
is one vectorised cull + one `drawPixmapFragments` call, as for the fleet.
GUI thread only (QPixmap, paint).
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from pyqtgraph.graphicsItems.ScatterPlotItem import renderSymbol
from pyqtgraph.Qt import internals
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPixmap

from layers._draw.bounds import finite_bounds
from layers._draw.qt_style import brush, pen
from layers.base import PointStyle


class PointsItem(pg.GraphicsObject):
    def __init__(self, styles: list[PointStyle]) -> None:
        super().__init__()
        self._x = self._y = np.empty(0)
        self._cls = np.empty(0, dtype=np.int64)
        self._frags = internals.PrimitiveArray(QPainter.PixmapFragment, 10)
        self._bounds = QRectF()
        self.set_styles(styles)

    def set_styles(self, styles: list[PointStyle]) -> None:
        """(Re)build the symbol atlas, e.g. for another map theme; same classes."""
        self._cells = [
            QPixmap.fromImage(
                renderSymbol(s.symbol, s.size, pen(s.outline, s.outline_width), brush(s.fill))
            )
            for s in styles
        ]
        self._cell = max((c.width() for c in self._cells), default=1)
        self.atlas = QPixmap(self._cell * max(len(styles), 1), self._cell)
        self.atlas.fill(Qt.GlobalColor.transparent)
        painter = QPainter(self.atlas)
        for k, cell in enumerate(self._cells):
            offset = (self._cell - cell.width()) // 2
            painter.drawPixmap(k * self._cell + offset, offset, cell)
        painter.end()
        self._side = np.asarray([c.width() for c in self._cells], dtype=np.float64)
        # draw order: lower z first, then class order (ties): later points land on top
        order = sorted(range(len(styles)), key=lambda i: (styles[i].z, i))
        self._rank = np.empty(len(styles), dtype=np.int64)
        self._rank[order] = np.arange(len(styles))
        self._pad_px = float(self._cell)
        self.update()

    def set_points(self, x: np.ndarray, y: np.ndarray, classes: np.ndarray) -> None:
        """Points to draw (map coordinates) with their style class; NaN never drawn."""
        ok = np.isfinite(x) & np.isfinite(y) & (classes >= 0) & (classes < len(self._cells))
        x, y, cls = x[ok], y[ok], classes[ok].astype(np.int64)
        order = np.argsort(self._rank[cls], kind="stable")
        self._x, self._y, self._cls = x[order], y[order], cls[order]
        bounds = finite_bounds(x, y)
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = bounds
        self.update()

    def point_count(self) -> int:
        return len(self._x)

    def boundingRect(self) -> QRectF:
        # symbols have a pixel size: pad the data bounds by one symbol in map units
        px = self.pixelLength(pg.Point(1, 0)) if not self._bounds.isNull() else None
        pad = (px or 0.0) * self._pad_px
        if not math.isfinite(pad):
            pad = 0.0
        return self._bounds.adjusted(-pad, -pad, pad, pad)

    def paint(self, p: QPainter, *_args: object) -> None:
        if len(self._x) == 0:
            return
        t = p.transform()
        px = t.m11() * self._x + t.m21() * self._y + t.dx()
        py = t.m12() * self._x + t.m22() * self._y + t.dy()
        device = p.viewport()
        margin = self._cell
        vis = np.flatnonzero(
            (px >= -margin)
            & (px <= device.width() + margin)
            & (py >= -margin)
            & (py <= device.height() + margin)
        )
        if len(vis) == 0:
            return
        cls = self._cls[vis]
        side = self._side[cls]
        self._frags.resize(len(vis))
        f = self._frags.ndarray()
        f[:, 0] = px[vis]
        f[:, 1] = py[vis]
        f[:, 2] = cls * self._cell + (self._cell - side) // 2
        f[:, 3] = (self._cell - side) // 2
        f[:, 4] = side
        f[:, 5] = side
        f[:, 6:10] = (1.0, 1.0, 0.0, 1.0)
        p.save()
        p.resetTransform()
        p.drawPixmapFragments(*self._frags.drawargs(), self.atlas)
        p.restore()

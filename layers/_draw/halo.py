"""The selection halo: a ring of fixed screen size around the selected map object.

The operator must find at a glance what is selected among thousands of symbols, at any
zoom and on either theme: a thick dark ring under a bright one (one of the two contrasts
with any background and any symbol colour), drawn above the layer's symbols. It ignores
the view's scaling (Qt's ItemIgnoresTransformations), so its size is in pixels while its
position follows the map."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsItem

from layers._draw.qt_style import NO_BRUSH, pen

HALO_RADIUS_PX = 15.0
HALO_OUTER = "#101010"
HALO_INNER = "#00e5ff"  # cyan: used by no symbol class, so it reads as "selected"


class HaloItem(pg.GraphicsObject):
    def __init__(self) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self._outer = pen(HALO_OUTER, 6.0)
        self._inner = pen(HALO_INNER, 3.0)
        self.position: tuple[float, float] | None = None

    def place(self, position: tuple[float, float] | None) -> None:
        """Put the ring at `position` (map units), or draw none (None). The item keeps
        the layer's visibility (a hidden layer shows no halo); it only paints nothing."""
        if position == self.position:
            return
        self.position = position
        if position is not None:
            self.setPos(QPointF(*position))
        self.update()

    def boundingRect(self) -> QRectF:
        r = HALO_RADIUS_PX + 5.0
        return QRectF(-r, -r, 2 * r, 2 * r)

    def paint(self, p: QPainter, *_args: object) -> None:
        if self.position is None:
            return
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setBrush(NO_BRUSH)
        centre = QPointF(0.0, 0.0)
        p.setPen(self._outer)
        p.drawEllipse(centre, HALO_RADIUS_PX, HALO_RADIUS_PX)
        p.setPen(self._inner)
        p.drawEllipse(centre, HALO_RADIUS_PX, HALO_RADIUS_PX)

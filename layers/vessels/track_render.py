"""Selected track: one curve, tick dots, and a handful of time labels."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QColor, QFont

from layers._draw.qt_style import brush, pen
from layers.render_base import Renderer
from layers.vessels.track import TrackLayer


class TrackRenderer(Renderer):
    layer: TrackLayer

    def __init__(self, layer: TrackLayer, view: pg.ViewBox) -> None:
        super().__init__(layer, view)
        self._curve = self.add_item(pg.PlotCurveItem(pen=pen(layer.color, 2.5), antialias=True))
        self._ticks = self.add_item(
            pg.ScatterPlotItem(
                size=7, symbol="o", pen=pen("#ffffff", 1.5), brush=brush(layer.color), pxMode=True
            )
        )
        self._labels: list[pg.TextItem] = []
        self._font = QFont()
        self._font.setPointSize(8)
        self._font.setBold(True)

    def update(self) -> None:
        layer = self.layer
        self._curve.setData(layer.x, layer.y)
        tx, ty, labels = layer.ticks()
        self._ticks.setData(tx, ty)
        for item in self._labels:
            self.view.removeItem(item)
            self._items.remove(item)
        self._labels = []
        for x, y, text in zip(tx.tolist(), ty.tolist(), labels, strict=True):
            item = pg.TextItem(text, color=QColor("#4a1a00"), fill=pg.mkBrush(255, 255, 255, 200))
            item.setFont(self._font)
            item.setAnchor((-0.15, 1.1))
            item.setPos(x, y)
            self._labels.append(self.add_item(item))
        self.set_z(self._z)

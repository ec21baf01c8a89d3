"""Stations: the shared point renderer plus value labels ('7.30 m ↑') next to level
gauges that are above normal, and next to every gauge once zoomed in."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QColor, QFont

from layers._draw.points import PointRenderer
from layers.stations.layer import (
    BD1,
    BD2,
    BD3,
    RESERVOIR_HIGH,
    StationLayer,
)

ALWAYS_LABELLED = {BD1, BD2, BD3, RESERVOIR_HIGH}
ZOOM_LABELS_PX_PER_KM = 15.0
MAX_LABELS = 120


class StationRenderer(PointRenderer):
    layer: StationLayer

    def __init__(self, layer: StationLayer, view: pg.ViewBox) -> None:
        self._labels: list[pg.TextItem] = []
        super().__init__(layer, view)
        self._font = QFont()
        self._font.setPointSize(8)
        self._font.setBold(True)

    def view_changed(self) -> None:
        self._update_labels()

    def update(self) -> None:
        super().update()
        self._update_labels()

    def _update_labels(self) -> None:
        layer = self.layer
        for item in self._labels:
            self.view.removeItem(item)
            self._items.remove(item)
        self._labels = []
        if not layer.visible:
            return
        (x0, x1), (y0, y1) = self.view.viewRange()
        zoomed = self.view.width() / max(x1 - x0, 1e-9) * 1000.0 >= ZOOM_LABELS_PX_PER_KM
        xs, ys = layer.coords()
        for row, s in enumerate(layer.store.records()):
            if len(self._labels) >= MAX_LABELS:
                break
            x, y = float(xs[row]), float(ys[row])
            if not (x0 <= x <= x1 and y0 <= y <= y1):
                continue
            cls = layer.classify(s)
            if cls not in ALWAYS_LABELLED and not zoomed:
                continue
            text = layer.value_label(s)
            if not text:
                continue
            item = pg.TextItem(text, color=QColor("#102030"), fill=pg.mkBrush(255, 255, 255, 210))
            item.setFont(self._font)
            item.setAnchor((-0.12, 0.5))
            item.setPos(x, y)
            self._labels.append(self.add_item(item))
        self.set_z(self._z)

"""Stations: the shared point renderer plus value labels ('7.30 m ↑') next to level
gauges that are above normal, and next to every gauge once zoomed in."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor, QFont

from layers._draw.label_place import LabelPlacer
from layers._draw.label_sprites import LabelsItem, LabelSprites
from layers._draw.points import PointRenderer
from layers.stations.layer import (
    BD1,
    BD2,
    BD3,
    RESERVOIR_HIGH,
    SEVERITY,
    StationLayer,
)

ALWAYS_LABELLED = {BD1, BD2, BD3, RESERVOIR_HIGH}
ZOOM_LABELS_PX_PER_KM = 15.0
MAX_LABELS = 120


class StationRenderer(PointRenderer):
    layer: StationLayer

    def __init__(self, layer: StationLayer, view: pg.ViewBox) -> None:
        self._classes = np.empty(0, dtype=np.int8)
        self._order: list[int] = []
        super().__init__(layer, view)

    def _create_overlay_items(self) -> None:
        font = QFont()
        font.setPointSize(8)
        font.setBold(True)
        self.labels = self.add_item(
            LabelsItem(LabelSprites(font, box=QColor(255, 255, 255, 210)), offset=(8.0, 4.0))
        )

    def view_changed(self) -> None:
        self._update_labels()

    def update(self) -> None:
        super().update()
        self._rank_labels()
        self._update_labels()

    def _rank_labels(self) -> None:
        """Classes and the label order, computed once per data update (not per pan):
        the most severe first, so declutter keeps the labels that matter."""
        classes = self._last[2] if self._last is not None else np.empty(0, dtype=np.int8)
        severity = np.array([SEVERITY[int(c)] for c in range(int(classes.max(initial=0)) + 1)])
        rank = severity[classes.astype(np.int64)] if len(classes) else classes
        self._classes = classes
        self._order = np.argsort(-rank, kind="stable").tolist() if len(classes) else []

    def _update_labels(self) -> None:
        layer = self.layer
        shown: list[tuple[float, float, str]] = []
        if layer.visible:
            (x0, x1), (y0, y1) = self.view.viewRange()
            px_per_unit = self.view.width() / max(x1 - x0, 1e-9)
            py_per_unit = self.view.height() / max(y1 - y0, 1e-9)
            zoomed = px_per_unit * 1000.0 >= ZOOM_LABELS_PX_PER_KM
            xs, ys = layer.coords()
            placer = LabelPlacer()  # the most severe first: a label never covers another
            dx, dy = self.labels.offset
            records = layer.store.records()
            if len(self._classes) != len(records):
                self._rank_labels()
            for row in self._order:
                if len(shown) >= MAX_LABELS:
                    break
                s = records[row]
                x, y = float(xs[row]), float(ys[row])
                if not (x0 <= x <= x1 and y0 <= y <= y1):
                    continue
                if int(self._classes[row]) not in ALWAYS_LABELLED and not zoomed:
                    continue
                text = layer.value_label(s)
                if not text:
                    continue
                sx, sy = (x - x0) * px_per_unit + dx, (y1 - y) * py_per_unit + dy
                if placer.place(self.labels.sprites.extent(sx, sy, text)):
                    shown.append((x, y, text))
        self.labels.set_labels(shown)

    def set_visible(self, visible: bool) -> None:
        super().set_visible(visible)
        self._update_labels()  # a hidden layer shows no labels

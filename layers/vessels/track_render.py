"""Selected track: one curve, tick dots, and a handful of time labels."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QColor, QFont

from layers._draw.qt_style import brush, pen
from layers.render_base import Renderer
from layers.vessels.track import TrackLayer

LABEL_GAP_PX = 55.0


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
        self._show(layer.visible)
        self._labels: list[pg.TextItem] = []
        self.shown_labels: list[str] = []  # the label texts on screen (tests, exports)
        self._font = QFont()
        self._font.setPointSize(8)
        self._font.setBold(True)

    def update(self) -> None:
        layer = self.layer
        self._curve.setData(layer.x, layer.y)
        tx, ty, _times = layer.tick_times()
        self._ticks.setData(tx, ty)
        self._show(layer.visible)
        self._update_labels()

    def set_visible(self, visible: bool) -> None:
        super().set_visible(visible)
        self._show(visible)

    def _show(self, visible: bool) -> None:
        """No track selected: the curve and the dots are hidden, not drawn empty (an
        empty scatter item still cost ~0.2 ms of every map frame)."""
        has_track = len(self.layer.x) > 0
        self._curve.setVisible(visible and has_track)
        self._ticks.setVisible(visible and has_track)

    def view_changed(self) -> None:
        if len(self.layer.x):
            self._update_labels()

    def _update_labels(self) -> None:
        """Time labels, skipping any closer than LABEL_GAP_PX on screen to the last one
        shown (a vessel lying still would otherwise stack its labels)."""
        self.shown_labels = []
        tx, ty, times = self.layer.tick_times()
        (x0, x1), _ = self.view.viewRange()
        unit = (x1 - x0) / max(self.view.width(), 1.0)  # map units per pixel
        for item in self._labels:
            self.view.removeItem(item)
            self._items.remove(item)
        self._labels = []
        last: tuple[float, float] | None = None
        shown: list[tuple[float, float, float]] = []
        for x, y, t in zip(tx.tolist(), ty.tolist(), times, strict=True):
            if last is not None and ((x - last[0]) ** 2 + (y - last[1]) ** 2) ** 0.5 < (
                LABEL_GAP_PX * unit
            ):
                continue
            last = (x, y)
            shown.append((x, y, t))
        # dated by the labels shown: the first label of a new day carries its date even
        # when the midnight tick itself was skipped for lack of room
        texts = self.layer.label_ticks([t for _x, _y, t in shown])
        for (x, y, _t), text in zip(shown, texts, strict=True):
            item = pg.TextItem(text, color=QColor("#4a1a00"), fill=pg.mkBrush(255, 255, 255, 200))
            item.setFont(self._font)
            item.setAnchor((-0.15, 1.1))
            item.setPos(x, y)
            self._labels.append(self.add_item(item))
            self.shown_labels.append(text)
        self.set_z(self._z)

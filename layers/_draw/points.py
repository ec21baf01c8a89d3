"""PointRenderer: draws any PointLayer, one ScatterPlotItem per style class.

Uniform style per item lets pyqtgraph use one cached symbol for all its points,
which is far faster than per-point pens and brushes. Higher classes (more severe)
draw on top.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from layers._draw.qt_style import brush, pen
from layers.points import PointLayer
from layers.render_base import Renderer


class PointRenderer(Renderer):
    layer: PointLayer

    def __init__(self, layer: PointLayer, view: pg.ViewBox) -> None:
        super().__init__(layer, view)
        self._scatters: list[pg.ScatterPlotItem | None] = [None] * len(layer.styles)
        self._last_xy: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        self._create_extra_items()
        order = sorted(range(len(layer.styles)), key=lambda i: (layer.styles[i].z, i))
        for index in order:  # items added later draw on top
            style = layer.styles[index]
            item = pg.ScatterPlotItem(
                pxMode=True,
                symbol=style.symbol,
                size=style.size,
                pen=pen(style.outline, style.outline_width),
                brush=brush(style.fill),
                antialias=True,
            )
            self._scatters[index] = self.add_item(item)

    def _create_extra_items(self) -> None:
        """Hook for items drawn under the points (e.g. track tails)."""

    def update(self) -> None:
        x, y = self.layer.coords()
        classes = self.layer.classes() if len(x) else np.empty(0, dtype=np.int8)
        drawable = np.isfinite(x) & np.isfinite(y)
        last = self._last_xy
        for index, scatter in enumerate(self._scatters):
            mask = (classes == index) & drawable
            xs, ys = x[mask], y[mask]
            prev = last.get(index)
            # a freshness tick re-evaluates every live layer: skip unchanged classes
            if prev is not None and np.array_equal(prev[0], xs) and np.array_equal(prev[1], ys):
                continue
            last[index] = (xs, ys)
            scatter.setData(x=xs, y=ys)
            # empty classes are hidden: the scene then skips their (costly) bounds
            scatter.setVisible(self.layer.visible and len(xs) > 0)

    def set_visible(self, visible: bool) -> None:
        super().set_visible(visible)
        if visible:
            for scatter in self._scatters:
                scatter.setVisible(len(scatter.data) > 0)

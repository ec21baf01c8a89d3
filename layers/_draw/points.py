"""PointRenderer: draws any PointLayer — every class in one `PointsItem` (one symbol
atlas, one blit per frame). Higher classes (more severe) draw on top, as the styles'
`z` says."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from layers._draw.halo import HaloItem
from layers._draw.points_item import PointsItem
from layers.map_theme import MapTheme, themed
from layers.points import PointLayer
from layers.render_base import Renderer


class PointRenderer(Renderer):
    layer: PointLayer

    def __init__(self, layer: PointLayer, view: pg.ViewBox) -> None:
        super().__init__(layer, view)
        self._create_extra_items()
        self.points = self.add_item(PointsItem(list(layer.styles)))
        self._create_overlay_items()
        self.halo = self.add_item(HaloItem())  # last: above the symbols and labels
        self._last: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None

    def _create_overlay_items(self) -> None:
        """Hook for items drawn over the points (e.g. value labels), under the halo."""

    def highlight_changed(self) -> None:
        self.halo.place(self.layer.highlight_position())

    def set_theme(self, theme: MapTheme) -> None:
        """Symbols too dark for the dark map get a light edge (layers/map_theme.py)."""
        super().set_theme(theme)
        self.points.set_styles([themed(s, theme) for s in self.layer.styles])

    def _create_extra_items(self) -> None:
        """Hook for items drawn under the points (e.g. track tails)."""

    def update(self) -> None:
        self.halo.place(self.layer.highlight_position())  # the selected item may have moved
        x, y = self.layer.coords()
        classes = self.layer.classes() if len(x) else np.empty(0, dtype=np.int8)
        last = self._last
        # a freshness tick re-evaluates every live layer: skip when nothing moved
        if (
            last is not None
            and np.array_equal(last[0], x)
            and np.array_equal(last[1], y)
            and np.array_equal(last[2], classes)
        ):
            return
        self._last = (np.array(x), np.array(y), np.array(classes))
        self.points.set_points(np.asarray(x, float), np.asarray(y, float), np.asarray(classes))

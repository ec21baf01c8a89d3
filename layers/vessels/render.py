"""Vessels: points by VMS state over all track tails drawn as one curve."""

from __future__ import annotations

import pyqtgraph as pg

from layers._draw.points import PointRenderer
from layers._draw.qt_style import pen
from layers.vessels.layer import VesselLayer


class VesselRenderer(PointRenderer):
    layer: VesselLayer

    def _create_extra_items(self) -> None:
        # one curve for every tail, split by a `connect` array: one item per layer
        self._tails = self.add_item(
            pg.PlotCurveItem(
                pen=pen(self.layer.tail_color, 1.0), antialias=False, skipFiniteCheck=True
            )
        )

    def update(self) -> None:
        x, y, connect = self.layer.tails()
        self._tails.setData(x=x, y=y, connect=connect if len(x) else "all")
        super().update()

"""Value axis of the charts: tick labels in the UI language's number format (6,5 and
1.000 in Vietnamese), through console.bulletin like every other station number."""

from __future__ import annotations

import math

import pyqtgraph as pg

from console import bulletin


class NumberAxis(pg.AxisItem):
    """A left/right axis whose tick labels follow console.bulletin's number format. Same
    decimals as pyqtgraph's own labels (enough to tell neighbouring ticks apart)."""

    def __init__(self, orientation: str = "left", **kwargs: object) -> None:
        super().__init__(orientation, **kwargs)
        self.enableAutoSIPrefix(False)

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        step = spacing * scale
        places = max(0, math.ceil(-math.log10(step))) if step > 0 else 0
        return [bulletin.number(v * scale, places) for v in values]

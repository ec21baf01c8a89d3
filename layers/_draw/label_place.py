"""Greedy label placement: a label is kept unless its screen rectangle overlaps one
already kept.

Why not one label per screen cell (what the station and vessel labels did): two labels
anchored on either side of a cell boundary both passed, and one was drawn over the other
("29,47 m ↑" printed across "28,10 m ↑"), so neither reading could be trusted. Callers
offer labels most important first, so a label that loses is always the less severe one.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF

BUCKET_PX = 64.0  # the index's cell: about one short label wide


class LabelPlacer:
    """Rectangles already placed on the screen (device pixels), bucketed on a grid so a
    new label is tested only against its neighbours."""

    def __init__(self, gap_px: float = 2.0) -> None:
        self.gap_px = gap_px  # kept labels stay this far apart
        self._buckets: dict[tuple[int, int], list[QRectF]] = {}

    def place(self, rect: QRectF) -> bool:
        """Keep `rect` if it overlaps no kept rectangle (grown by the gap); True if kept."""
        grown = rect.adjusted(-self.gap_px, -self.gap_px, self.gap_px, self.gap_px)
        cells = self._cells(grown)
        for cell in cells:
            for other in self._buckets.get(cell, ()):
                if grown.intersects(other):
                    return False
        for cell in cells:
            self._buckets.setdefault(cell, []).append(rect)
        return True

    @staticmethod
    def _cells(rect: QRectF) -> list[tuple[int, int]]:
        c0, c1 = math.floor(rect.left() / BUCKET_PX), math.floor(rect.right() / BUCKET_PX)
        r0, r1 = math.floor(rect.top() / BUCKET_PX), math.floor(rect.bottom() / BUCKET_PX)
        return [(c, r) for c in range(c0, c1 + 1) for r in range(r0, r1 + 1)]

"""PointLayer: the one general binding for every point-like live layer.

A subclass supplies coordinates, a style class per row, the styles, and how a row
is described in the inspector; this base does hit-testing, extent and legend.
"""

from __future__ import annotations

import numpy as np

from layers.base import Hit, LegendEntry, MapLayer, PointStyle, points_extent
from layers.hit_test import points_near


class PointLayer(MapLayer):
    live = True
    styles: tuple[PointStyle, ...] = ()

    def coords(self) -> tuple[np.ndarray, np.ndarray]:
        raise NotImplementedError

    def classes(self) -> np.ndarray:
        """Style index per row (int array, same length as coords)."""
        raise NotImplementedError

    def item_id(self, row: int) -> str:
        raise NotImplementedError

    def describe(self, row: int) -> tuple[str, list[tuple[str, str]]]:
        raise NotImplementedError

    def row_of(self, item_id: str) -> int | None:
        """The row of an item id, or None (subclasses over a store look it up there)."""
        store = getattr(self, "store", None)
        return store.row_of(item_id) if store is not None else None

    def highlight_position(self) -> tuple[float, float] | None:
        row = self.row_of(self.highlight) if self.highlight is not None else None
        if row is None:
            return None
        x, y = self.coords()
        if row >= len(x) or not (np.isfinite(x[row]) and np.isfinite(y[row])):
            return None
        return float(x[row]), float(y[row])

    def attribute_colours(self, row: int) -> dict[str, str]:
        """Colour swatches for some of `describe(row)`'s attributes (see Hit.colours)."""
        return {}

    def labels(self) -> list[str] | None:
        """Text labels per row, or None for no labels."""
        return None

    def has_data(self) -> bool:
        return len(self.coords()[0]) > 0

    def extent(self) -> tuple[float, float, float, float] | None:
        x, y = self.coords()
        return points_extent(x, y)

    def hit_test(self, x: float, y: float, tolerance: float) -> list[Hit]:
        xs, ys = self.coords()
        hits = []
        for row, distance in points_near(xs, ys, x, y, tolerance):
            title, attributes = self.describe(row)
            hits.append(
                Hit(
                    self.layer_id, self.item_id(row), distance, title, attributes,
                    self.attribute_colours(row),
                )
            )
        return hits

    def legend(self) -> list[LegendEntry]:
        return [LegendEntry(style.label, style=style) for style in self.styles]

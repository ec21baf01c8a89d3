"""A vector layer loaded from a user's file (GeoJSON, GeoPackage table, Shapefile).

`prepare_vector(path)` (worker thread) reads and reprojects every table and builds
the level-of-detail tree; `VectorFileLayer` (GUI thread) holds the result, its style
and selection, and answers identify: polygons that contain the click, lines and
points within the pixel tolerance.

Signals (from MapLayer): `changed()` on style, selection or title change.
- `data_replaced()`: the rows and geometries were replaced (a remote layer's refresh,
  layers/feature_service); views holding row numbers (attribute table) start over.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely
from PySide6.QtCore import QCoreApplication, Signal

from console.geo.vector_io import VectorTable, read_vector
from layers.base import Hit, LegendEntry, MapLayer, PointStyle
from layers.vector_file.lod import LodNode, build_lod
from layers.vector_file.style import VectorLayerStyle

_tr = QCoreApplication.translate
_ids = itertools.count(1)
MAX_HIT_ATTRIBUTES = 40


@dataclass
class PreparedVector:
    table: VectorTable
    lod: LodNode | None
    tree: shapely.STRtree
    label_xy: np.ndarray  # (n, 2) label anchor per feature


def prepare_table(table: VectorTable) -> PreparedVector:
    """Build the drawing and query structures of one table (worker thread)."""
    geoms = table.geometries
    lod = None if table.kind == "point" else build_lod(geoms)
    anchors = shapely.get_coordinates(shapely.point_on_surface(geoms))
    return PreparedVector(table, lod, shapely.STRtree(geoms), anchors)


def prepare_vector(path: Path) -> list[PreparedVector]:
    """Read `path` and prepare every table. Blocking: worker thread only (the job runner's
    threads are Python threads, which pyproj needs: console/live/runner.py)."""
    return [prepare_table(t) for t in read_vector(Path(path))]


class VectorFileLayer(MapLayer):
    """Binding of one prepared table to a style. GUI thread."""

    data_replaced = Signal()

    def __init__(self, prepared: PreparedVector, layer_id: str | None = None) -> None:
        super().__init__(layer_id or f"file-{next(_ids)}", prepared.table.title)
        self.style = VectorLayerStyle()
        self.selected: set[int] = set()
        self._bind(prepared)

    def _bind(self, prepared: PreparedVector) -> None:
        """Take `prepared` as the layer's data (at creation, and on each replacement)."""
        table = prepared.table
        self.prepared = prepared
        self.table = table
        self.kind = table.kind
        types = shapely.get_type_id(table.geometries)
        self._is_polygon = np.isin(types, (3, 6))
        points = table.geometries[np.isin(types, (0, 4))]
        coords, index = shapely.get_coordinates(points, return_index=True)
        self.point_rows = np.flatnonzero(np.isin(types, (0, 4)))[index]
        self.point_xy = coords

    # --- style and selection --------------------------------------------------------------

    def set_style(self, style: VectorLayerStyle) -> None:
        if style != self.style:
            self.style = style
            self.changed.emit()

    def set_title(self, title: str) -> None:
        if title and title != self.title:
            self.title = title
            self.changed.emit()

    def set_selection(self, rows: set[int]) -> None:
        if rows != self.selected:
            self.selected = set(rows)
            self.changed.emit()

    # --- geometry queries -----------------------------------------------------------------

    def extent(self) -> tuple[float, float, float, float] | None:
        return self.table.extent()

    def feature_extent(self, rows: set[int] | list[int]) -> tuple[float, float, float, float]:
        xmin, ymin, xmax, ymax = shapely.total_bounds(self.table.geometries[sorted(rows)])
        return float(xmin), float(ymin), float(xmax), float(ymax)

    def hit_rows(self, x: float, y: float, tolerance: float) -> list[tuple[int, float]]:
        """(row, distance) of features under the click: polygons containing it, other
        features within `tolerance`; nearest first."""
        point = shapely.Point(x, y)
        rows = self.prepared.tree.query(point, predicate="dwithin", distance=tolerance)
        geoms = self.table.geometries
        hits = []
        for row in rows:
            dist = float(shapely.distance(geoms[row], point))
            if self._is_polygon[row] and dist > 0:
                continue  # polygons: the click must be inside
            hits.append((int(row), dist))
        hits.sort(key=lambda h: (h[1], h[0]))
        return hits

    def hit_test(self, x: float, y: float, tolerance: float) -> list[Hit]:
        result = []
        for row, dist in self.hit_rows(x, y, tolerance)[:10]:
            values = self.table.rows[row]
            attrs = list(zip(self.table.columns, values, strict=True))[:MAX_HIT_ATTRIBUTES]
            title = self.feature_title(row)
            result.append(Hit(self.layer_id, f"row:{row}", dist, title, attrs))
        return result

    def feature_title(self, row: int) -> str:
        field = self.style.label_field
        if field in self.table.columns:
            value = self.table.rows[row][self.table.columns.index(field)]
            if value:
                return f"{self.title}: {value}"
        return (
            _tr("VectorFileLayer", "%1: feature %2")
            .replace("%1", self.title)
            .replace("%2", str(row + 1))
        )

    def legend(self) -> list[LegendEntry]:
        s = self.style
        if self.kind == "point":
            return [
                LegendEntry(
                    self.table.title, style=PointStyle("", s.symbol, s.size, s.fill, s.stroke)
                )
            ]
        if self.kind == "line":
            return [LegendEntry(self.table.title, line_color=s.stroke)]
        return [LegendEntry(self.table.title, fill_color=s.fill, line_color=s.stroke)]

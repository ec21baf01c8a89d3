"""A map layer whose features come from an OGC API – Features collection.

The same binding as a file layer (`VectorFileLayer`: style, labels, selection, identify,
attribute table, legend), with data that is replaced on every refresh: the view moved
out of what was fetched, the refresh interval passed, or the time cursor moved. Who
fetches is the layer's controller (widgets/sources/feature_service.py); this class only
holds what arrived and says so.

Signals (besides VectorFileLayer's):
- `data_replaced()` (inherited): new rows and geometries; the renderer rebuilds its
  items, the attribute table starts over.
"""

from __future__ import annotations

import numpy as np

from console.geo.vector_io import VectorTable
from console.sources.ogc_features import CollectionInfo
from layers.vector_file.layer import PreparedVector, VectorFileLayer, prepare_table

Extent = tuple[float, float, float, float]


def empty_prepared(info: CollectionInfo) -> PreparedVector:
    """An empty table for a collection (a view with nothing of it inside)."""
    table = VectorTable(
        source=info.ref.url, table=None, source_crs="EPSG:3857",
        geometries=np.empty(0, dtype=object), columns=[], rows=[], name=info.title,
    )
    return prepare_table(table)


class FeatureServiceLayer(VectorFileLayer):
    """One collection on the map. GUI thread."""

    def __init__(
        self,
        info: CollectionInfo,
        prepared: PreparedVector,
        fetched: Extent | None,
        layer_id: str | None = None,
        refresh_s: float | None = None,
    ) -> None:
        super().__init__(prepared, layer_id or None)
        self.info = info
        self.fetched = fetched  # map-CRS box the data covers (None: the whole collection)
        self.refresh_s = refresh_s  # periodic refresh (None: only when the view moves)
        self.generation = 0  # bumped per replacement: the renderer rebuilds once per bump
        self._kind_known = len(prepared.table.geometries) > 0
        if not self._kind_known:
            self.kind = "polygon"

    @property
    def url(self) -> str:
        """The collection's URL (what `--layer`, the workspace and settings name)."""
        return self.info.ref.url

    def replace_data(self, prepared: PreparedVector, fetched: Extent | None) -> None:
        """Take a refresh's data. The geometry family stays the one first seen, so an
        empty view does not turn a point layer's legend into a polygon's."""
        kind = self.kind
        self._bind(prepared)
        if len(prepared.table.geometries):
            self._kind_known = True
        else:
            self.kind = kind
        self.fetched = fetched
        self.selected = set()
        self.generation += 1
        self.data_replaced.emit()
        self.changed.emit()

    def covers(self, extent: Extent) -> bool:
        """Whether the fetched data covers `extent` (so a refresh would add nothing)."""
        if self.fetched is None:
            return True
        fx0, fy0, fx1, fy1 = self.fetched
        x0, y0, x1, y1 = extent
        return fx0 <= x0 and fy0 <= y0 and fx1 >= x1 and fy1 >= y1

    def extent(self) -> Extent | None:
        if len(self.table.geometries):
            return self.table.extent()
        return None

    def feature_count(self) -> int:
        return len(self.table.geometries)

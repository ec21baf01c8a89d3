"""Where the sea is, for the simulator: a land mask built from the shipped basemap.

Why a raster and not the polygons: the simulator produces hundreds of thousands of
fixes per simulated day and is the ingest bench's bottleneck; a point-in-polygon test
per fix would dominate it. Instead, land is avoided *by construction*: each voyage is
checked once, when it is planned (its offshore legs and the disc its fishing wanders
in), against this mask, and the fixes in between are interpolations that cannot leave
a checked region. The mask is conservative (a cell is land if any land polygon touches
it), so "sea" here is sea in the polygons too.

`landmask.npz` is written by ``python -m resources.basemap.build`` from the same GSHHG
land as resources/basemap/land.geojson; the backend reads only this file, so it stays a
standalone service.
"""

from __future__ import annotations

import math
from functools import cache
from pathlib import Path

import numpy as np

MASK_FILE = Path(__file__).with_name("landmask.npz")
KM_PER_DEG_LAT = 110.574


class LandMask:
    """Boolean land raster over (lon0, lat0, lon1, lat1); row 0 is the southernmost."""

    def __init__(self, land: np.ndarray, bounds: tuple[float, float, float, float], cell: float):
        self.land = land
        self.lon0, self.lat0, self.lon1, self.lat1 = bounds
        self.cell = cell
        self._grown: dict[int, np.ndarray] = {0: land}

    @classmethod
    def load(cls, path: Path = MASK_FILE) -> LandMask:
        with np.load(path) as doc:
            ny, nx = (int(v) for v in doc["shape"])
            land = np.unpackbits(doc["bits"])[: ny * nx].astype(bool).reshape(ny, nx)
            bounds = tuple(float(v) for v in doc["bounds"])
            return cls(land, bounds, float(doc["cell"]))  # type: ignore[arg-type]

    def grown(self, cells: int) -> np.ndarray:
        """Land grown by ``cells`` in every direction (a square: covers the disc)."""
        found = self._grown.get(cells)
        if found is None:
            found = _grow(_grow(self.land, cells, axis=0), cells, axis=1)
            self._grown[cells] = found
        return found

    def is_land(self, lon, lat, grow: int = 0) -> np.ndarray:
        """Vectorised: True where the (grown) mask has land. Outside the raster is sea
        (the raster covers every coast the fleet can reach)."""
        lon = np.asarray(lon, dtype=np.float64)
        lat = np.asarray(lat, dtype=np.float64)
        ny, nx = self.land.shape
        # the raster is closed on every side: a point on its east or north edge is in
        # the last cell (astype truncates, so test the coordinates, not the indexes)
        inside = (lon >= self.lon0) & (lon <= self.lon1) & (lat >= self.lat0) & (lat <= self.lat1)
        col = np.minimum(((lon - self.lon0) / self.cell).astype(np.int64), nx - 1)
        row = np.minimum(((lat - self.lat0) / self.cell).astype(np.int64), ny - 1)
        out = np.zeros(np.shape(lon), dtype=bool)
        out[inside] = self.grown(grow)[row[inside], col[inside]]
        return out

    def point_is_land(self, lon: float, lat: float, grow: int = 0) -> bool:
        """Scalar `is_land` without numpy's per-call overhead (plan-time checks)."""
        if not (self.lon0 <= lon <= self.lon1 and self.lat0 <= lat <= self.lat1):
            return False
        ny, nx = self.land.shape
        col = min(int((lon - self.lon0) / self.cell), nx - 1)
        row = min(int((lat - self.lat0) / self.cell), ny - 1)
        return bool(self.grown(grow)[row, col])

    def cells_for_km(self, km: float, lat: float) -> int:
        """Cells to grow by so that every point within ``km`` is covered (both axes)."""
        deg = max(km / KM_PER_DEG_LAT, km / (111.320 * math.cos(math.radians(abs(lat) + 1.0))))
        return math.ceil(deg / self.cell) + 1

    def clear_disc(self, lon: float, lat: float, km: float) -> bool:
        """No land within ``km`` of the point (checked on the grown mask)."""
        return not self.point_is_land(lon, lat, self.cells_for_km(km, lat))

    def segment_at_sea(self, a: tuple[float, float], b: tuple[float, float]) -> bool:
        """Every point of the straight segment a-b is in a sea cell.

        Samples at most one cell apart are tested against the mask grown by one cell:
        any point of the segment lies within one cell of a sample, so in that sample's
        cell or a neighbour, all of which are sea.
        """
        span = max(abs(b[0] - a[0]), abs(b[1] - a[1]))
        n = max(2, math.ceil(span / self.cell) + 1)
        if not all(
            self.lon0 <= p[0] <= self.lon1 and self.lat0 <= p[1] <= self.lat1 for p in (a, b)
        ):
            t = np.linspace(0.0, 1.0, n)  # rare: an end outside the raster
            return not bool(
                self.is_land(a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]), grow=1).any()
            )
        # both ends inside the raster, so every sample is: index directly (this runs for
        # every voyage plan of every vessel at start-up; numpy call overhead dominates)
        t = np.arange(n) * (1.0 / (n - 1))
        ny, nx = self.land.shape
        col = np.minimum(((a[0] - self.lon0) + t * (b[0] - a[0])) * (1.0 / self.cell), nx - 1)
        row = np.minimum(((a[1] - self.lat0) + t * (b[1] - a[1])) * (1.0 / self.cell), ny - 1)
        return not self.grown(1)[row.astype(np.intp), col.astype(np.intp)].any()


def _grow(mask: np.ndarray, k: int, axis: int) -> np.ndarray:
    """Max filter of half-width k along one axis: OR of the mask shifted by every offset
    in [-k, k], built by doubling the covered window (log k boolean passes). Why not a
    running sum: on the 1200x1300 mask its int32 cumsum cost ~25 ms per axis at every
    start of the backend, against ~1 ms here, for the same cells."""
    if k <= 0:
        return mask
    m = np.moveaxis(mask, axis, 0)
    n = m.shape[0]
    out = np.zeros((n + 2 * k, *m.shape[1:]), dtype=bool)
    out[k : k + n] = m  # row i + k holds the mask's row i
    width = 1  # out[j] is the OR of rows j .. j + width - 1 (of the padded mask)
    while width < 2 * k + 1:
        step = min(width, 2 * k + 1 - width)
        out[:-step] |= out[step:]
        width += step
    return np.moveaxis(out[:n], 0, axis)  # row i: the OR of the mask's rows i-k .. i+k


@cache
def land_mask() -> LandMask:
    return LandMask.load()

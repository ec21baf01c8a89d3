"""XYZ tile math (Web Mercator, 'slippy map' numbering) and the on-disk tile cache.

Tiles are addressed (z, x, y) with y counted from the north, as XYZ servers do
(MBTiles stores rows from the south: see mbtiles.py). Map coordinates are EPSG:3857
metres. Pure functions plus `TileCache` (thread-safe: one file per tile, written
atomically) and `fetch_xyz` (blocking HTTP; call it on a worker thread only).
"""

from __future__ import annotations

import math
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import platformdirs

ORIGIN = 20037508.342789244  # half the Web Mercator world width, metres
USER_AGENT = "IOC-Console/0.1 (provincial operations centre; offline tile cache)"
MAX_ZOOM = 22


@dataclass(frozen=True, slots=True, order=True)
class TileId:
    z: int
    x: int
    y: int


def tile_size_m(z: int) -> float:
    return 2 * ORIGIN / (1 << z)


def tile_bounds(tile: TileId) -> tuple[float, float, float, float]:
    """(xmin, ymin, xmax, ymax) of a tile in map metres."""
    size = tile_size_m(tile.z)
    xmin = -ORIGIN + tile.x * size
    ymax = ORIGIN - tile.y * size
    return xmin, ymax - size, xmin + size, ymax


def zoom_for_resolution(units_per_pixel: float, tile_px: int = 256) -> int:
    """The tile zoom whose pixels are closest to (not coarser than ~1.4x) the view's."""
    if not math.isfinite(units_per_pixel) or units_per_pixel <= 0:
        return 0
    z = math.log2(2 * ORIGIN / (tile_px * units_per_pixel))
    return max(0, min(MAX_ZOOM, round(z)))


def tile_range(extent: tuple[float, float, float, float], z: int) -> tuple[int, int, int, int]:
    """Inclusive (x0, y0, x1, y1) of the tiles covering a map extent at zoom z."""
    size = tile_size_m(z)
    n = (1 << z) - 1
    xmin, ymin, xmax, ymax = extent

    def clamp(v: float) -> int:
        return max(0, min(n, math.floor(v)))

    return (
        clamp((xmin + ORIGIN) / size),
        clamp((ORIGIN - ymax) / size),
        clamp((xmax + ORIGIN) / size),
        clamp((ORIGIN - ymin) / size),
    )


def tiles_in_extent(extent: tuple[float, float, float, float], z: int) -> Iterator[TileId]:
    x0, y0, x1, y1 = tile_range(extent, z)
    for x in range(x0, x1 + 1):
        for y in range(y0, y1 + 1):
            yield TileId(z, x, y)


def count_tiles(extent: tuple[float, float, float, float], zmin: int, zmax: int) -> int:
    """How many tiles `prepare offline area` would fetch (shown before it starts)."""
    total = 0
    for z in range(zmin, zmax + 1):
        x0, y0, x1, y1 = tile_range(extent, z)
        total += (x1 - x0 + 1) * (y1 - y0 + 1)
    return total


def tile_url(template: str, tile: TileId) -> str:
    """Fill an XYZ template: {z} {x} {y}, optional {s} (subdomain 'a') and {-y} (TMS row)."""
    tms_y = (1 << tile.z) - 1 - tile.y
    return (
        template.replace("{z}", str(tile.z))
        .replace("{x}", str(tile.x))
        .replace("{-y}", str(tms_y))
        .replace("{y}", str(tile.y))
        .replace("{s}", "a")
    )


def default_cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir("ioc-console", "IOC")) / "tiles"


class TileCache:
    """One file per tile under `<root>/<source key>/z/x/y`; safe across threads and
    processes (writes go to a temporary file that is renamed into place)."""

    def __init__(self, root: Path, source_key: str) -> None:
        safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in source_key)[:120]
        self.root = root / safe

    def path(self, tile: TileId) -> Path:
        return self.root / str(tile.z) / str(tile.x) / f"{tile.y}.tile"

    def get(self, tile: TileId) -> bytes | None:
        try:
            return self.path(tile).read_bytes()
        except OSError:
            return None

    def put(self, tile: TileId, data: bytes) -> None:
        target = self.path(tile)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".part")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)


def fetch_xyz(session, template: str, tile: TileId, timeout_s: float = 10.0) -> bytes | None:
    """GET one tile (worker thread). None for 404/204 (no tile there); raises on other
    errors so the caller can show the layer as failing."""
    response = session.get(
        tile_url(template, tile), timeout=timeout_s, headers={"User-Agent": USER_AGENT}
    )
    if response.status_code in (204, 404):
        return None
    response.raise_for_status()
    return response.content

"""MBTiles files (SQLite): read tiles for the map, write them for offline areas.

MBTiles stores rows in TMS order (row 0 at the south); the map asks in XYZ order
(row 0 at the north): `tile_row = 2**z - 1 - y`. Readers open the file read-only and
one connection per thread (sqlite3 connections must not be shared across threads).

`download_area` fills a file from an XYZ server (worker thread): it skips tiles the
file already has (resume), stops when `cancelled()` says so, reports progress, and
refuses areas above a tile limit (public tile servers' usage policies forbid bulk
downloads).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import requests

from console.file_errors import FileLoadError, FileProblem
from console.geo.tiles import TileId, count_tiles, fetch_xyz, tiles_in_extent

DEFAULT_TILE_LIMIT = 20_000


class MBTilesError(FileLoadError):
    """The file is not a readable MBTiles database (message says why, for the log;
    `problem` what to tell the operator: console/file_errors.py)."""


def xyz_to_tms_row(z: int, y: int) -> int:
    return (1 << z) - 1 - y


class MBTilesReader:
    """Read-only access, safe to call from several worker threads."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._local = threading.local()
        if not self.path.is_file():
            raise MBTilesError(self.path.name, FileProblem.MISSING, "no such file")
        try:
            conn = self._conn()
            rows = conn.execute("SELECT name, value FROM metadata").fetchall()
            conn.execute("SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles LIMIT 1")
        except sqlite3.DatabaseError as exc:
            raise MBTilesError(
                self.path.name, FileProblem.NOT_MBTILES, f"not an MBTiles file ({exc})"
            ) from exc
        self.metadata: dict[str, str] = {str(k): str(v) for k, v in rows}

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            uri = f"file:{self.path.as_posix()}?mode=ro"
            conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
            self._local.conn = conn
        return conn

    @property
    def name(self) -> str:
        return self.metadata.get("name") or self.path.stem

    @property
    def attribution(self) -> str:
        return self.metadata.get("attribution", "")

    @property
    def zoom_range(self) -> tuple[int, int]:
        try:
            return int(self.metadata["minzoom"]), int(self.metadata["maxzoom"])
        except (KeyError, ValueError):
            row = self._conn().execute("SELECT MIN(zoom_level), MAX(zoom_level) FROM tiles")
            lo, hi = row.fetchone()
            return int(lo or 0), int(hi or 0)

    @property
    def bounds_lonlat(self) -> tuple[float, float, float, float] | None:
        try:
            west, south, east, north = (float(v) for v in self.metadata["bounds"].split(","))
        except (KeyError, ValueError):
            return None
        return west, south, east, north

    def tile(self, tile: TileId) -> bytes | None:
        row = (
            self._conn()
            .execute(
                "SELECT tile_data FROM tiles WHERE zoom_level=? AND tile_column=? AND tile_row=?",
                (tile.z, tile.x, xyz_to_tms_row(tile.z, tile.y)),
            )
            .fetchone()
        )
        return bytes(row[0]) if row else None


class MBTilesWriter:
    """Creates (or reopens, to resume) an MBTiles file. Use from one thread."""

    def __init__(self, path: Path, metadata: dict[str, str]) -> None:
        self.conn = sqlite3.connect(str(path))
        self.conn.executescript(
            "CREATE TABLE IF NOT EXISTS metadata (name TEXT PRIMARY KEY, value TEXT);"
            "CREATE TABLE IF NOT EXISTS tiles (zoom_level INTEGER, tile_column INTEGER,"
            " tile_row INTEGER, tile_data BLOB,"
            " PRIMARY KEY (zoom_level, tile_column, tile_row));"
        )
        self.conn.executemany(
            "INSERT OR REPLACE INTO metadata (name, value) VALUES (?, ?)", metadata.items()
        )
        self.conn.commit()

    def has(self, tile: TileId) -> bool:
        row = self.conn.execute(
            "SELECT 1 FROM tiles WHERE zoom_level=? AND tile_column=? AND tile_row=?",
            (tile.z, tile.x, xyz_to_tms_row(tile.z, tile.y)),
        ).fetchone()
        return row is not None

    def put(self, tile: TileId, data: bytes) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO tiles VALUES (?, ?, ?, ?)",
            (tile.z, tile.x, xyz_to_tms_row(tile.z, tile.y), sqlite3.Binary(data)),
        )

    def commit(self) -> None:
        self.conn.commit()

    def close(self) -> None:
        self.conn.commit()
        self.conn.close()


@dataclass(frozen=True, slots=True)
class DownloadResult:
    fetched: int
    skipped: int  # already in the file (resume)
    missing: int  # server had no tile
    total: int
    cancelled: bool


def download_area(
    template: str,
    target: Path,
    extent: tuple[float, float, float, float],
    zmin: int,
    zmax: int,
    *,
    bounds_lonlat: tuple[float, float, float, float],
    attribution: str = "",
    limit: int = DEFAULT_TILE_LIMIT,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    session: requests.Session | None = None,
) -> DownloadResult:
    """Fetch every tile of `extent` (map metres) for zoom zmin..zmax into `target`."""
    total = count_tiles(extent, zmin, zmax)
    if total > limit:
        raise ValueError(
            f"{total} tiles requested; the limit is {limit} to protect the tile server"
        )
    session = session or requests.Session()
    metadata = {
        "name": target.stem,
        "format": "png",
        "type": "baselayer",
        "version": "1.1",
        "minzoom": str(zmin),
        "maxzoom": str(zmax),
        "bounds": ",".join(f"{v:.6f}" for v in bounds_lonlat),
        "attribution": attribution,
    }
    writer = MBTilesWriter(target, metadata)
    fetched = skipped = missing = done = 0
    try:
        for z in range(zmin, zmax + 1):
            for tile in tiles_in_extent(extent, z):
                if cancelled():
                    return DownloadResult(fetched, skipped, missing, total, True)
                if writer.has(tile):
                    skipped += 1
                else:
                    data = fetch_xyz(session, template, tile)
                    if data is None:
                        missing += 1
                    else:
                        writer.put(tile, data)
                        fetched += 1
                done += 1
                if done % 50 == 0:
                    writer.commit()
                if progress is not None:
                    progress(done, total)
    finally:
        writer.close()
    return DownloadResult(fetched, skipped, missing, total, False)

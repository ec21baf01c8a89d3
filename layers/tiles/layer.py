"""Raster tile basemaps: an XYZ URL template (with an on-disk cache) or an MBTiles file.

A `TileSource` answers `fetch(tile) -> bytes | None`; it blocks (network, disk) and is
called only on the tile fetcher's worker threads. `TileLayer` is the map layer
(GUI thread): title, attribution shown on the map, and the source.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Protocol

import requests
from PySide6.QtCore import QCoreApplication

from console.geo.mbtiles import MBTilesReader
from console.geo.tiles import TileCache, TileId, default_cache_dir, fetch_xyz
from layers.base import LegendEntry, MapLayer

_tr = QCoreApplication.translate


class TileSource(Protocol):
    key: str
    attribution: str
    min_zoom: int
    max_zoom: int

    def fetch(self, tile: TileId) -> bytes | None: ...


class XyzSource:
    """Tiles from an XYZ server, through the user's tile cache. Thread-safe."""

    def __init__(
        self,
        template: str,
        attribution: str = "",
        max_zoom: int = 19,
        cache_root: Path | None = None,
    ) -> None:
        self.key = template
        self.template = template
        self.attribution = attribution
        self.min_zoom = 0
        self.max_zoom = max_zoom
        self.cache = TileCache(cache_root or default_cache_dir(), template)
        self._local = threading.local()

    def _session(self) -> requests.Session:
        session = getattr(self._local, "session", None)
        if session is None:
            session = requests.Session()
            self._local.session = session
        return session

    def fetch(self, tile: TileId) -> bytes | None:
        data = self.cache.get(tile)
        if data is None:
            data = fetch_xyz(self._session(), self.template, tile)
            if data is not None:
                self.cache.put(tile, data)
        return data


class MBTilesSource:
    """Tiles from an MBTiles file (read-only). Opening reads its metadata: call
    `MBTilesSource.open` on a worker thread."""

    def __init__(self, reader: MBTilesReader) -> None:
        self.reader = reader
        self.path = reader.path
        self.key = str(reader.path)
        self.attribution = reader.attribution
        self.min_zoom, self.max_zoom = reader.zoom_range

    @classmethod
    def open(cls, path: Path) -> MBTilesSource:
        return cls(MBTilesReader(Path(path)))

    def fetch(self, tile: TileId) -> bytes | None:
        return self.reader.tile(tile)


class TileLayer(MapLayer):
    """A raster basemap. Draws under the vector layers (the canvas keeps it at the bottom).

    Signals: `changed()` (from MapLayer) when the title or the source's error changed.
    """

    basemap = True

    def __init__(self, source: TileSource, title: str, layer_id: str) -> None:
        super().__init__(layer_id, title)
        self.source = source
        self.attribution = source.attribution
        self.last_error: str | None = None

    def set_title(self, title: str) -> None:
        if title and title != self.title:
            self.title = title
            self.changed.emit()

    def set_error(self, message: str | None) -> None:
        """The source's latest failure (None: tiles arrive again); shown in the legend."""
        if message != self.last_error:
            self.last_error = message
            self.changed.emit()

    def legend(self) -> list[LegendEntry]:
        if self.last_error:
            return [
                LegendEntry(_tr("TileLayer", "Tiles failing: %1").replace("%1", self.last_error))
            ]
        if self.attribution:
            return [LegendEntry(self.attribution)]
        return []

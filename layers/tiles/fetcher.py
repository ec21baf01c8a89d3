"""Loads tiles on worker threads without request storms.

The renderer tells the fetcher which tiles the view needs now (`want`), nearest the
centre first. At most `max_in_flight` loads run at once; tiles that left the view
before their turn are never requested (that is the cancellation: a started HTTP
request runs to its end, but nothing new starts for tiles no longer wanted).
Decoding to QImage happens on the worker too.

Signals (delivered on the GUI thread):
- `tile_loaded(object, object)`: TileId, QImage (null image: no tile there).
- `tile_failed(object, str)`: TileId, error message.
"""

from __future__ import annotations

import contextlib
from collections import deque

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtGui import QImage

from console.geo.tiles import TileId
from layers.tiles.layer import TileSource


class _Relay(QObject):
    done = Signal(object, object, str)  # tile, QImage | None, error


class _Load(QRunnable):
    def __init__(self, relay: _Relay, source: TileSource, tile: TileId) -> None:
        super().__init__()
        self._relay, self._source, self._tile = relay, source, tile

    def run(self) -> None:  # worker thread
        image, error = None, ""
        try:
            data = self._source.fetch(self._tile)
            image = QImage.fromData(data) if data else QImage()
            if data and image.isNull():
                error = "not an image"
        except Exception as exc:  # shown on the layer, never lost
            error = str(exc) or type(exc).__name__
        with contextlib.suppress(RuntimeError):
            self._relay.done.emit(self._tile, image, error)


class TileFetcher(QObject):
    tile_loaded = Signal(object, object)
    tile_failed = Signal(object, str)

    def __init__(self, source: TileSource, max_in_flight: int = 4, parent=None) -> None:
        super().__init__(parent)
        self.source = source
        self.max_in_flight = max_in_flight
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_in_flight)
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_done)
        self._queue: deque[TileId] = deque()
        self._in_flight: set[TileId] = set()
        self._closed = False
        self.started_count = 0

    def want(self, tiles: list[TileId]) -> None:
        """Replace the queue with `tiles` (GUI thread). Unstarted, unwanted ones are dropped."""
        self._queue = deque(t for t in tiles if t not in self._in_flight)
        self._pump()

    def idle(self) -> bool:
        return not self._queue and not self._in_flight

    def _pump(self) -> None:
        while not self._closed and self._queue and len(self._in_flight) < self.max_in_flight:
            tile = self._queue.popleft()
            self._in_flight.add(tile)
            self.started_count += 1
            self._pool.start(_Load(self._relay, self.source, tile))

    def _on_done(self, tile: TileId, image: QImage | None, error: str) -> None:
        self._in_flight.discard(tile)
        if self._closed:
            return
        if error:
            self.tile_failed.emit(tile, error)
        else:
            self.tile_loaded.emit(tile, image)
        self._pump()

    def close(self, wait_ms: int = 3000) -> None:
        self._closed = True
        self._queue.clear()
        self._pool.clear()
        self._pool.waitForDone(wait_ms)

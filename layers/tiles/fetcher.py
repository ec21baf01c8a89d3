"""Loads tiles on worker threads without request storms.

The renderer tells the fetcher which tiles the view needs now (`want`), nearest the
centre first. At most `max_in_flight` loads run at once; tiles that left the view
before their turn are never requested (that is the cancellation: a started HTTP
request runs to its end, but nothing new starts for tiles no longer wanted).
Decoding to QImage happens on the worker too.

The loads run on the console's one background mechanism, `console.live.runner.JobRunner`
(Python threads: a source may use pyproj or thread-local sessions, which QThreadPool's
threads break), with a pool of its own so a slow tile server never queues ahead of the
live feeds. Results come back on the GUI thread through the runner's queued relay.

Signals (delivered on the GUI thread):
- `tile_loaded(object, object)`: TileId, QImage (null image: no tile there).
- `tile_failed(object, str)`: TileId, error message.
"""

from __future__ import annotations

from collections import deque
from functools import partial

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from console.geo.tiles import TileId
from console.live.runner import JobRunner
from layers.tiles.layer import TileSource


def load_tile(source: TileSource, tile: TileId) -> QImage:
    """Fetch and decode one tile (worker thread). A null image: the source has none."""
    data = source.fetch(tile)
    if not data:
        return QImage()
    image = QImage.fromData(data)
    if image.isNull():
        raise ValueError("not an image")
    return image


class TileFetcher(QObject):
    tile_loaded = Signal(object, object)
    tile_failed = Signal(object, str)

    def __init__(
        self,
        source: TileSource,
        max_in_flight: int = 4,
        parent: QObject | None = None,
        synchronous: bool = False,
    ) -> None:
        super().__init__(parent)
        self.source = source
        self.max_in_flight = max_in_flight
        self._runner = JobRunner(max_threads=max_in_flight, synchronous=synchronous, parent=self)
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
            self._runner.submit(
                f"tile/{tile.z}/{tile.x}/{tile.y}",
                partial(load_tile, self.source, tile),
                partial(self._on_loaded, tile),
                partial(self._on_failed, tile),
            )

    def _on_loaded(self, tile: TileId, image: QImage) -> None:
        self._in_flight.discard(tile)
        self.tile_loaded.emit(tile, image)
        self._pump()

    def _on_failed(self, tile: TileId, error: Exception) -> None:
        self._in_flight.discard(tile)
        self.tile_failed.emit(tile, str(error) or type(error).__name__)  # shown on the layer
        self._pump()

    def close(self, wait_ms: int = 3000) -> None:
        """Drop queued loads and wait (bounded) for running ones; no signals after this."""
        self._closed = True
        self._queue.clear()
        self._runner.shutdown(wait_ms)

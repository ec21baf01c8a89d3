"""The tile fetcher on the console's job runner: Python worker threads, bounded loads,
unwanted tiles never requested, failures reported, nothing after close."""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication

from console.geo.tiles import TileId
from layers.tiles.fetcher import TileFetcher
from tests.map.data import png_tile

PNG = png_tile((10, 200, 10))


class GatedSource:
    """A tile source whose loads wait on a gate, recording threads and concurrency."""

    key = attribution = "test"
    min_zoom, max_zoom = 0, 19

    def __init__(self, data: dict[TileId, bytes | Exception | None]) -> None:
        self.data = data
        self.gate = threading.Event()
        self.lock = threading.Lock()
        self.fetched: list[TileId] = []
        self.threads: set[threading.Thread] = set()
        self.running = self.most_running = 0

    def fetch(self, tile: TileId) -> bytes | None:
        with self.lock:
            self.fetched.append(tile)
            self.threads.add(threading.current_thread())
            self.running += 1
            self.most_running = max(self.most_running, self.running)
        self.gate.wait(5)
        with self.lock:
            self.running -= 1
        value = self.data.get(tile, PNG)
        if isinstance(value, Exception):
            raise value
        return value


def tiles(n: int, z: int = 9) -> list[TileId]:
    return [TileId(z, x, 200) for x in range(n)]


def test_loads_run_on_python_threads_at_most_max_in_flight(qtbot) -> None:
    source = GatedSource({})
    fetcher = TileFetcher(source, max_in_flight=2)
    loaded = []
    fetcher.tile_loaded.connect(lambda tile, image: loaded.append((tile, image.width())))
    fetcher.want(tiles(6))
    qtbot.waitUntil(lambda: source.running == 2, timeout=5000)
    source.gate.set()
    qtbot.waitUntil(fetcher.idle, timeout=5000)
    assert sorted(loaded) == [(t, 256) for t in tiles(6)]
    assert source.most_running == 2
    # threads Python created (pyproj keeps per-thread state): not QThreadPool's
    assert source.threads and not any(isinstance(t, threading._DummyThread) for t in source.threads)
    fetcher.close()


def test_tiles_that_left_the_view_are_never_requested(qtbot) -> None:
    source = GatedSource({})
    fetcher = TileFetcher(source, max_in_flight=2)
    first = tiles(6)
    fetcher.want(first)
    qtbot.waitUntil(lambda: source.running == 2, timeout=5000)
    later = tiles(3, z=10)
    fetcher.want(later)  # the view moved on before tiles 3..6 had their turn
    source.gate.set()
    qtbot.waitUntil(fetcher.idle, timeout=5000)
    assert sorted(source.fetched) == sorted(first[:2] + later)
    assert fetcher.started_count == 5
    fetcher.close()


def test_failures_and_missing_tiles_are_reported(qtbot) -> None:
    a, b, c = tiles(3)
    source = GatedSource({a: OSError("HTTP 503"), b: b"<html>", c: None})
    source.gate.set()
    fetcher = TileFetcher(source, max_in_flight=4)
    failed, loaded = {}, {}
    fetcher.tile_failed.connect(failed.__setitem__)
    fetcher.tile_loaded.connect(loaded.__setitem__)
    fetcher.want([a, b, c])
    qtbot.waitUntil(fetcher.idle, timeout=5000)
    assert failed == {a: "HTTP 503", b: "not an image"}
    assert list(loaded) == [c] and loaded[c].isNull()
    fetcher.close()


def test_nothing_is_delivered_after_close(qtbot) -> None:
    source = GatedSource({})
    fetcher = TileFetcher(source, max_in_flight=2)
    delivered = []
    fetcher.tile_loaded.connect(lambda *args: delivered.append(args))
    fetcher.want(tiles(4))
    qtbot.waitUntil(lambda: source.running == 2, timeout=5000)
    source.gate.set()  # the running loads end; their results wait in the GUI event queue
    fetcher.close(wait_ms=5000)  # returns once the running loads have ended
    QCoreApplication.processEvents()  # what was queued would be delivered now
    assert delivered == [] and len(source.fetched) == 2

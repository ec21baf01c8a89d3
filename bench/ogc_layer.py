"""ogc_layer_open_s / ogc_view_refresh_s / ogc_stall_ms_max: a feature-server layer as the
operator sees it, against a real pygeoapi on loopback (tests/ogc_server.py, installed by
.ci/setup.d/50-pygeoapi.sh) serving the shipped land theme (694 polygons).

- open: Layer › Add (the loader's collection route) until the layer is on the map and
  drawn, for the province-and-fishing-grounds view;
- view refresh: a jump to another part of the sea (Trường Sa) until the new features are
  drawn (settle delay included: the operator waits for it too);
- stall: the GUI event loop's longest gap during all of that (worker threads fetch, page
  and prepare; the GUI thread only swaps the data in and draws).
Repeated REPEATS times on one window; medians printed.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

from bench.report import StallMeter, context, figure, machine_context, median

REPEATS = 3
TRUONG_SA = (113.5, 9.0, 115.5, 11.5)
HOME = (108.2, 12.0, 112.6, 15.8)


def _pump(qt, predicate, limit_s: float = 60.0) -> None:
    end = time.monotonic() + limit_s
    while not predicate():
        qt.processEvents()
        if time.monotonic() > end:
            raise SystemExit("bench timed out")
        time.sleep(0.001)  # yield the CPU between event-loop passes


def _extent(box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    from console.geo.crs import lonlat_to_map_scalar

    x0, y0 = lonlat_to_map_scalar(box[0], box[1])
    x1, y1 = lonlat_to_map_scalar(box[2], box[3])
    return x0, y0, x1, y1


def _one_round(qt, window, url: str) -> tuple[float, float, float, int]:
    """(open s, view refresh s, max stall ms, features after the refresh)."""
    loader = window.services.map_features.loader
    window.canvas.set_extent(_extent(HOME), padding=0)
    meter = StallMeter().start()
    added: list = []
    start = time.perf_counter()
    loader.add_path(url, done=added.extend)
    _pump(qt, lambda: bool(added))
    window.canvas.flush()
    qt.processEvents()
    opened = time.perf_counter() - start
    layer = added[0]
    controller = loader.controllers[layer.layer_id]
    start = time.perf_counter()
    window.canvas.set_extent(_extent(TRUONG_SA), padding=0)
    _pump(qt, lambda: controller.refreshes == 1)
    window.canvas.flush()
    qt.processEvents()
    refreshed = time.perf_counter() - start
    count = layer.feature_count()
    stall = meter.stop()
    window.layers.remove(layer)
    return opened, refreshed, stall, count


def run() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from console.app import ConsoleApp
    from console.settings import Settings
    from tests import ogc_server
    from widgets.main_window import MainWindow

    if not ogc_server.available():
        context("pygeoapi venv missing: run .ci/setup.d/50-pygeoapi.sh")
        return
    qt = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="ioc-pygeoapi-bench-"))
    server = ogc_server.start(folder)
    window = MainWindow(ConsoleApp(Settings(language="en")))
    window.resize(1600, 1000)
    window.show()
    try:
        _pump(qt, lambda: window.basemap_layer is not None)
        window.canvas.flush()
        warm = time.monotonic() + 0.5  # the basemap's first paints are not this bench's
        _pump(qt, lambda: time.monotonic() > warm)
        url = f"{server.url}/collections/land/items"
        rounds = [_one_round(qt, window, url) for _ in range(REPEATS)]
        context(f"workload: land theme, {server.counts['land']} polygons, pages of "
                f"{ogc_server.MAX_ITEMS}; the Truong Sa view drew {rounds[0][3]} features; "
                f"{REPEATS} rounds, medians")
        machine_context()
        figure("ogc_layer_open_s", median([r[0] for r in rounds]), "s")
        figure("ogc_view_refresh_s", median([r[1] for r in rounds]), "s")
        figure("ogc_stall_ms_max", max(r[2] for r in rounds), "ms")
    finally:
        window.close()
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)

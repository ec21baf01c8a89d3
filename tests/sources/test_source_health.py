"""Configured sources (the settings' `sources` list) with their health: a feature server
that goes down gets its own banner and a failing count in the status area, keeps its
last picture and comes back by itself; a dead source never stops the others."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from console.app import ConsoleApp
from console.settings import Settings
from console.sources.health import HealthState
from console.sources.http import HttpSettings
from console.sources.registry import SourceEntry, source_key
from layers.feature_service.layer import FeatureServiceLayer
from tests import ogc_server
from tests.conftest import show_window
from tests.externals import require_external
from widgets.main_window import MainWindow

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")
FAST = HttpSettings(connect_timeout_s=2.0, read_timeout_s=4.0, total_timeout_s=8.0,
                    get_retries=0)
KIND = "ogcapi-features"


def open_window(qtbot, sources) -> MainWindow:
    return show_window(qtbot, ConsoleApp(Settings(language="en", http=FAST,
                                                   sources=tuple(sources))))


def feature_layers(win) -> list[FeatureServiceLayer]:
    return [lyr for lyr in win.layers if isinstance(lyr, FeatureServiceLayer)]


def test_configured_sources_run_and_a_dead_one_stops_nothing(qtbot, pygeoapi):
    dead = f"http://127.0.0.1:{ogc_server.free_port()}/collections/land"
    good = f"{pygeoapi.url}/collections/places/items"
    win = open_window(qtbot, [
        SourceEntry(KIND, "Cadastre (down)", dead, interval_s=60),
        SourceEntry(KIND, "Places", good, interval_s=60),
        SourceEntry(KIND, "Disabled", f"{pygeoapi.url}/collections/rivers", enabled=False),
        SourceEntry(KIND, "A server, not a collection", pygeoapi.url),
    ])
    try:
        board = win.app.health
        dead_key = source_key(KIND, dead)
        qtbot.waitUntil(lambda: len(feature_layers(win)) == 1, timeout=30000)
        (layer,) = feature_layers(win)
        assert layer.title == "Places" and layer.refresh_s == 60
        qtbot.waitUntil(lambda: board.get(dead_key).state is HealthState.FAILING, timeout=20000)
        good_health = board.get(source_key(KIND, layer.url))
        assert good_health.state is HealthState.OK and good_health.name == "Places"
        assert {h.name for h in board.sources()} == {"Cadastre (down)", "Places"}
        # its own banner, naming it; the status area counts it
        banners = win.source_banners
        qtbot.waitUntil(lambda: dead_key in banners.labels, timeout=5000)
        assert banners.isVisible() and "Cadastre (down)" in banners.labels[dead_key].text()
        assert "Nothing has arrived from it yet" in banners.labels[dead_key].text()
        assert "1 failing" in win.status.sources.text()
        assert "Cadastre (down)" in win.status.sources.toolTip()
        # no message box for a configured source that retries by itself
        assert not [w for w in win.findChildren(object) if w.objectName() == "layerLoadError"]
        # removing the dead source from the settings stops it and its banner
        win.services.sources.apply([SourceEntry(KIND, "Places", good, interval_s=60)])
        assert board.get(dead_key) is None
        qtbot.waitUntil(lambda: not banners.labels, timeout=5000)
        assert feature_layers(win) == [layer]
    finally:
        win.close()


def test_a_server_that_goes_down_gets_a_banner_and_recovers(qtbot):
    require_external(ogc_server.available(), "pygeoapi", "run .ci/setup.d/50-pygeoapi.sh")
    folder = Path(tempfile.mkdtemp(prefix="ioc-pygeoapi-"))  # see conftest: not tmp_path
    server = ogc_server.start(folder)
    port = int(server.url.rsplit(":", 1)[1])
    url = f"{server.url}/collections/places"
    win = open_window(qtbot, [SourceEntry(KIND, "Places", url, interval_s=3600)])
    try:
        qtbot.waitUntil(lambda: len(feature_layers(win)) == 1, timeout=30000)
        (layer,) = feature_layers(win)
        count = layer.feature_count()
        key = source_key(KIND, layer.url)
        controller = win.services.map_features.loader.controllers[layer.layer_id]
        server.stop()
        controller.refresh()
        board, banners = win.app.health, win.source_banners
        qtbot.waitUntil(lambda: key in banners.labels, timeout=20000)
        health = board.get(key)
        assert health.state is HealthState.FAILING and health.error_count == 1
        assert "cannot connect" in health.last_error
        text = banners.labels[key].text()
        assert "Places" in text and "old" in text and "Retrying" in text
        assert layer.feature_count() == count  # the last picture stays
        server = ogc_server.start(folder, port=port)
        # retried by itself (backoff from 5 s): the banner goes, the data is fresh
        qtbot.waitUntil(lambda: board.get(key).state is HealthState.OK, timeout=30000)
        qtbot.waitUntil(lambda: not banners.labels, timeout=5000)
        assert not banners.isVisible()
        assert controller.refreshes >= 1 and layer.feature_count() > 0
    finally:
        win.close()
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)


def test_the_first_picture_waits_for_every_configured_source(qtbot, pygeoapi, live_backend):
    """A source on a hung server reports only when its read times out (8 s), well after
    the backend's first data: the picture waits for it, bounded by that timeout."""
    import socket

    from console.settings import PollIntervals

    hung = socket.socket()
    hung.bind(("127.0.0.1", 0))
    hung.listen(8)
    slow = f"http://127.0.0.1:{hung.getsockname()[1]}/collections/land"
    good = f"{pygeoapi.url}/collections/rivers"
    app = ConsoleApp(Settings(
        language="en", backend_url=live_backend.url, token=live_backend.token,
        http=HttpSettings(connect_timeout_s=2.0, read_timeout_s=8.0, total_timeout_s=10.0,
                          get_retries=0),
        poll=PollIntervals(vessels=1, stations=1, cameras=1, incidents=1),
        sources=(SourceEntry(KIND, "Hung", slow), SourceEntry(KIND, "Rivers", good)),
    ))
    win = MainWindow(app)
    qtbot.addWidget(win)
    win.show()
    try:
        assert len(app.health.waiting()) == 2
        with qtbot.waitSignal(win.picture_ready, timeout=60000):
            app.start()
        # by then every source has reported: the layer with data, the hung one failing
        assert app.health.waiting() == []
        assert [lyr.title for lyr in feature_layers(win)] == ["Rivers"]
        assert app.health.get(source_key(KIND, slow)).state is HealthState.FAILING
    finally:
        win.close()
        hung.close()

"""SensorThings and AIS run as configured sources too (the settings' `[[sources]]`),
with their health on the same board as every other source: a dead SensorThings service
is failing with its own banner, an AIS recording reports its targets, and its vessels
join the fleet — without either stopping the other."""

from __future__ import annotations

from pathlib import Path

from console.app import ConsoleApp
from console.settings import PollIntervals, Settings
from console.sources.health import HealthState
from console.sources.registry import SourceEntry, source_key
from tests import ogc_server
from tests.conftest import show_window

AIS_FILE = Path(__file__).resolve().parents[2] / "resources" / "ais" / "simulated-quy-nhon.nmea"


def test_sensorthings_and_ais_entries_run_with_their_health(qtbot, live_backend):
    dead_sta = f"http://127.0.0.1:{ogc_server.free_port()}/v1.1"
    ais_url = f"file://{AIS_FILE}?replay=fast"
    settings = Settings(backend_url=live_backend.url, token=live_backend.token, language="en",
                        poll=PollIntervals(vessels=5, stations=5, cameras=5, incidents=5),
                        sources=(SourceEntry("sensorthings", "Hydromet (down)", dead_sta),
                                 SourceEntry("ais", "Quy Nhơn AIS", ais_url)))
    win = show_window(qtbot, ConsoleApp(settings))
    app = win.app
    app.start()
    try:
        board = app.health
        sta_key, ais_key = source_key("sensorthings", dead_sta), source_key("ais", ais_url)
        qtbot.waitUntil(lambda: board.get(ais_key) is not None
                        and board.get(ais_key).state is HealthState.OK, timeout=30000)
        qtbot.waitUntil(lambda: board.get(sta_key) is not None
                        and board.get(sta_key).state is HealthState.FAILING, timeout=30000)
        assert board.get(ais_key).items and board.get(ais_key).items > 0
        assert any(v.id.startswith("ais:") for v in app.vessels.records())
        qtbot.waitUntil(lambda: sta_key in win.source_banners.labels, timeout=5000)
        assert "Hydromet (down)" in win.source_banners.labels[sta_key].text()
        assert ais_key not in win.source_banners.labels
    finally:
        win.close()

"""SensorThings stations in the running console: from django-ogc-sensorthings into the same
station store, rules and charts as the reference backend's; and a service that is down
or silent gives the source a clear error while the window keeps running."""

from __future__ import annotations

import os
import socket
import time
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from console.diagnostics import EventLoopStallMeter
from console.live.feeds import ConnectionState
from console.live.sta_source import start_sensorthings
from console.settings import PollIntervals
from console.sources.http import HttpSettings
from tests.conftest import open_live_window
from tests.sensorthings.django_sta import seed
from widgets.record_items import show_item

POLL = PollIntervals(vessels=5.0, stations=5.0, cameras=30.0, incidents=30.0)


def entry(name: str, url: str) -> dict:
    return {"kind": "sensorthings", "name": name, "url": url, "enabled": True,
            "interval_s": 60}


def test_stations_join_store_rules_and_charts(qtbot, live_backend, django_sta, tmp_path):
    win = open_live_window(qtbot, live_backend, POLL, size=(1600, 1000))
    app = win.app
    backend_stations = len(app.stations)
    with qtbot.waitSignal(app.rules.summaries_updated, timeout=30000):
        source = start_sensorthings(app, entry("django", django_sta.url))
    assert source is not None and source.is_ready
    ours = [s for s in app.stations.records() if s.id.startswith("sta:django:")]
    assert len(ours) == 3 and len(app.stations) == backend_stations + 3
    water = next(s for s in ours if s.name == "Thạnh Hòa (test)")
    assert water.latest_value == seed.water_level(seed.WATER_READINGS - 1) > 6.0
    assert source.status.ok and source.status.stations == 3
    assert len(source.status.skipped) == 1
    # the same rules as the backend's stations: above BĐ1, and 60 mm of rain in 24 h
    inbox = app.rules.inbox
    assert inbox.by_key(f"water:{water.id}") is not None
    rain = next(s for s in ours if s.kind == "rain")
    assert inbox.by_key(f"rain:{rain.id}") is not None
    assert app.rules.station_rules.summaries[rain.id].acc_24h == 60.0
    # the same station layer draws them
    assert win.model.stations.store is app.stations
    # its age is judged on the service's clock (real time), not on the demo backend's
    # simulated one, which runs ahead at 60x
    age = win.model.stations.age(water)
    assert age == pytest.approx(time.time() - water.latest_time, abs=5.0)

    # a chart of a SensorThings station loads its series from the source (dataArray pages)
    docks = win.services.chart_docks
    with qtbot.waitSignal(docks.opened, timeout=10000):
        win.services.open_station_chart(water.id)
    view = docks.find(water.id)[1]
    qtbot.waitUntil(lambda: water.id in view.loader.cache
                    and not view.loader.pending(water.id), timeout=30000)
    t, v = view.loader.cache.get(water.id, 0.0, django_sta.seeded_at + 3600)
    seeded_end = np.floor(django_sta.seeded_at / seed.STEP_S) * seed.STEP_S
    assert len(t) >= 100 and t[-1] == seeded_end
    assert v[-1] == seed.water_level(seed.WATER_READINGS - 1)
    assert view.view_range()[1] == pytest.approx(time.time(), abs=60.0)  # "now": real time

    # the picture an operator sees, kept for looking at
    x, y = water_xy(app, water.id)
    win.canvas.set_extent((x - 20_000, y - 14_000, x + 20_000, y + 14_000))
    win.model.select("stations", water.id)
    assert show_item(win.shell, "stations", water.id)  # as if clicked: the inspector
    qtbot.wait(300)  # a few frames of the canvas' frame clock
    target = Path(os.environ.get("IOC_STA_SCREENSHOT", tmp_path / "sta-console.png"))
    assert win.grab().save(str(target))
    win.close()


def water_xy(app, station_id: str) -> tuple[float, float]:
    row = app.stations.row_of(station_id)
    return float(app.stations.x[row]), float(app.stations.y[row])


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("kind", ["refused", "silent"])
def test_service_down_is_a_clear_error_and_nothing_freezes(qtbot, live_backend, kind):
    win = open_live_window(qtbot, live_backend, POLL)
    app = win.app
    silent = None
    if kind == "refused":
        url = f"http://127.0.0.1:{_closed_port()}/v1.1"
    else:  # accepts the connection, never answers: only our timeouts end the wait
        silent = socket.socket()
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/v1.1"
        app.settings = replace(app.settings, http=HttpSettings(
            connect_timeout_s=1.0, read_timeout_s=1.0, total_timeout_s=2.0, get_retries=0))
    before = len(app.stations)
    meter = EventLoopStallMeter(20)
    meter.start()
    try:
        # as the sources registry gives an entry: an object with attributes
        source = start_sensorthings(app, SimpleNamespace(**entry("down", url)))
        began = time.monotonic()
        qtbot.waitUntil(lambda: source.status.ok is False, timeout=30000)
        waited = time.monotonic() - began
    finally:
        worst = meter.stop()
        if silent is not None:
            silent.close()
    message = source.status.message
    expected = "cannot connect to http://127.0.0.1" if kind == "refused" else "timed out"
    assert message.startswith("down: observed properties: ") and expected in message
    assert worst < 500, f"the event loop stalled {worst:.0f} ms while the source failed"
    assert meter.ticks > waited * 1000 / 20 / 4  # it kept turning the whole time
    # the backend and its stations are untouched by this source's failure
    assert app.feeds.status.state == ConnectionState.CONNECTED
    assert len(app.stations) == before
    win.close()

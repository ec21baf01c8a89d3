"""Our SensorThings client (console/sources/sensorthings.py) against a server we did not
write: django-ogc-sensorthings, seeded as tests/sensorthings/django_sta/seed.py says."""

from __future__ import annotations

import math
import socket

import numpy as np
import pytest

from console.sources.errors import BackendUnreachable, NotFound
from console.sources.sensorthings import SensorThingsClient
from tests.sensorthings.django_sta import seed


def record_requests(client: SensorThingsClient) -> list[str]:
    """What the client asks for, in order: each walk's first URL, then its next links."""
    asked: list[str] = []
    get = client._get_json

    def recording(url, params, what):
        asked.append(what)
        return get(url, params, what)

    client._get_json = recording  # type: ignore[method-assign]
    return asked


def by_name(poll, name: str):
    return next(s for s in poll.stations if s.name == name)


@pytest.fixture(scope="module")
def polled(django_sta):
    # two entities a page and 100 readings a page: every walk goes over several pages
    client = SensorThingsClient(django_sta.url, "django", page_size=2, reading_page_size=100)
    asked = record_requests(client)
    poll = client.poll(now=django_sta.seeded_at)
    yield client, poll, list(asked)
    client.close()


def test_stations_arrive_with_kinds_units_and_latest_readings(polled, django_sta):
    client, poll, _asked = polled
    assert sorted(s.name for s in poll.stations) == [
        "Phù Cát (test rain gauge)", "Thạnh Hòa (test)", "Tuy Phước (test, cm)"]
    water = by_name(poll, "Thạnh Hòa (test)")
    assert water.id.startswith("sta:django:") and client.owns(water.id)
    assert (water.kind, water.unit, water.code, water.river) == ("water_level", "m",
                                                                 "TEST-THANHHOA", "Kôn")
    assert water.alarm_levels == (6.0, 7.0, 8.0)
    assert (water.lon, water.lat) == (109.10, 13.89)
    assert water.latest_value == seed.water_level(seed.WATER_READINGS - 1)
    end = math.floor(django_sta.seeded_at / seed.STEP_S) * seed.STEP_S
    assert water.latest_time == end
    cm = by_name(poll, "Tuy Phước (test, cm)")
    assert (cm.kind, cm.unit, cm.latest_value) == ("water_level", "m", pytest.approx(3.31))
    rain = by_name(poll, "Phù Cát (test rain gauge)")
    assert (rain.kind, rain.unit, rain.latest_value) == ("rain", "mm", 0.0)


def test_unknown_quantities_are_skipped_and_said(polled):
    _client, poll, _asked = polled
    assert len(poll.skipped) == 1
    assert "Quy Nhơn (test weather)" in poll.skipped[0]
    assert "Air temperature" in poll.skipped[0]


def test_rain_sums_and_level_trend(polled):
    _client, poll, _asked = polled
    sums = {s.station_id: s for s in poll.summaries}
    rain = sums[by_name(poll, "Phù Cát (test rain gauge)").id]
    assert rain.acc_24h == 60.0 and rain.acc_1h == 0.0
    water = sums[by_name(poll, "Thạnh Hòa (test)").id]
    n = seed.WATER_READINGS - 1
    assert water.change_1h == pytest.approx(seed.water_level(n) - seed.water_level(n - 6))


def test_paging_follows_next_links(polled):
    _client, poll, asked = polled
    # 4 ObservedProperties and 4 Things at 2 a page (this server also links to an empty
    # page after a full one), then the 224 readings of the last 24 h at 100 a page
    assert asked.count("observed properties") >= 2
    assert asked.count("stations") >= 2
    assert asked.count("readings") == 3
    assert poll.requests == len(asked)


def test_next_poll_reads_only_what_is_new(polled, django_sta):
    client, _poll, _asked = polled
    asked = record_requests(client)
    again = client.poll(now=django_sta.seeded_at)
    assert asked.count("readings") == 1  # one page, empty: nothing new
    assert by_name(again, "Thạnh Hòa (test)").latest_value == seed.water_level(
        seed.WATER_READINGS - 1)


def test_chart_series_as_data_array_over_several_pages(polled, django_sta):
    client, poll, _asked = polled
    water = by_name(poll, "Thạnh Hòa (test)")
    asked = record_requests(client)
    series = client.history(water.id, django_sta.seeded_at - 2 * 86400,
                            django_sta.seeded_at + 60)
    assert asked == ["series", "series"]  # 150 readings, 100 a page
    assert series.unit == "m"
    expected = [seed.water_level(i) for i in range(seed.WATER_READINGS)]
    assert np.allclose(series.value, expected)
    assert np.all(np.diff(series.t) == seed.STEP_S)
    cm = client.history(by_name(poll, "Tuy Phước (test, cm)").id,
                        django_sta.seeded_at - 86400, django_sta.seeded_at + 60)
    assert np.allclose(cm.value, [3.20 + i / 100 for i in range(12)])
    with pytest.raises(NotFound):
        client.history("sta:django:no-such", 0.0, 1.0)


def test_server_down_is_a_clear_error():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens here once the socket is closed
    client = SensorThingsClient(f"http://127.0.0.1:{port}/v1.1", "down")
    with pytest.raises(BackendUnreachable, match=r"down: observed properties: cannot connect to http://127.0.0.1"):
        client.poll()


def test_kind_map_reads_quantities_and_units_and_says_why_not():
    from console.sources.sta_kinds import KindMap, Mapped

    kinds = KindMap.load()
    level = {"name": "Mực nước", "definition": ""}
    assert kinds.classify(level, {"symbol": "cm"}) == Mapped("water_level", "m", 0.01)
    ucum_only = {"definition": "http://unitsofmeasure.org/ucum.html#mm"}
    assert kinds.classify({"name": "Rainfall"}, ucum_only) == Mapped("rain", "mm", 1.0)
    assert "unknown quantity 'Wind speed'" in kinds.classify({"name": "Wind speed"},
                                                           {"symbol": "m"})
    assert "unit 'kg' is not one of" in kinds.classify(level, {"symbol": "kg"})


def test_our_client_reads_our_server_in_full(live_backend):
    """Round trip: the backend's stations come back with kinds, alarm levels, reservoirs'
    normal levels and sources; without the token the service refuses, and says so."""
    from console.sources.errors import AuthError

    client = SensorThingsClient(f"{live_backend.url}/sta/v1.1", "demo",
                                token=live_backend.token)
    poll = client.poll()
    assert len(poll.stations) == 102 and not poll.skipped
    kinds = {s.kind for s in poll.stations}
    assert kinds == {"water_level", "reservoir", "rain"}
    thanh_hoa = next(s for s in poll.stations if s.code == "TV-THANHHOA")
    assert thanh_hoa.id == "sta:demo:TV-THANHHOA"
    assert thanh_hoa.alarm_levels == (6.0, 7.0, 8.0) and thanh_hoa.river == "Kôn"
    assert thanh_hoa.source.startswith("BĐ1-3 6.00/7.00/8.00 m")
    reservoir = next(s for s in poll.stations if s.kind == "reservoir")
    assert reservoir.normal_level is not None and reservoir.alarm_levels is None
    assert sum(s.latest_value is not None for s in poll.stations) >= 95
    refused = SensorThingsClient(f"{live_backend.url}/sta/v1.1", "anonymous")
    with pytest.raises(AuthError, match="anonymous: observed properties: access refused"):
        refused.poll()

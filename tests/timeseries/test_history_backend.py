"""Long history from the real backend on loopback: a year of 10-minute readings that
matches what the simulator stored, aggregates, window limits, and the console client."""

from __future__ import annotations

import numpy as np
import pytest
import requests

from console.sources.errors import Rejected
from console.sources.rest_v1 import RestClient

DAY = 86400.0


@pytest.fixture(scope="module")
def client(live_backend):
    c = RestClient(live_backend.url, live_backend.token)
    yield c
    c.close()


@pytest.fixture(scope="module")
def now(client) -> float:
    return client.health().server_time


def test_one_year_of_ten_minute_readings(client, now):
    series = client.history("TV-THANHHOA", now - 365 * DAY, now)
    assert len(series.t) >= 52_550
    assert np.all(np.diff(series.t) == 600.0)  # seamless across stored / generated history
    assert series.t[-1] <= now + 1 and series.t[0] >= now - 365 * DAY
    missing = np.isnan(series.value).mean()
    assert 0 < missing < 0.02
    stored = client.observations("TV-THANHHOA", now - 3 * DAY, now - DAY)
    idx = np.searchsorted(series.t, stored.t)
    np.testing.assert_array_equal(series.t[idx], stored.t)
    np.testing.assert_array_equal(series.value[idx], stored.value)


def test_generated_history_is_deterministic(client, now):
    a = client.history("RG-01", now - 200 * DAY, now - 190 * DAY)
    b = client.history("RG-01", now - 200 * DAY, now - 190 * DAY)
    np.testing.assert_array_equal(a.value, b.value)


def test_daily_rain_sums_match_the_readings(client, now):
    agg = client.aggregates("RG-05", now - 5 * DAY, now, "1d")
    assert agg.interval_s == 86400
    assert all((t + 7 * 3600) % 86400 == 0 for t in agg.t)  # Vietnam midnight
    day_start, day_end = agg.t[-2], agg.t[-2] + DAY
    raw = client.history("RG-05", day_start, day_end - 1)
    assert agg.sum[-2] == pytest.approx(float(np.nansum(raw.value)), abs=0.01)
    assert agg.count[-2] == int(np.isfinite(raw.value).sum())
    assert agg.max[-2] == pytest.approx(float(np.nanmax(raw.value)))


def test_windows_are_limited(client, now, live_backend):
    with pytest.raises(Rejected):
        client.history("RG-01", now - 500 * DAY, now)
    r = requests.get(
        f"{live_backend.url}/api/v1/stations/RG-01/aggregates",
        params={"interval": "1w"},
        headers={"Authorization": f"Bearer {live_backend.token}"},
        timeout=10,
    )
    assert r.status_code == 400
    r = requests.get(
        f"{live_backend.url}/api/v1/stations/NOPE/history",
        headers={"Authorization": f"Bearer {live_backend.token}"},
        timeout=10,
    )
    assert r.status_code == 404

"""Columnar history endpoints: vessel tracks and station observations."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import pytest

from console.sources import wire


def _iso(dt: datetime) -> str:
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ")


@pytest.fixture(scope="module")
def vessels(api, url) -> wire.VesselCollection:
    return wire.VesselCollection.model_validate(api.get(url("/api/v1/vessels")).json())


def test_track_is_columnar_and_ordered(api, url, vessels):
    vessel = next(f for f in vessels.features if f.properties.status == "at_sea")
    r = api.get(url(f"/api/v1/vessels/{vessel.id}/track"))
    assert r.status_code == 200
    track = wire.VesselTrack.model_validate(r.json())
    n = len(track.t)
    assert track.vessel_id == vessel.id
    assert n >= 2  # 24 h at one fix per 2 h
    assert len(track.lon) == len(track.lat) == len(track.speed_kn) == len(track.course_deg) == n
    assert track.t == sorted(track.t) and len(set(track.t)) == n
    server = vessels.server_time.timestamp()
    assert server - 24 * 3600 - 60 <= track.t[0] and track.t[-1] <= server + 3600
    assert all(0 <= c < 360 for c in track.course_deg)


def test_track_window_and_default(api, url, vessels):
    vessel = vessels.features[0]
    end = vessels.server_time
    r = api.get(url(f"/api/v1/vessels/{vessel.id}/track"),
                params={"start": _iso(end - timedelta(hours=6)), "end": _iso(end)})
    track = wire.VesselTrack.model_validate(r.json())
    lo, hi = (end - timedelta(hours=6)).timestamp(), end.timestamp()
    assert all(lo - 1 <= t <= hi + 1 for t in track.t)
    assert len(track.t) <= 4


def test_observations_columnar_ordered_with_gaps_as_null(api, url):
    r = api.get(url("/api/v1/stations/TV-THANHHOA/observations"))
    assert r.status_code == 200
    series = wire.ObservationSeries.model_validate(r.json())
    assert series.unit == "m"
    assert len(series.t) == len(series.value)
    assert 72 * 6 - 2 <= len(series.t) <= 72 * 6 + 2  # every 10 minutes
    assert series.t == sorted(series.t)
    steps = {b - a for a, b in itertools.pairwise(series.t)}
    assert steps == {600.0}
    rain = wire.ObservationSeries.model_validate(
        api.get(url("/api/v1/stations/RG-01/observations")).json())
    assert rain.unit == "mm"
    assert all(v is None or v >= 0 for v in rain.value)


def test_week_of_history_exists_at_start(api, url):
    now = datetime.now(UTC)
    r = api.get(url("/api/v1/stations/RG-05/observations"),
                params={"start": _iso(now - timedelta(days=10)),
                        "end": _iso(now + timedelta(days=1))})
    series = wire.ObservationSeries.model_validate(r.json())
    assert len(series.t) >= 7 * 144 - 2


def test_missing_values_occur_somewhere(api, url):
    stations = api.get(url("/api/v1/stations")).json()["features"]
    now = datetime.now(UTC)
    nulls = 0
    for f in stations[:40]:
        series = api.get(url(f"/api/v1/stations/{f['id']}/observations"),
                         params={"start": _iso(now - timedelta(days=8)),
                                 "end": _iso(now + timedelta(days=1))}).json()
        nulls += sum(v is None for v in series["value"])
    assert nulls > 0


@pytest.mark.parametrize("path", ["/api/v1/vessels/v00001/track",
                                  "/api/v1/stations/TV-BONGSON/observations"])
@pytest.mark.parametrize(("params", "code"), [
    ({"start": "yesterday"}, "invalid_time"),
    ({"end": "2026-13-45T00:00:00Z"}, "invalid_time"),
    ({"start": "2026-11-22T05:00:00"}, "invalid_time"),  # no offset
    ({"start": "2026-11-22T05:00:00Z", "end": "2026-11-22T05:00:00Z"}, "invalid_window"),
    ({"start": "2026-11-22T06:00:00Z", "end": "2026-11-22T05:00:00Z"}, "invalid_window"),
    ({"start": "2026-01-01T00:00:00Z", "end": "2026-03-01T00:00:00Z"}, "window_too_large"),
])
def test_bad_windows_are_400(api, url, path, params, code):
    r = api.get(url(path), params=params)
    assert r.status_code == 400
    assert wire.ErrorBody.model_validate(r.json()).error.code == code


def test_a_31_day_window_is_allowed(api, url):
    r = api.get(url("/api/v1/stations/RG-01/observations"),
                params={"start": "2026-01-01T00:00:00Z", "end": "2026-02-01T00:00:00Z"})
    assert r.status_code == 200


@pytest.mark.parametrize("path", ["/api/v1/vessels/v99999/track",
                                  "/api/v1/stations/NOPE/observations",
                                  "/api/v1/cameras/cam-999/snapshot",
                                  "/api/v1/incidents/inc-99999"])
def test_unknown_ids_are_404(api, url, path):
    r = api.get(url(path))
    assert r.status_code == 404
    assert wire.ErrorBody.model_validate(r.json()).error.code == "not_found"


def test_fleet_tracks_sorted_by_vessel_then_time(api, url):
    response = api.get(url("/api/v1/tracks"))
    assert response.status_code == 200
    body = wire.FleetTracks.model_validate_json(response.content)
    assert len(set(body.vessel_id)) > 1000
    pairs = list(zip(body.vessel_id, body.t, strict=True))
    assert pairs == sorted(pairs)


def test_fleet_tracks_window_is_limited(api, url):
    response = api.get(
        url("/api/v1/tracks"),
        params={"start": "2026-01-01T00:00:00Z", "end": "2026-01-04T00:00:00Z"},
    )
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "window_too_long"

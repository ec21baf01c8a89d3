"""The storm bulletin: a track that moves with the simulation clock, a forecast whose
cone widens with lead time, and a danger zone that follows the bulletin's definition
(every point within the level-6 wind radius of the forecast centre over 24 h, boxed to
half degrees)."""

from __future__ import annotations

import math

from backend.sim.storm_track import HOUR, KM_PER_DEG_LAT, StormTrack
from console.sources import wire

START = 1_800_000_000.0


def _km(lon0: float, lat0: float, lon1: float, lat1: float) -> float:
    dx = (lon1 - lon0) * KM_PER_DEG_LAT * math.cos(math.radians((lat0 + lat1) / 2))
    return math.hypot(dx, (lat1 - lat0) * KM_PER_DEG_LAT)


def test_bulletin_endpoint_gives_a_valid_bulletin(api, url):
    body = api.get(url("/api/v1/storm"), timeout=10).json()
    bulletin = wire.StormBulletin.model_validate(body)
    assert bulletin.active and bulletin.source == "simulated"
    assert bulletin.observed and len(bulletin.forecast) >= 2
    assert bulletin.observed[-1].t == bulletin.issued_at
    leads = [p.t - bulletin.issued_at for p in bulletin.forecast]
    assert leads == sorted(leads) and leads[0] == 12 * HOUR
    cones = [p.cone_km for p in bulletin.forecast]
    assert cones == sorted(cones) and cones[0] > 0


def test_danger_zone_holds_every_wind_radius_of_the_next_24_hours():
    storm = StormTrack(START)
    for hours in (-30.0, -3.0, 0.0, 7.5, 15.0):
        now = START + hours * HOUR
        b = storm.bulletin(now)
        assert b is not None
        west, south, east, north = b["danger_zone"]
        assert all(v * 2 == round(v * 2) for v in b["danger_zone"])  # half degrees
        centre = b["observed"][-1]
        forecast_24 = next(p for p in b["forecast"] if p["t"] == b["issued_at"] + 24 * HOUR)
        for p in (centre, forecast_24):
            r = p["r6_km"]
            d_lat = r / KM_PER_DEG_LAT
            d_lon = r / (KM_PER_DEG_LAT * math.cos(math.radians(p["lat"])))
            assert west <= p["lon"] - d_lon and p["lon"] + d_lon <= east
            assert south <= p["lat"] - d_lat and p["lat"] + d_lat <= north
        # and not much more: each side within half a degree of some radius circle
        assert north - south < 2 * (max(centre["r6_km"], forecast_24["r6_km"])
                                    / KM_PER_DEG_LAT) + 4.0


def test_bulletins_issue_every_three_hours_and_end_after_landfall():
    storm = StormTrack(START)
    a, b = storm.bulletin(START), storm.bulletin(START + 2.9 * HOUR)
    assert a is not None and b is not None and a["number"] == b["number"]
    c = storm.bulletin(START + 3.1 * HOUR)
    assert c is not None and c["number"] == a["number"] + 1
    landfall = storm.truth(START + 18 * HOUR)
    assert _km(landfall.lon, landfall.lat, 109.22, 13.78) < 15  # Quy Nhơn
    assert storm.bulletin(START + 40 * HOUR) is None
    assert storm.bulletin(START - 70 * HOUR) is None


def test_forecast_error_grows_with_lead_time():
    storm = StormTrack(START)
    issued = storm.issued_at(START)
    assert issued is not None
    errors = []
    for lead in (12.0, 24.0, 48.0):
        f = storm.forecast(issued, lead)
        t = storm.truth(issued + lead * HOUR)
        errors.append(_km(f.lon, f.lat, t.lon, t.lat))
        assert errors[-1] < f.cone_km  # the truth stays inside the cone
    assert errors == sorted(errors)


def test_bulletins_of_a_window_are_every_one_in_force_then(api, url):
    now = wire.StormBulletin.model_validate(
        api.get(url("/api/v1/storm"), timeout=10).json()).server_time.timestamp()
    start, end = now - 10 * HOUR, now - HOUR
    r = api.get(url("/api/v1/storm/bulletins"), timeout=10, params={
        "start": _iso(start), "end": _iso(end)})
    assert r.status_code == 200, r.text
    items = wire.StormBulletins.model_validate(r.json()).items
    numbers = [b.number for b in items]
    assert numbers == list(range(numbers[0], numbers[0] + len(numbers)))  # none missing
    assert items[0].issued_at <= start < items[0].issued_at + 3 * HOUR  # in force at start
    assert start < items[-1].issued_at <= end < items[-1].issued_at + 3 * HOUR
    # the same bulletins the live endpoint gave at each issue time
    storm = StormTrack(items[0].issued_at - (items[0].number - 1) * 3 * HOUR + 60 * HOUR)
    for b in items:
        assert b.danger_zone == tuple(storm.bulletin(b.issued_at)["danger_zone"])
    bad = api.get(url("/api/v1/storm/bulletins"), timeout=10,
                  params={"start": _iso(end), "end": _iso(start)})
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "invalid_window"


def test_no_bulletins_before_the_storm_formed():
    storm = StormTrack(START)
    assert storm.bulletins_between(START - 100 * HOUR, START - 61 * HOUR) == []
    assert [b["number"] for b in storm.bulletins_between(START - 61 * HOUR, START - 54 * HOUR)
            ] == [1, 2, 3]


def _iso(t: float) -> str:
    from datetime import UTC, datetime

    return datetime.fromtimestamp(t, tz=UTC).isoformat()

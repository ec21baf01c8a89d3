"""In-process checks of the simulator and small building blocks (no HTTP)."""

from __future__ import annotations

import struct
import zlib

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backend.api.params import parse_bbox, parse_window
from backend.clock import SimClock
from backend.db import Store
from backend.errors import ApiError
from backend.sim.engine import SimConfig, Simulator
from backend.sim.hydrology import Hydrology
from backend.sim.scenario import Storm
from backend.snapshot import encode_png
from console.sources import wire

START = 1_795_000_000.0  # 2026-11-18T08:26:40Z


def _world(seed: int, steps: list[float], vessels: int = 300) -> tuple[Store, Simulator]:
    store = Store(":memory:")
    sim = Simulator(store, SimConfig(start=START, seed=seed, vessels=vessels, cameras=40))
    sim.bootstrap()
    for t in steps:
        sim.advance_to(t)
    return store, sim


def _snapshot(store: Store) -> dict[str, list[str]]:
    return {name: store.collection(name)[1] for name in ("vessels", "stations", "cameras",
                                                         "incidents")}


def test_same_seed_and_start_give_identical_worlds():
    a, _ = _world(7, [START + 3 * 3600])
    b, _ = _world(7, [START + 3 * 3600])
    assert _snapshot(a) == _snapshot(b)
    assert a.track(5, START - 86400, START + 86400) == b.track(5, START - 86400, START + 86400)


def test_result_does_not_depend_on_tick_timing():
    coarse, _ = _world(11, [START + 3 * 3600])
    fine, _ = _world(11, [START + k * 37.3 for k in range(1, 290)] + [START + 3 * 3600])
    assert _snapshot(coarse) == _snapshot(fine)


def test_different_seeds_differ():
    a, _ = _world(1, [])
    b, _ = _world(2, [])
    assert _snapshot(a)["vessels"] != _snapshot(b)["vessels"]


def test_world_validates_against_wire_models():
    store, sim = _world(3, [START + 6 * 3600])
    for name, model in (("vessels", wire.VesselFeature), ("stations", wire.StationFeature),
                        ("cameras", wire.CameraFeature), ("incidents", wire.IncidentFeature)):
        for text in store.collection(name)[1]:
            model.model_validate_json(text)
    # incidents kept arriving every 15-30 sim minutes
    assert 40 + 12 <= store.count("incidents") <= 40 + 24
    assert sim.advanced_to == START + 6 * 3600


def test_vms_reports_every_interval_except_when_dark():
    store, sim = _world(5, [START + 12 * 3600], vessels=100)
    counts = []
    for idx in range(100):
        times = [r[0] for r in store.track(idx, 0, START + 12 * 3600)]
        assert times, "every vessel has at least its last fix"
        assert all(g % 7200 == 0 for g in np.diff(times))
        assert sim.fleet.infos[idx].phase_s == times[-1] % 7200
        counts.append(len(times))
    # 36 h of history at one fix per 2 h: most vessels have 18, a few dark ones fewer
    assert sorted(counts)[len(counts) // 2] == 18


def test_storm_peaks_then_recedes():
    hydro = Hydrology(7, Storm(START))
    times = hydro.steps_between(START - 86400, START + 3 * 86400)
    values = hydro.values(times)
    stations = hydro.stations
    levels = [(i, s.alarm_levels) for i, s in enumerate(stations) if s.alarm_levels]
    peak = {i: np.nanmax(values[:, i]) for i, _ in levels}
    assert sum(peak[i] > lv[1] for i, lv in levels) >= 2  # several above BĐ2
    assert any(peak[i] > lv[2] for i, lv in levels)  # at least one above BĐ3
    end = values[-6:]
    assert all(np.nanmax(end[:, i]) < lv[0] for i, lv in levels)  # receded below BĐ1
    rain = values[:, [i for i, s in enumerate(stations) if s.kind == "rain"]]
    assert np.nanmin(rain) >= 0
    hourly = np.nansum(rain, axis=1)
    peak_t = times[int(np.argmax(hourly))]
    assert abs(peak_t - (START + 6 * 3600)) < 3 * 3600


def test_clock_maps_real_to_sim_time():
    real = [100.0]
    clock = SimClock(start=START, speed=60.0, monotonic=lambda: real[0])
    assert clock.now() == START
    real[0] += 2.5
    assert clock.now() == START + 150.0
    assert clock.real_seconds_for(600) == 10.0
    with pytest.raises(ValueError):
        SimClock(start=START, speed=0)


def test_png_encoder_round_trip():
    img = np.arange(4 * 5 * 3, dtype=np.uint8).reshape(4, 5, 3)
    data = encode_png(img)
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (5, 4)
    idat_len = struct.unpack(">I", data[33:37])[0]
    raw = zlib.decompress(data[41:41 + idat_len])
    rows = np.frombuffer(raw, dtype=np.uint8).reshape(4, 1 + 15)
    assert (rows[:, 0] == 0).all()
    assert (rows[:, 1:].reshape(4, 5, 3) == img).all()


def test_parse_bbox_and_window():
    assert parse_bbox(None) is None
    assert parse_bbox("109,13,110,15") == (109.0, 13.0, 110.0, 15.0)
    with pytest.raises(ApiError):
        parse_bbox("110,13,109,15")
    assert parse_window(None, None, START, 3600) == (START - 3600, START)
    with pytest.raises(ApiError) as err:
        parse_window("2026-01-01T00:00:00+07:00", "2026-02-02T00:00:00+07:00", START, 3600)
    assert err.value.code == "window_too_large"


def test_foreign_database_is_refused(tmp_path):
    import sqlite3

    from backend.db import ForeignDatabaseError

    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE precious (x)")
    with pytest.raises(ForeignDatabaseError):
        Store(str(path))
    ours = tmp_path / "ours.db"
    Store(str(ours)).close()
    Store(str(ours)).close()  # our own file is reopened without complaint


def test_own_database_is_kept_old_schema_replaced_unknown_refused(tmp_path):
    import sqlite3

    from backend.db import ForeignDatabaseError

    path = tmp_path / "ours.db"
    store = Store(str(path))
    sim = Simulator(store, SimConfig(start=START, seed=5, vessels=30, cameras=4))
    sim.bootstrap()
    cursor = store.cursor
    store.close()
    again = Store(str(path))
    assert again.resumed and again.cursor == cursor and again.count("vessels") == 30
    again.close()
    with sqlite3.connect(path) as conn:  # schema 1 files were scratch: replaced
        conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema'")
    scratch = Store(str(path))
    assert not scratch.resumed and scratch.count("vessels") == 0 and scratch.cursor == 0
    scratch.close()
    with sqlite3.connect(path) as conn:  # a newer schema we do not know: hands off
        conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema'")
    with pytest.raises(ForeignDatabaseError, match="schema version 99"):
        Store(str(path))


def _drain(store: Store, since: int | None, limit: int, between=None) -> tuple[dict, int, int]:
    """Follow a collection's pages to the end; returns ({id: feature}, cursor, pages)."""
    seen: dict[str, str] = {}
    after = None
    pages = 0
    while True:
        cursor, rows, after = store.collection("vessels", since, None, None, after, limit)
        pages += 1
        assert len(rows) <= limit
        for text in rows:
            feature = wire.VesselFeature.model_validate_json(text)
            seen[feature.id] = text
        if between is not None:
            between(pages)
        since = cursor
        if after is None:
            return seen, cursor, pages


def test_paged_collection_misses_nothing_while_the_fleet_moves():
    """Keyset pages over (seq, idx): one transaction gives all its rows the same seq, so
    pages must cut inside a seq, and rows updated between pages must still arrive (with
    their newest state) by the end of the pages or the next poll — never be skipped."""
    store, sim = _world(5, [], vessels=300)
    everything = {wire.VesselFeature.model_validate_json(t).id: t
                  for t in store.collection("vessels")[1]}
    seen, cursor, pages = _drain(store, None, 70)
    assert seen == everything  # the bootstrap is one seq, cut into pages inside it
    assert pages == 5

    clock = [START]

    def move(_page: int) -> None:  # the simulator writes between two page requests
        clock[0] += 600
        sim.advance_to(clock[0])

    seen2, cursor2, _ = _drain(store, cursor, 25, between=move)
    tail, _, _ = _drain(store, cursor2, 10_000)
    latest = {wire.VesselFeature.model_validate_json(t).id: t
              for t in store.collection("vessels")[1]}
    merged = {**seen2, **tail}
    changed = {i for i in latest if latest[i] != everything[i]}
    assert changed and changed <= set(merged)
    assert all(merged[i] == latest[i] for i in changed)  # the newest state arrived


def test_a_future_cursor_with_a_limit_restarts_from_the_beginning():
    store, _ = _world(5, [], vessels=50)
    _cursor, rows, after = store.collection("vessels", 10**9, None, None, 3, 20)
    assert len(rows) == 20 and after is not None


def test_fast_vessel_feature_text_is_what_json_would_write():
    """Vessel features are assembled from cached fragments; the text must be exactly
    json.dumps of the feature (quotes and backslashes in names escaped, numbers as repr)."""
    import json
    import math

    from backend.features import vessel_row
    from backend.sim.vessels import Fix, VesselInfo
    from backend.timefmt import iso_z

    info = VesselInfo(id="v-3", registration='BĐ-9"1\\234-TS', name="Hoài Nhơn 07",
                      owner="Nguyễn Văn Đức", length_m=18.5, gear="lưới vây",
                      home_port="Quy Nhơn", idx=3, berth=(109.2, 13.7), berth_heading=0.0,
                      ground="ground", phase_s=0)
    for fix in (Fix(3, START + 0.7, 109.123456789, 13.98765, 7.25, 123.0, False),
                Fix(3, START, 109.0, 13.0, 0.0, 0.0, True)):
        expected = {
            "type": "Feature", "id": info.id,
            "geometry": {"type": "Point",
                         "coordinates": [round(fix.lon, 5), round(fix.lat, 5)]},
            "properties": {
                "registration": info.registration, "name": info.name, "owner": info.owner,
                "length_m": info.length_m, "gear": info.gear, "home_port": info.home_port,
                "status": "in_port" if fix.in_port else "at_sea", "fix_time": iso_z(fix.t),
                "speed_kn": fix.speed_kn, "course_deg": fix.course_deg,
            },
        }
        row = vessel_row(info, fix)
        assert row.feature == json.dumps(expected, ensure_ascii=False, separators=(",", ":"))
        wire.VesselFeature.model_validate_json(row.feature)
        props = expected["properties"]
        values = [info.id, *(props[k] for k in ("registration", "name", "owner", "length_m",
                                                 "gear", "home_port", "status")),
                  *expected["geometry"]["coordinates"], float(math.floor(fix.t)),
                  props["speed_kn"], props["course_deg"]]
        assert row.tabular == json.dumps(values, ensure_ascii=False, separators=(",", ":"))
    with pytest.raises(ValueError):
        vessel_row(info, Fix(3, START, float("nan"), 13.0, 1.0, 1.0, False))


@settings(max_examples=300, deadline=None)
@given(st.floats(min_value=-2e9, max_value=4e9, allow_nan=False))
def test_iso_z_is_strftime(epoch):
    """iso_z writes the time by arithmetic (it formats every fix); it must agree with
    the calendar, including before 1970 and at day boundaries."""
    import math
    from datetime import UTC, datetime

    from backend.timefmt import iso_z

    expected = datetime.fromtimestamp(math.floor(epoch), UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert iso_z(epoch) == expected

"""Stores: latest positions, bounded tails, out-of-order fixes, record changes."""

from __future__ import annotations

import numpy as np
import pytest

from console.model.station import Station
from console.model.vessel import Vessel
from console.stores.records import RecordStore
from console.stores.vessels import VesselStore


def vessel(vid: str, t: float, lon: float = 110.0, lat: float = 13.0, **kw) -> Vessel:
    base = {
        "registration": f"BĐ-{vid}-TS",
        "name": "Test",
        "owner": "Nguyễn Văn A",
        "length_m": 20.0,
        "gear": "lưới vây",
        "home_port": "Quy Nhơn",
        "status": "at_sea",
        "speed_kn": 5.0,
        "course_deg": 90.0,
    }
    base.update(kw)
    return Vessel(id=vid, lon=lon, lat=lat, fix_time=t, **base)


def test_vessel_store_keeps_latest_and_bounded_tail(qtbot):
    store = VesselStore(tail_length=3)
    with qtbot.waitSignal(store.changed) as blocker:
        store.apply([vessel("1", 100.0, lon=110.0)])
    assert blocker.args == [["1"]]
    for i in range(1, 6):
        store.apply([vessel("1", 100.0 + i, lon=110.0 + i * 0.01)])
    assert store.get("1").fix_time == 105.0
    x, _y, connect = store.tail_polylines()
    assert len(x) == 3  # bounded by tail_length
    assert connect.tolist() == [True, True, False]
    # oldest first, newest is the current position
    assert x[-1] == pytest.approx(store.x[0])
    assert np.all(np.diff(x) > 0)


def test_out_of_order_fix_does_not_move_vessel_back(qtbot):
    store = VesselStore(tail_length=4)
    store.apply([vessel("1", 200.0, lon=111.0)])
    assert store.apply([vessel("1", 150.0, lon=109.9)]) == []
    assert store.get("1").lon == 111.0


def test_store_grows_past_initial_capacity():
    store = VesselStore(tail_length=2)
    store.apply([vessel(str(i), 10.0, lon=109.5 + i * 1e-4) for i in range(3000)])
    assert len(store) == 3000
    assert np.isfinite(store.columns()["x"]).all()
    assert store.get("2999").lon == pytest.approx(109.5 + 2999e-4)


def test_tail_polylines_separate_vessels():
    store = VesselStore(tail_length=3)
    store.apply([vessel("a", 1.0), vessel("b", 1.0, lon=111.0)])
    store.apply([vessel("a", 2.0, lon=110.1), vessel("b", 2.0, lon=111.1)])
    x, _y, connect = store.tail_polylines()
    assert len(x) == 4
    assert connect.tolist() == [True, False, True, False]


def station(sid: str, value: float | None, lon: float = 109.0) -> Station:
    return Station(
        id=sid,
        code=sid,
        name=f"Trạm {sid}",
        kind="water_level",
        river="Kôn",
        unit="m",
        lon=lon,
        lat=13.9,
        alarm_levels=(6.0, 7.0, 8.0),
        normal_level=None,
        latest_time=1000.0,
        latest_value=value,
    )


def test_record_store_emits_only_on_real_change(qtbot):
    store: RecordStore[Station] = RecordStore()
    assert store.apply([station("a", 5.0), station("b", 6.5, lon=109.5)]) == ["a", "b"]
    with qtbot.assertNotEmitted(store.changed):
        store.apply([station("a", 5.0)])
    assert store.apply([station("a", 7.2)]) == ["a"]
    assert store.get("a").latest_value == 7.2
    assert len(store.x) == 2 and store.x[0] < store.x[1]

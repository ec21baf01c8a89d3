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


def test_one_batch_mixing_new_newer_older_same_and_repeated_fixes(qtbot):
    """The vectorised merge must keep the record-by-record rules: new vessels enter,
    newer fixes win, older ones are ignored, an identical repeat is not a change but a
    corrected record with the same fix time is, and a vessel twice in one batch ends
    at its newest fix."""
    from console.model.vessel_batch import VesselBatch

    store = VesselStore(tail_length=4)
    store.apply([vessel("a", 100.0), vessel("b", 100.0), vessel("c", 100.0), vessel("d", 100.0)])
    batch = VesselBatch.of(
        [
            vessel("a", 110.0, lon=110.5),  # newer
            vessel("b", 90.0, lon=108.0),  # older: ignored
            vessel("c", 100.0),  # identical repeat: no change
            vessel("d", 100.0, name="Corrected"),  # same fix, corrected record
            vessel("e", 105.0, lon=111.0),  # new vessel, then a newer fix of it
            vessel("e", 107.0, lon=111.2),
            vessel("e", 106.0, lon=111.1),
        ]
    )
    with qtbot.waitSignal(store.changed) as blocker:
        changed = store.apply(batch)
    assert sorted(changed) == ["a", "d", "e"] and sorted(blocker.args[0]) == ["a", "d", "e"]
    assert store.get("a").lon == 110.5 and store.fix_time[store.row_of("a")] == 110.0
    assert store.get("b").lon == 110.0
    assert store.get("d").name == "Corrected"
    assert store.get("e").fix_time == 107.0 and store.get("e").lon == 111.2
    assert int(store.tail_len[store.row_of("d")]) == 1  # a correction is not a new fix
    assert int(store.tail_len[store.row_of("a")]) == 2
    x, y = store.columns()["x"], store.columns()["y"]
    from console.geo.crs import lonlat_to_map

    ex, ey = lonlat_to_map(np.array([111.2]), np.array([13.0]))
    assert x[store.row_of("e")] == pytest.approx(ex[0]) and y[store.row_of("e")] == pytest.approx(
        ey[0]
    )
    assert store.apply(batch) == []  # the same page again changes nothing


def test_a_batch_slices_like_a_list():
    from console.model.vessel_batch import VesselBatch

    batch = VesselBatch.of([vessel(str(i), 10.0 + i, lon=110 + i / 10) for i in range(5)])
    part = batch[1:3]
    assert isinstance(part, VesselBatch) and [v.id for v in part] == ["1", "2"]
    assert part.fix_time.tolist() == [11.0, 12.0] and part.lon.tolist() == [110.1, 110.2]
    assert batch[4].id == "4" and len(batch) == 5


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


def test_a_feed_page_older_than_an_actions_answer_does_not_undo_it(qtbot):
    """The operator resolves an incident; the answer (version 3, resolved) is applied at
    once; a poll page fetched before it (version 2, acknowledged) arrives after: the
    incident stays resolved. A later version from the feed still wins."""
    from dataclasses import replace

    from tests.live.conftest import incident

    store: RecordStore = RecordStore()
    acknowledged = replace(incident("i1", "high", "acknowledged", 1000.0), version=2)
    store.apply([acknowledged])
    resolved = replace(acknowledged, status="resolved", version=3)
    store.apply([resolved])  # the action's answer
    assert store.apply_newer([acknowledged]) == []  # the stale page
    assert store.get("i1").status == "resolved"
    closed = replace(resolved, status="closed", version=4)
    assert store.apply_newer([closed]) == ["i1"]
    assert store.get("i1").status == "closed"

"""Replay state at a given time is exact, forwards and backwards, in the stores the
map and lists read."""

from __future__ import annotations

import math

import numpy as np
import pytest

from console.archive.reader import read_archive
from console.geo.crs import lonlat_to_map
from console.live.clock import SourceClock
from console.replay.cursor import ReplayCursor
from console.replay.driver import ReplayDriver
from console.replay.state import ReplayState
from console.rules.alerts import AlertInbox
from console.stores.records import RecordStore
from console.stores.vessels import VesselStore
from tests.archive.factory import HOSTILE, T0, vessel, write_sample


def recorded(i: int, k: int):
    """The record write_sample sent for vessel i at fix k."""
    return vessel(i, T0 + 600 * k, k, HOSTILE if i == 0 else None)


@pytest.fixture
def state(tmp_path) -> ReplayState:
    write_sample(tmp_path / "rec.gpkg", vessels=5, fixes=6)
    return ReplayState(read_archive(tmp_path / "rec.gpkg"), tail_length=4)


def test_state_at_a_time_is_exact(state):
    t = T0 + 600 * 2 + 1  # just after the third fix
    frame = state.vessel_frame(t)
    for row, vid in enumerate(state.vessel_ids):
        i = int(vid[1:])
        assert state.vessel_at(row, int(frame.fix[row])) == recorded(i, 2)
        # tail: the fixes up to T, oldest first, leading NaN (K=4, three fixes so far)
        assert math.isnan(frame.tail_t[row, 0])
        np.testing.assert_array_equal(frame.tail_t[row, 1:], [T0, T0 + 600, T0 + 1200])
    stations = {s.id: s for s in state.stations_at(t)}
    assert stations["s1"].latest_value == 5.0 + 0.5 * 2 + 1
    assert stations["s1"].latest_time == T0 + 1200
    (incident,) = state.incidents_at(t)
    assert incident is not None and incident.status == "acknowledged"
    assert len(incident.history) == 2
    (cam,) = state.cameras_at(t)
    assert cam.status == "online"
    (alert,) = state.alerts_at(t)
    assert alert.active and alert.title == "Trên BĐ2"
    (alert,) = state.alerts_at(T0 + 600 * 4)
    assert not alert.active
    assert state.next_alert(T0) == T0 + 1200
    assert state.next_alert(T0 + 1200) is None


def test_before_the_first_fix_nothing_is_shown(state):
    frame = state.vessel_frame(T0 - 1)
    assert (frame.fix == -1).all()
    assert np.isnan(frame.tail_t).all()
    assert state.incidents_at(T0 - 1) == [None]
    assert all(s.latest_value is None for s in state.stations_at(T0 - 1))


def test_driver_moves_the_stores_backwards_and_forwards(qapp, state):
    vessels = VesselStore(tail_length=4)
    stations, incidents, cameras = RecordStore(), RecordStore(), RecordStore()
    clock = SourceClock()
    inbox = AlertInbox()
    cursor = ReplayCursor(state.start, state.end)
    driver = ReplayDriver(state, cursor, vessels, stations, incidents, cameras, clock, inbox)
    seen: list[list[str]] = []
    vessels.changed.connect(seen.append)
    for k in (5, 1, 3):  # end, back, forward again
        cursor.set_time(T0 + 600 * k)
        assert clock.now() == T0 + 600 * k  # freshness is judged at the slider time
        for i in range(5):
            row = vessels.row_of(f"v{i:05d}")
            expected = recorded(i, k)
            assert vessels.get(expected.id) == expected
            x, y = lonlat_to_map(np.array([expected.lon]), np.array([expected.lat]))
            assert vessels.x[row] == pytest.approx(x[0])
            assert vessels.y[row] == pytest.approx(y[0])
            assert vessels.fix_time[row] == T0 + 600 * k
        assert stations.get("s0").latest_value == 5.0 + 0.5 * k
        status = ["new", "acknowledged", "assigned", "resolved", "closed"][k - 1]
        assert incidents.get("inc-1").status == status
        alert = inbox.alerts()[0] if len(inbox) else None
        assert (alert is not None and alert.active) == (k == 3)
        if alert is not None and not alert.active:  # the recorded clearing came along
            assert alert.cleared_at is not None and alert.updated_at == alert.cleared_at
    assert len(seen) == 3 and all(len(ids) == 5 for ids in seen)  # one signal per frame
    xs, _ys, _c = vessels.tail_polylines()
    assert len(xs) == 5 * 4  # fixes 0..3: a full tail of four per vessel
    driver.close()

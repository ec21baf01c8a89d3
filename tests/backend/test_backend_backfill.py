"""Older history (vessel fixes, gauge readings) written after the backend starts serving
(backend/sim/backfill.py): the same history as a world seeded at once, and no reader ever
sees the hole."""

from __future__ import annotations

import json
import math
import threading
import time
from contextlib import contextmanager

import pytest
import requests
from conftest import TOKEN

from backend.db import Store
from backend.sim import backfill, history
from backend.sim.backfill import OBSERVATIONS, POSITIONS, pending_spans, wait_for_history
from backend.sim.engine import SimConfig, Simulator
from backend.timefmt import iso_z
from console.sources import wire

START = 1_795_000_000.0  # 2026-11-18T08:26:40Z, a whole minute
HOUR = 3600.0
DAY_WINDOW = (START - 24 * HOUR, START)
WEEK_WINDOW = (START - 7 * 24 * HOUR, START)
CONFIG = SimConfig(start=START, seed=9, vessels=300, cameras=40, raise_alerts=False)


def _positions(store: Store) -> list[tuple]:
    return store.query("SELECT vessel, t, lon, lat, speed, course FROM positions "
                       "ORDER BY vessel, t")


def _history(store: Store) -> dict[str, list[tuple]]:
    return {POSITIONS: _positions(store),
            OBSERVATIONS: store.query("SELECT station, t, value FROM observations "
                                      "ORDER BY station, t")}


def _pending(store: Store, table: str = POSITIONS):
    return pending_spans(store).get(table)


@pytest.fixture(scope="module")
def whole() -> dict[str, list[tuple]]:
    """Every stored row of the world seeded the old way (all history before serving)."""
    store = Store(":memory:")
    Simulator(store, CONFIG).bootstrap()
    rows = _history(store)
    store.close()
    return rows


@pytest.fixture(scope="module")
def seeded_at_once(whole) -> list[tuple]:
    return whole[POSITIONS]


def test_deferring_changes_no_vessel_or_station_of_the_first_page():
    """Where each vessel was last heard from, and each gauge's last reading, are the same
    whether the older hours are written at once or later."""
    at_once, deferred = Store(":memory:"), Store(":memory:")
    Simulator(at_once, CONFIG).bootstrap()
    Simulator(deferred, CONFIG).bootstrap(defer_older_history=True)
    for table in ("vessels", "stations"):
        assert deferred.collection(table)[1] == at_once.collection(table)[1]


def test_a_gauge_silent_for_days_keeps_its_last_reading():
    """Its last reading is older than the hours written before serving: the station
    still shows it (every reading of the week is computed, only the writing waits)."""
    def silent_gauge(sim: Simulator) -> Simulator:
        values = sim.hydrology.values

        def with_gauge_0_silent(times):
            out = values(times)
            out[times > START - 48 * HOUR, 0] = float("nan")
            return out
        sim.hydrology.values = with_gauge_0_silent
        return sim

    at_once, deferred = Store(":memory:"), Store(":memory:")
    silent_gauge(Simulator(at_once, CONFIG)).bootstrap()
    silent_gauge(Simulator(deferred, CONFIG)).bootstrap(defer_older_history=True)
    gauge_0 = json.loads(at_once.collection("stations")[1][0])["properties"]
    assert gauge_0["latest_time"] < iso_z(START - 48 * HOUR)  # heard from, days ago
    assert deferred.collection("stations")[1] == at_once.collection("stations")[1]


@pytest.fixture
def never_unurged(monkeypatch):
    """The backfill starts only when a reader urges it (not after its usual delay), so
    a test sees the state before it, whatever the machine's speed."""
    monkeypatch.setattr(backfill, "START_AFTER_S", 3600.0)


@pytest.mark.parametrize("table, window", [(POSITIONS, DAY_WINDOW),
                                           (OBSERVATIONS, WEEK_WINDOW)])
def test_deferred_history_ends_up_identical_and_reads_wait_for_it(whole, never_unurged,
                                                                   table, window):
    store = Store(":memory:")
    sim = Simulator(store, CONFIG)
    sim.bootstrap(defer_older_history=True)
    recent_from = START - backfill.RECENT_H[table] * HOUR
    assert _pending(store, table) == (window[0], recent_from)
    before = _history(store)[table]
    assert 0 < len(before) < len(whole[table]) * 0.5  # the recent hours (and the long-dark)
    assert [r for r in before if r[1] > recent_from] == [
        r for r in whole[table] if r[1] > recent_from]  # the recent hours, all of them
    sim.start()
    try:
        # a read of the recent hours goes ahead without waiting for, or starting, the rest
        assert sim.history_ready(table, recent_from + 1, START)
        assert _pending(store, table) is not None and len(_history(store)[table]) == len(before)
        # a read of the whole window waits until the older hours are written
        assert sim.history_ready(table, *window)
        assert _pending(store, table) is None
        assert _history(store)[table] == whole[table]
    finally:
        sim.stop()
        store.close()


def test_history_left_pending_by_a_stopped_backend_is_written_by_the_next(
        tmp_path, seeded_at_once, never_unurged):
    db = str(tmp_path / "world.db")
    first = Store(db)
    Simulator(first, CONFIG).bootstrap(defer_older_history=True)
    first.close()  # stopped before the backfill
    store = Store(db)
    sim = Simulator(store, CONFIG)
    sim.resume(START)
    sim.start()
    try:
        assert _pending(store) is not None
        assert sim.history_ready(POSITIONS, *DAY_WINDOW)
        assert _positions(store) == seeded_at_once
    finally:
        sim.stop()
        store.close()


def test_readings_stay_whole_while_the_backfill_writes_them(whole, never_unurged,
                                                          monkeypatch):
    """/history, /aggregates and SensorThings charts generate the readings older than the
    oldest stored one: after every chunk the backfill commits, what they answer is the
    whole week (it writes newest first, so the stored rows never leave a gap). The
    table a reader waits for is written first."""
    store = Store(":memory:")
    sim = Simulator(store, CONFIG)
    sim.bootstrap(defer_older_history=True)
    expected = _readings_of_station_0(whole, *WEEK_WINDOW)
    real_write, after_chunks = store.write, []

    @contextmanager
    def write_then_read(*args, **kwargs):
        with real_write(*args, **kwargs) as tx:
            yield tx
        if threading.current_thread().name == "history-backfill":
            t, v = history.readings(store, sim.hydrology, 0, *WEEK_WINDOW, START)
            whole_week = t.tolist() == [r[1] for r in expected] and [
                None if math.isnan(x) else x for x in v.tolist()] == [r[2] for r in expected]
            after_chunks.append((whole_week, set(pending_spans(store))))

    monkeypatch.setattr(store, "write", write_then_read)
    sim.start()
    try:
        assert sim.history_ready(OBSERVATIONS, *WEEK_WINDOW)
        # the vessel fixes come next: once they are in, every readings chunk was checked
        assert sim.history_ready(POSITIONS, *DAY_WINDOW)
        assert len(after_chunks) > 10 and all(ok for ok, _left in after_chunks)
        # the readings were written first: the vessel fixes were all still pending when
        # the readings' span closed (the backfill goes on with them meanwhile)
        readings_done = next(left for _ok, left in after_chunks if OBSERVATIONS not in left)
        assert POSITIONS in readings_done
    finally:
        sim.stop()
        store.close()


def test_the_first_form_of_the_pending_key_still_reads():
    """Worlds stopped before their backfill by the first version kept a bare span."""
    store = Store(":memory:")
    with store.write() as tx:
        tx.set_meta(backfill.PENDING_KEY, json.dumps([START - 24 * HOUR, START - 8 * HOUR]))
    assert pending_spans(store) == {POSITIONS: (START - 24 * HOUR, START - 8 * HOUR)}


def test_a_world_that_ran_days_ahead_still_writes_the_true_older_history(
        seeded_at_once, never_unurged):
    """At a high --speed the world passes two days before the backfill starts: the
    voyages it needs must not have been forgotten (else vessels show at their berths)."""
    store = Store(":memory:")
    sim = Simulator(store, CONFIG)
    sim.bootstrap(defer_older_history=True)
    for hours in range(12, 12 * 6 + 1, 12):
        sim.advance_to(START + hours * HOUR)  # what 3 s at --speed 86400 do
    sim.start()
    try:
        assert sim.history_ready(POSITIONS, *DAY_WINDOW)
        assert [r for r in _positions(store) if r[1] <= START] == seeded_at_once
    finally:
        sim.stop()
        store.close()


def test_a_failed_write_is_tried_again(whole, never_unurged, monkeypatch):
    monkeypatch.setattr(backfill, "RETRY_S", (0.01, 0.05))
    store = Store(":memory:")
    sim = Simulator(store, CONFIG)
    sim.bootstrap(defer_older_history=True)
    real_write, failures = store.write, []

    def flaky_write(*args, **kwargs):
        if not failures:  # the first transaction of the backfill fails
            failures.append(1)
            raise OSError("disk I/O error")
        return real_write(*args, **kwargs)

    sim.start()
    monkeypatch.setattr(store, "write", flaky_write)
    try:
        assert sim.history_ready(POSITIONS, *DAY_WINDOW)
        assert sim.history_ready(OBSERVATIONS, *WEEK_WINDOW)
        assert failures and _history(store) == whole
    finally:
        sim.stop()
        store.close()


def test_a_stopped_simulators_reads_follow_the_next_leaders_backfill(tmp_path, never_unurged):
    """A process that lost the lead keeps its stopped simulator for reads: they see the
    span the new leader writes instead of waiting for a backfill that will never run."""
    db = str(tmp_path / "world.db")
    old_store = Store(db)
    old = Simulator(old_store, CONFIG)
    old.bootstrap(defer_older_history=True)
    old.start()
    old.stop()  # lost the lead before its backfill ran
    store = Store(db)
    leader = Simulator(store, CONFIG)
    leader.resume(START)
    leader.start()
    answered: list[tuple[bool, float]] = []
    def read_on_the_old_process() -> None:  # while the span is pending
        answered.append((old.history_ready(POSITIONS, *DAY_WINDOW), time.monotonic()))

    reader = threading.Thread(target=read_on_the_old_process)
    try:
        reader.start()
        assert leader.history_ready(POSITIONS, *DAY_WINDOW)  # urges the new leader's backfill
        written = time.monotonic()
        reader.join(backfill.WAIT_S + 5)
        ready, at = answered[0]
        assert ready and at - written < 1.0  # it looked again, not waited it out
    finally:
        reader.join()
        leader.stop()
        store.close()
        old_store.close()


def test_a_reader_gives_up_when_nobody_writes_the_span():
    store = Store(":memory:")
    Simulator(store, CONFIG).bootstrap(defer_older_history=True)
    try:  # no simulator runs: the span stays pending
        assert not wait_for_history(store, POSITIONS, *DAY_WINDOW, local=None, timeout_s=0.2)
        assert wait_for_history(store, POSITIONS, START - HOUR, START, local=None, timeout_s=0.2)
    finally:
        store.close()


def _readings_of_station_0(whole, t0: float, t1: float) -> list[tuple]:
    return [r for r in whole[OBSERVATIONS] if r[0] == 0 and t0 <= r[1] <= t1]


def _ask_tracks(url: str, auth: dict, whole) -> None:
    response = requests.get(f"{url}/api/v1/tracks", headers=auth, timeout=60, params={
        "start": iso_z(DAY_WINDOW[0]), "end": iso_z(DAY_WINDOW[1])})
    assert response.status_code == 200, response.text
    body = wire.FleetTracks.model_validate_json(response.content)
    expected = [r for r in whole[POSITIONS] if DAY_WINDOW[0] <= r[1] <= DAY_WINDOW[1]]
    assert sorted(body.t) == sorted(r[1] for r in expected)
    assert min(body.t) < START - 20 * HOUR  # the older hours are in it


def _ask_readings(url: str, auth: dict, whole) -> None:
    response = requests.get(  # station index 0 of the simulator's network
        f"{url}/api/v1/stations/TV-THANHHOA/observations", headers=auth, timeout=60,
        params={"start": iso_z(WEEK_WINDOW[0]), "end": iso_z(WEEK_WINDOW[1])})
    assert response.status_code == 200, response.text
    series = wire.ObservationSeries.model_validate_json(response.content)
    assert series.t == [r[1] for r in _readings_of_station_0(whole, *WEEK_WINDOW)]


def _ask_sensorthings(url: str, auth: dict, whole) -> None:
    """With no time filter a SensorThings client gets every stored reading."""
    response = requests.get(f"{url}/sta/v1.1/Datastreams('TV-THANHHOA')/Observations",
                            headers=auth, params={"$count": "true", "$top": "1"}, timeout=60)
    assert response.status_code == 200, response.text
    stored = [r for r in _readings_of_station_0(whole, 0.0, START) if r[2] is not None]
    assert response.json()["@iot.count"] == len(stored)


@pytest.mark.parametrize("ask", [_ask_tracks, _ask_readings, _ask_sensorthings])
def test_a_just_started_backend_answers_older_history_in_full(launch_backend, whole, ask):
    """Asked at once for 24 h of fleet tracks, a week of a gauge's readings or all of
    them over SensorThings, the backend answers every fix and reading, as a world seeded
    before serving has them."""
    backend = launch_backend("--seed", "9", "--vessels", "300", "--cameras", "40",
                             "--start", iso_z(START), "--speed", "1", "--no-alerts")
    ask(backend.url, {"Authorization": f"Bearer {TOKEN}"}, whole)

"""Older vessel history written after the backend starts serving (backend/sim/backfill.py):
the same history as a world seeded at once, and no reader ever sees the hole."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime

import pytest
from conftest import TOKEN

from backend.db import Store
from backend.sim import backfill
from backend.sim.backfill import pending_span, wait_for_history
from backend.sim.engine import SimConfig, Simulator
from backend.timefmt import iso_z
from console.sources import wire

START = 1_795_000_000.0  # 2026-11-18T08:26:40Z, a whole minute
HOUR = 3600.0
DAY_WINDOW = (START - 24 * HOUR, START)
CONFIG = SimConfig(start=START, seed=9, vessels=300, cameras=40, raise_alerts=False)


def _positions(store: Store) -> list[tuple]:
    return store.query("SELECT vessel, t, lon, lat, speed, course FROM positions "
                       "ORDER BY vessel, t")


@pytest.fixture(scope="module")
def seeded_at_once() -> list[tuple]:
    """Every stored fix of the world seeded the old way (all 24 h before serving)."""
    store = Store(":memory:")
    Simulator(store, CONFIG).bootstrap()
    rows = _positions(store)
    store.close()
    return rows


def test_deferring_changes_no_vessel_of_the_first_page():
    """Where each vessel was last heard from is the same whether the older hours are
    written at once or later (bootstrap takes it from the recent fixes when it can)."""
    at_once, deferred = Store(":memory:"), Store(":memory:")
    Simulator(at_once, CONFIG).bootstrap()
    Simulator(deferred, CONFIG).bootstrap(defer_older_history=True)
    assert deferred.collection("vessels")[1] == at_once.collection("vessels")[1]


@pytest.fixture
def never_unurged(monkeypatch):
    """The backfill starts only when a reader urges it (not after its usual delay), so
    a test sees the state before it, whatever the machine's speed."""
    monkeypatch.setattr(backfill, "START_AFTER_S", 3600.0)


def test_deferred_history_ends_up_identical_and_reads_wait_for_it(seeded_at_once,
                                                                   never_unurged):
    store = Store(":memory:")
    sim = Simulator(store, CONFIG)
    sim.bootstrap(defer_older_history=True)
    recent_from = START - backfill.RECENT_HISTORY_H * HOUR
    assert pending_span(store) == (START - 24 * HOUR, recent_from)
    before = _positions(store)
    assert 0 < len(before) < len(seeded_at_once) * 0.5  # 8 h of 24 (and the long-dark)
    assert [r for r in before if r[1] > recent_from] == [
        r for r in seeded_at_once if r[1] > recent_from]  # the recent hours, all of them
    sim.start()
    try:
        # a read of the recent hours goes ahead without waiting for, or starting, the rest
        assert sim.history_ready(recent_from + 1, START)
        assert pending_span(store) is not None and len(_positions(store)) == len(before)
        # a read of the whole day waits until the older hours are written
        assert sim.history_ready(*DAY_WINDOW)
        assert pending_span(store) is None
        assert _positions(store) == seeded_at_once
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
        assert pending_span(store) is not None
        assert sim.history_ready(*DAY_WINDOW)
        assert _positions(store) == seeded_at_once
    finally:
        sim.stop()
        store.close()


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
        assert sim.history_ready(*DAY_WINDOW)
        assert [r for r in _positions(store) if r[1] <= START] == seeded_at_once
    finally:
        sim.stop()
        store.close()


def test_a_failed_write_is_tried_again(seeded_at_once, never_unurged, monkeypatch):
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
        assert sim.history_ready(*DAY_WINDOW)
        assert failures and _positions(store) == seeded_at_once
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
    reader = threading.Thread(  # a read on the old process, while the span is pending
        target=lambda: answered.append((old.history_ready(*DAY_WINDOW), time.monotonic())))
    try:
        reader.start()
        assert leader.history_ready(*DAY_WINDOW)  # urges the new leader's backfill
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
        assert not wait_for_history(store, *DAY_WINDOW, local=None, timeout_s=0.2)
        assert wait_for_history(store, START - HOUR, START, local=None, timeout_s=0.2)
    finally:
        store.close()


def test_a_just_started_backend_answers_a_day_of_tracks_in_full(launch_backend,
                                                                seeded_at_once):
    """Asked at once for 24 h of fleet tracks, the backend answers every fix of the day,
    as a world seeded before serving has them."""
    import requests

    backend = launch_backend("--seed", "9", "--vessels", "300", "--cameras", "40",
                             "--start", iso_z(START), "--speed", "1", "--no-alerts")
    response = requests.get(
        f"{backend.url}/api/v1/tracks", headers={"Authorization": f"Bearer {TOKEN}"},
        params={"start": iso_z(DAY_WINDOW[0]), "end": iso_z(DAY_WINDOW[1])}, timeout=60)
    assert response.status_code == 200, response.text
    body = wire.FleetTracks.model_validate_json(response.content)
    expected = [r for r in seeded_at_once if DAY_WINDOW[0] <= r[1] <= DAY_WINDOW[1]]
    assert len(body.t) == len(expected)
    assert sorted(body.t) == sorted(r[1] for r in expected)
    assert datetime.fromtimestamp(min(body.t), UTC) < datetime.fromtimestamp(
        START - 20 * HOUR, UTC)  # the older hours are in it

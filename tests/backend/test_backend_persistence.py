"""The backend's database survives a hard kill: SIGKILL while the simulator writes, restart
with the same --db, and nothing committed is lost, the cursor only moves forward, and the
simulator resumes the stored world instead of seeding a new one over operators' data."""

from __future__ import annotations

import signal
import sqlite3
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass

import pytest
import requests
from conftest import TOKEN, RunningBackend, start_backend, stop_backend

from console.sources import wire

# Fast sim (10 sim minutes per real second, a tick every 0.5 s) with a fleet big enough
# that each tick's transaction lasts tens of milliseconds, long enough to be caught in.
FAST = ("--speed", "600", "--vessels", "6000", "--cameras", "60")


def _get(backend: RunningBackend, path: str, **params) -> dict:
    r = requests.get(f"{backend.url}{path}", params=params, timeout=10,
                     headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 200, r.text
    return r.json()


def _act(backend: RunningBackend, incident: str, key: str, **body) -> requests.Response:
    return requests.post(f"{backend.url}/api/v1/incidents/{incident}/actions", json=body,
                         timeout=10, headers={"Authorization": f"Bearer {TOKEN}",
                                              "Idempotency-Key": key})


def _wait_cursor_beyond(backend: RunningBackend, path: str, cursor: int,
                        timeout_s: float = 30.0) -> dict:
    """Poll until the simulator has committed a change past ``cursor`` (bounded)."""
    deadline = time.monotonic() + timeout_s
    while True:
        doc = _get(backend, path, since=cursor)
        if doc["cursor"] > cursor:
            return doc
        if time.monotonic() > deadline:
            pytest.fail(f"{path}: no change past cursor {cursor} within {timeout_s} s")
        time.sleep(0.05)


def _kill(backend: RunningBackend) -> None:
    if backend.proc.poll() is None:
        backend.proc.send_signal(signal.SIGKILL)
    backend.proc.wait(10)
    assert backend.proc.returncode == -signal.SIGKILL


def _kill_mid_write(backend: RunningBackend, db: str, timeout_s: float = 30.0) -> int:
    """SIGKILL the backend while its simulator holds SQLite's write lock, i.e. inside a
    transaction. The probe asks for the lock without waiting: "busy" means a writer is
    mid-transaction (no operator acts meanwhile, so it is the simulator). Returns the
    number of probes. A probe that gets the lock releases it at once."""
    conn = sqlite3.connect(db, timeout=0, isolation_level=None)
    deadline = time.monotonic() + timeout_s
    probes = 0
    try:
        while time.monotonic() < deadline:
            probes += 1
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise
                _kill(backend)
                return probes
            conn.execute("ROLLBACK")
            time.sleep(0.002)
    finally:
        conn.close()
    _kill(backend)
    pytest.fail("the simulator never held the write lock while probed")


@dataclass
class BeforeKill:
    """What clients saw committed before the kill."""

    acknowledged: dict
    assigned: dict
    ack_key: str
    ack_version: int
    vessels: dict
    incidents: dict
    seen_cursor: int


def _operate_then_kill(backend: RunningBackend, db: str,
                       kill_mid_write: Callable[[RunningBackend, str], object] | None = None,
                       ) -> BeforeKill:
    """Two operator decisions, snapshots, then SIGKILL while the simulator writes
    (``kill_mid_write``: how to catch it writing; SQLite's write lock by default)."""
    try:
        doc = _get(backend, "/api/v1/incidents", status="new")
        a, b = doc["features"][0], doc["features"][1]
        key_a = uuid.uuid4().hex
        r = _act(backend, a["id"], key_a, action="acknowledge",
                 expected_version=a["properties"]["version"], actor="op.before-kill")
        assert r.status_code == 200, r.text
        acknowledged = r.json()
        r = _act(backend, b["id"], uuid.uuid4().hex, action="assign", assignee="Đội CSGT số 1",
                 expected_version=b["properties"]["version"], actor="op.before-kill")
        assert r.status_code == 200, r.text
        vessels = _get(backend, "/api/v1/vessels")
        incidents = _get(backend, "/api/v1/incidents")
        seen = _wait_cursor_beyond(backend, "/api/v1/vessels", vessels["cursor"])["cursor"]
        before = BeforeKill(acknowledged, r.json(), key_a, a["properties"]["version"],
                            vessels, incidents, seen)
    except BaseException:
        _kill(backend)
        raise
    (kill_mid_write or _kill_mid_write)(backend, db)
    return before


def _check_nothing_lost(backend: RunningBackend, before: BeforeKill) -> dict:
    after = _get(backend, "/api/v1/incidents")
    assert after["cursor"] >= before.seen_cursor, "the change cursor went backwards"
    by_id = {f["id"]: f for f in after["features"]}
    assert by_id[before.acknowledged["id"]] == before.acknowledged
    assert by_id[before.assigned["id"]] == before.assigned
    # every incident known before the kill is still there, none re-seeded over
    assert {f["id"] for f in before.incidents["features"]} <= set(by_id)
    # a retry of the acknowledgement after the restart replays, never acts twice
    r = _act(backend, before.acknowledged["id"], before.ack_key, action="acknowledge",
             expected_version=before.ack_version, actor="op.before-kill")
    assert r.status_code == 200 and r.headers.get("Idempotency-Replayed") == "true"
    assert r.json() == before.acknowledged
    return after


def _check_same_vessels(backend: RunningBackend, before: BeforeKill) -> None:
    """Anything not reported as changed since the pre-kill snapshot's cursor is
    byte-for-byte what was stored: the same vessels, where they were."""
    changed = _get(backend, "/api/v1/vessels", since=before.vessels["cursor"])
    changed_ids = {f["id"] for f in changed["features"]}
    now = {f["id"]: f for f in _get(backend, "/api/v1/vessels")["features"]}
    assert set(now) == {f["id"] for f in before.vessels["features"]}
    unchanged = [f for f in before.vessels["features"] if f["id"] not in changed_ids]
    assert unchanged, "every vessel changed: the test cannot tell resume from re-seed"
    assert all(now[f["id"]] == f for f in unchanged)


def _check_simulator_resumes(backend: RunningBackend, cursor: int, known: set[str]) -> int:
    """New ticks arrive; new incidents get new ids and overwrite nothing."""
    deadline = time.monotonic() + 60
    while True:
        delta = _wait_cursor_beyond(backend, "/api/v1/incidents", cursor)
        cursor = delta["cursor"]
        fresh = [f["id"] for f in delta["features"]]
        if fresh:
            assert not set(fresh) & known, "a resumed simulator re-created an incident"
            assert min(fresh) > max(known)
            return cursor
        assert time.monotonic() < deadline, "no incident arrived after the restart"


def test_sigkill_mid_write_loses_nothing_committed(tmp_path):
    db = str(tmp_path / "ioc.db")
    first, _ = start_backend(tmp_path, "--db", db, *FAST)
    before = _operate_then_kill(first, db)

    second, _ = start_backend(tmp_path, "--db", db, *FAST)
    try:
        after = _check_nothing_lost(second, before)
        _check_same_vessels(second, before)
        cursor = _check_simulator_resumes(second, after["cursor"],
                                          {f["id"] for f in after["features"]})
        assert _get(second, f"/api/v1/incidents/{before.acknowledged['id']}") == \
            before.acknowledged
        seen_again = _wait_cursor_beyond(second, "/api/v1/vessels", cursor)["cursor"]
    except BaseException:
        _kill(second)
        raise
    _kill_mid_write(second, db)

    third, _ = start_backend(tmp_path, "--db", db, *FAST)
    try:
        assert _get(third, "/api/v1/vessels")["cursor"] >= seen_again
        assert _get(third, f"/api/v1/incidents/{before.assigned['id']}") == before.assigned
    finally:
        assert stop_backend(third) == 0
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_restart_keeps_the_world_and_ignores_a_different_seed(tmp_path):
    """A file that already holds a world is resumed even when the arguments would seed
    another one (a different --seed must not silently replace operators' data)."""
    db = str(tmp_path / "ioc.db")
    first, _ = start_backend(tmp_path, "--db", db, "--seed", "3", "--vessels", "200")
    vessels = {f["id"]: f["properties"]["name"] for f in _get(first, "/api/v1/vessels")["features"]}
    assert stop_backend(first) == 0
    second, _ = start_backend(tmp_path, "--db", db, "--seed", "4", "--vessels", "50")
    try:
        again = {f["id"]: f["properties"]["name"]
                 for f in _get(second, "/api/v1/vessels")["features"]}
        assert again == vessels
        assert "resuming the stored world (seed=3" in second.output()
    finally:
        stop_backend(second)


def test_incremental_poll_across_a_restart_neither_misses_nor_repeats(tmp_path):
    """A console polling with its cursor through a restart sees each change exactly once:
    what it fetched before is not sent again, what happened after is sent."""
    db = str(tmp_path / "ioc.db")
    first, _ = start_backend(tmp_path, "--db", db, "--vessels", "300")
    doc = _get(first, "/api/v1/incidents", status="new")
    target = doc["features"][0]
    cursor = _get(first, "/api/v1/incidents")["cursor"]
    assert stop_backend(first) == 0

    second, _ = start_backend(tmp_path, "--db", db, "--vessels", "300")
    try:
        r = _act(second, target["id"], uuid.uuid4().hex, action="acknowledge",
                 expected_version=target["properties"]["version"], actor="op.after")
        assert r.status_code == 200
        delta = wire.IncidentCollection.model_validate(
            _get(second, "/api/v1/incidents", since=cursor))
        ids = [f.id for f in delta.features]
        assert target["id"] in ids  # not missed
        again = _get(second, "/api/v1/incidents", since=delta.cursor)
        assert target["id"] not in {f["id"] for f in again["features"]}  # not repeated
    finally:
        stop_backend(second)

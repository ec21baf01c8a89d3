"""PostgreSQL only: what several processes sharing one database must keep true.

- a SIGKILL while the simulator writes loses nothing committed, and the cursor only
  moves forward (the SQLite test in test_backend_persistence.py, on PostgreSQL);
- ``--workers 2`` behind one port: exactly one worker simulates, a decision made through
  one worker is seen through the other, cursors never go back whichever answers,
  concurrent decisions through both keep the audit chain whole and an Idempotency-Key
  acts once; when the leader dies another worker takes over and the world goes on;
- ``python -m backend.audit verify --db postgresql://…`` checks the chain.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
import uuid

import pg
import pytest
import requests
from conftest import REPO, TOKEN, RunningBackend, raw_sql, start_backend, stop_backend
from test_backend_persistence import (
    FAST,
    _check_nothing_lost,
    _check_same_vessels,
    _check_simulator_resumes,
    _kill,
    _operate_then_kill,
)

from backend.dialect import _WRITER

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def pg_database():
    pg.require()
    url, schema = pg.new_schema()
    yield url, schema
    pg.drop_schema(schema)


def _writer_lock_held(schema: str) -> bool:
    """Is some session inside a write transaction of this schema's backend (holding the
    writers' advisory lock)?"""
    import psycopg

    with psycopg.connect(pg.base_url(), autocommit=True) as conn:
        return conn.execute(
            "SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted "
            "AND classid::bigint = %s AND objid::bigint = (hashtext(%s)::bigint & 4294967295)",
            (_WRITER, schema)).fetchone() is not None


def _kill_mid_write_pg(schema: str):
    def kill(backend: RunningBackend, _db: str) -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if _writer_lock_held(schema):
                _kill(backend)
                return
        _kill(backend)
        pytest.fail("the simulator never held the writers' lock while probed")
    return kill


def test_sigkill_mid_write_loses_nothing_committed_on_postgresql(tmp_path, pg_database):
    db, schema = pg_database
    first, _ = start_backend(tmp_path, "--db", db, *FAST)
    before = _operate_then_kill(first, db, _kill_mid_write_pg(schema))

    second, _ = start_backend(tmp_path, "--db", db, *FAST)
    try:
        after = _check_nothing_lost(second, before)
        _check_same_vessels(second, before)
        _check_simulator_resumes(second, after["cursor"], {f["id"] for f in after["features"]})
        assert "resuming the stored world" in second.output()
    finally:
        assert stop_backend(second) == 0
    done = _verify(db)
    assert done.returncode == 0, done.stdout + done.stderr


def _verify(db: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "backend.audit", "verify", "--db", db],
                          cwd=REPO, capture_output=True, text=True, timeout=60, check=False)


class Worker:
    """A keep-alive connection that stays on one worker process (uvicorn keeps a
    connection in the process that accepted it)."""

    def __init__(self, backend: RunningBackend, session: requests.Session, pid: int) -> None:
        self.backend, self.session, self.pid = backend, session, pid

    def health(self) -> requests.Response:
        r = self.session.get(f"{self.backend.url}/health", timeout=10)
        assert r.headers["X-Backend-Worker"] == str(self.pid), "the connection moved"
        return r

    def get(self, path: str, **params) -> dict:
        r = self.session.get(f"{self.backend.url}{path}", params=params, timeout=10,
                             headers=AUTH)
        assert r.status_code == 200, r.text
        return r.json()

    def post(self, path: str, body: dict, key: str) -> requests.Response:
        return self.session.post(f"{self.backend.url}{path}", json=body, timeout=10,
                                 headers={**AUTH, "Idempotency-Key": key})


def _workers(backend: RunningBackend, count: int, timeout_s: float = 60) -> list[Worker]:
    """One connection to each of ``count`` different worker processes: new connections
    until the kernel has handed them to as many processes (bounded)."""
    found: dict[int, Worker] = {}
    spare: list[requests.Session] = []
    deadline = time.monotonic() + timeout_s
    while len(found) < count:
        assert time.monotonic() < deadline, f"only reached workers {sorted(found)}"
        session = requests.Session()
        pid = int(session.get(f"{backend.url}/health", timeout=10).headers["X-Backend-Worker"])
        if pid in found:
            spare.append(session)  # held open so the next connection goes elsewhere
        else:
            found[pid] = Worker(backend, session, pid)
    for session in spare:
        session.close()
    return list(found.values())


def _leaders(workers: list[Worker]) -> list[int]:
    return [w.pid for w in workers if w.health().headers["X-Backend-Role"] == "leader"]


def _wait(condition, what: str, timeout_s: float = 30):
    deadline = time.monotonic() + timeout_s
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"{what} within {timeout_s} s")
        time.sleep(0.1)


def test_workers_share_one_database(tmp_path, pg_database):
    db, _ = pg_database
    backend, _ = start_backend(tmp_path, "--db", db, "--workers", "2", "--vessels", "200",
                               "--speed", "600", timeout_s=120)  # two workers start at once
    try:
        a, b = _workers(backend, 2)
        assert len(_wait(lambda: _leaders([a, b]), "no worker leads")) == 1
        leader, follower = (a, b) if _leaders([a, b]) == [a.pid] else (b, a)

        # a decision through one worker is seen through the other
        incident = follower.get("/api/v1/incidents", status="new")["features"][0]
        since = follower.get("/api/v1/incidents")["cursor"]
        r = leader.post(f"/api/v1/incidents/{incident['id']}/actions",
                        {"action": "acknowledge", "actor": "op.a",
                         "expected_version": incident["properties"]["version"]},
                        uuid.uuid4().hex)
        assert r.status_code == 200, r.text
        seen = follower.get("/api/v1/incidents", since=since)
        assert r.json() in seen["features"]

        # cursors never go back, whichever worker answers
        last = 0
        for i in range(30):
            cursor = (a if i % 2 else b).get("/api/v1/vessels", since=last)["cursor"]
            assert cursor >= last
            last = cursor

        # both clocks tell the same sim time (within the request gap), once the follower
        # has read the leader's clock (it looks every leader.CHECK_S)
        def clocks_agree() -> bool:
            t_a = _server_time(a)
            t_b = _server_time(b)
            t_a2 = _server_time(a)
            return t_a - 30 <= t_b <= t_a2 + 30  # 30 sim s = 0.05 real s at --speed 600

        _wait(clocks_agree, "the workers' clocks never agreed", timeout_s=10)

        _concurrent_decisions(a, b, db)

        # the leader dies: another worker takes over — the follower, or the worker the
        # supervisor starts in its place, whichever asks first — and the world goes on
        resumed = backend.output().count("resuming the stored world")
        os.kill(leader.pid, signal.SIGKILL)
        # (bounded: the new leader resumes the stored world first, slower on a busy machine)
        _wait(lambda: backend.output().count("resuming the stored world") > resumed,
              "no worker took over", timeout_s=90)
        cursor = follower.get("/api/v1/vessels")["cursor"]
        _wait_cursor_beyond_on(follower, cursor)
        survivors = _workers(backend, 2)
        assert leader.pid not in [w.pid for w in survivors]
        assert len(_leaders(survivors)) == 1, "exactly one worker leads after the takeover"
        assert "starting another" in backend.output()  # the supervisor replaced the dead one
        # the alerts had one writer at a time, and the new one resumed the old one's state:
        # every occurrence once, at most one active per condition (test_backend_alerts)
        alerts = survivors[0].get("/api/v1/alerts", since=0)["alerts"]
        assert alerts
        assert len({(x["key"], x["onset"]) for x in alerts}) == len(alerts)
        active = [x["key"] for x in alerts if x["active"]]
        assert len(set(active)) == len(active)
    finally:
        # a replacement worker may be mid-start (building its fleet): give it time
        assert stop_backend(backend, timeout=20) == 0, backend.output()[-3000:]
    done = _verify(db)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "audit log intact" in done.stdout


def _server_time(worker: Worker) -> float:
    from datetime import datetime

    return datetime.fromisoformat(worker.health().json()["server_time"]).timestamp()


def _wait_cursor_beyond_on(worker: Worker, cursor: int) -> None:
    _wait(lambda: worker.get("/api/v1/vessels", since=cursor)["cursor"] > cursor,
          "the new leader wrote nothing")


def _concurrent_decisions(a: Worker, b: Worker, db: str) -> None:
    """Alerts acknowledged through both workers at once: each commit has a change
    sequence of its own, one Idempotency-Key posted to both acts once, and the audit chain
    stays linear."""
    raised = "2026-11-22T05:00:00Z"
    rounds = 8
    together = threading.Barrier(2)
    results: dict[int, list[requests.Response]] = {a.pid: [], b.pid: []}
    shared: list[requests.Response] = []
    lock = threading.Lock()

    def act(worker: Worker) -> None:
        for n in range(rounds):
            together.wait(30)  # both workers' requests in flight at the same moment
            r = worker.post("/api/v1/alerts/actions", {
                "key": f"cam:cam-{worker.pid}-{n}:offline", "raised_at": raised,
                "action": "acknowledge", "actor": "op"}, uuid.uuid4().hex)
            results[worker.pid].append(r)
        together.wait(30)
        r = worker.post("/api/v1/alerts/actions", {
            "key": "cam:cam-shared:offline", "raised_at": raised, "action": "acknowledge",
            "actor": "op"}, "the-same-key-through-both-workers")
        with lock:
            shared.append(r)

    # one thread per worker connection (a requests.Session is not shared between threads)
    threads = [threading.Thread(target=act, args=(w,)) for w in (a, b)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(90)
    codes = [r.status_code for rs in results.values() for r in rs]
    assert codes == [200] * (2 * rounds), [r.text for rs in results.values() for r in rs]
    assert [r.status_code for r in shared] == [200, 200], [r.text for r in shared]
    assert sorted(r.headers.get("Idempotency-Replayed", "") for r in shared) == ["", "true"]
    assert shared[0].json() == shared[1].json()
    page = a.get("/api/v1/audit", limit=10_000)
    acks = [e for e in page["entries"] if e["action"] == "alert.acknowledge"]
    assert len(acks) == 2 * rounds + 1  # the shared key acted once
    ids = [e["id"] for e in page["entries"]]
    assert ids == list(range(1, len(ids) + 1))
    with raw_sql(db) as conn:  # one change sequence per committed decision
        seqs = [r[0] for r in conn.execute("SELECT seq FROM records WHERE kind = 'alert'")]
    assert len(seqs) == len(set(seqs)) == 2 * rounds + 1


def _stream_on(worker: Worker, last_event_id: str | None = None) -> requests.Response:
    """The change stream of alert decisions on `worker`'s own connection (its process)."""
    headers = dict(AUTH)
    if last_event_id is not None:
        headers["Last-Event-ID"] = last_event_id
    r = worker.session.get(f"{worker.backend.url}/api/v1/stream", headers=headers,
                           params={"kinds": "alert_decisions", "heartbeat_s": 0.5},
                           stream=True, timeout=(5, 10))
    assert r.status_code == 200, r.text
    return r


def _read_until(response: requests.Response, done, timeout_s: float = 20.0) -> list:
    from console.sources.stream import SseParser

    parser, events = SseParser(), []
    deadline = time.monotonic() + timeout_s
    while not done(events):
        assert time.monotonic() < deadline, f"stream: condition not met, {events}"
        chunk = response.raw.read1(65536)
        assert chunk, "the stream ended"
        events += parser.feed(chunk)
    return events


def _decided(events: list) -> list[str]:
    from console.sources import wire

    return [d.key for e in events if e.name == "alert_decisions"
            for d in wire.AlertDecisions.model_validate_json(e.data).decisions]


def _ack(worker: Worker, key: str) -> None:
    r = worker.post("/api/v1/alerts/actions", {"key": key, "action": "acknowledge",
                                               "raised_at": "2026-11-20T03:00:00Z"},
                    uuid.uuid4().hex)
    assert r.status_code == 200, r.text


def test_stream_carries_and_resumes_across_workers(tmp_path, pg_database):
    """A decision committed through one worker reaches a stream served by the other, and
    a stream cut on one worker resumes on the other from its event id: no gap, no
    duplicate (the cursor lives in the database, not in either process)."""
    db, _ = pg_database
    backend, _ = start_backend(tmp_path, "--db", db, "--workers", "2", "--vessels", "200",
                               "--speed", "0.01", timeout_s=120)
    try:
        a, b = _workers(backend, 2)
        stream_a = _stream_on(a)
        for i in range(3):
            _ack(b, f"test:workers:{i}")  # committed by the other process
        got = _read_until(stream_a, lambda ev: len(_decided(ev)) == 3)
        assert _decided(got) == [f"test:workers:{i}" for i in range(3)]
        last_id = got[-1].id
        stream_a.close()
        for i in range(3, 5):
            _ack(a, f"test:workers:{i}")
        stream_b = _stream_on(b, last_event_id=last_id)
        resumed = _read_until(stream_b, lambda ev: bool(ev) and ev[-1].name == "heartbeat")
        stream_b.close()
        assert _decided(resumed) == ["test:workers:3", "test:workers:4"]
    finally:
        assert stop_backend(backend, timeout=20) == 0, backend.output()[-3000:]

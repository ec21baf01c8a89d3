"""The backend under a control room's load, PostgreSQL (4 workers) beside SQLite (1):

- 20 consoles' worth of clients, each polling as a console does (console.settings
  PollIntervals: vessels every 2 s — its own map view as a bbox, table rows, paged, with
  its cursor — incidents every 3 s, stations every 5 s, cameras every 10 s, alert
  decisions every 3 s), all incremental after the first full answer;
- one writer at 10,000 fixes/s: the simulator itself, 20,000 vessels reporting every
  2 sim hours at 3,600x (a 0.5 s tick commits ~5,000 fixes and their vessels).

Figures: backend_load_{pg,sqlite}_rps (answered requests per second), _p95_ms (request
to full answer, as a console's client sees it), _errors (non-200 or failed requests), and
the fixes/s the writer actually committed (context). Poll-only: written before the
change stream (GET /api/v1/stream) was merged, so no stream clients are simulated yet.

The load generator is threads + requests sessions in this process (about one request
per second per console, a few per cent of a core), so the figures are the server's.
PostgreSQL: $IOC_BENCH_PG_URL, else $IOC_TEST_PG_URL, else the cluster that
.ci/setup.d/40-postgresql.sh makes; the bench works in a schema of its own, dropped after.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import requests

from bench.report import context, figure, machine, percentile

CONSOLES = 20
VESSELS = int(os.environ.get("IOC_BENCH_LOAD_VESSELS", "20000"))
SPEED = 3600.0  # 20,000 vessels x 1 fix / 7,200 sim s x 3,600 = 10,000 fixes/s
WARMUP_S = 8.0
MEASURE_S = 60.0
PG_WORKERS = 4
TOKEN = "bench-token-0123456789"
ROOT = Path(__file__).resolve().parents[1]
PG_DEFAULT = "postgresql://ioc_test:ioc_test@127.0.0.1:54329/ioc_test"
# (path, seconds between polls); vessels carry the console's bbox
SCHEDULE = (("/api/v1/vessels", 2.0), ("/api/v1/incidents", 3.0), ("/api/v1/stations", 5.0),
            ("/api/v1/cameras", 10.0), ("/api/v1/alerts/decisions", 3.0))
AREA = (108.6, 13.0, 110.6, 14.8)  # the province's land and sea, where consoles look


@dataclass
class Tally:
    latencies_ms: list[float] = field(default_factory=list)
    errors: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, ms: float | None) -> None:
        with self.lock:
            if ms is None:
                self.errors += 1
            else:
                self.latencies_ms.append(ms)


def _console(url: str, n: int, stop: threading.Event, measuring: threading.Event,
             tally: Tally) -> None:
    rng = random.Random(n)
    span = rng.uniform(0.3, 1.5)
    lon = rng.uniform(AREA[0], AREA[2] - span)
    lat = rng.uniform(AREA[1], AREA[3] - span * 0.6)
    bbox = f"{lon:.4f},{lat:.4f},{lon + span:.4f},{lat + span * 0.6:.4f}"
    cursors: dict[str, int | None] = {path: None for path, _ in SCHEDULE}
    due = {path: time.monotonic() + rng.uniform(0, every) for path, every in SCHEDULE}
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {TOKEN}"
    while not stop.is_set():
        path = min(due, key=due.__getitem__)
        wait = due[path] - time.monotonic()
        if wait > 0 and stop.wait(wait):
            break
        params: dict[str, object] = {}
        if cursors[path] is not None:
            params["since"] = cursors[path]
        if path == "/api/v1/vessels":
            params.update(bbox=bbox, format="rows", limit=5000)
        began = time.perf_counter()
        try:
            while True:  # a vessel poll follows its pages to the end, like the console
                r = session.get(f"{url}{path}", params=params, timeout=30)
                if r.status_code != 200:
                    raise RuntimeError(r.status_code)
                doc = r.json()
                if doc.get("next_after") is None:
                    break
                params.update(since=doc["cursor"], after=doc["next_after"])
            cursors[path] = doc["cursor"]
            ms: float | None = (time.perf_counter() - began) * 1000
        except (requests.RequestException, RuntimeError, ValueError):
            ms = None
        if measuring.is_set():
            tally.add(ms)
        due[path] += dict(SCHEDULE)[path]


def _start(db: str, workers: int) -> tuple[subprocess.Popen, str]:
    env = {k: v for k, v in os.environ.items() if k != "IOC_BACKEND_DB"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "backend", "--port", "0", "--db", db, "--token", TOKEN,
         "--vessels", str(VESSELS), "--speed", f"{SPEED:g}", "--workers", str(workers),
         "--log-level", "warning"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("IOC-BACKEND LISTENING "):
            url = line.split()[-1]
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:  # the workers may still be starting
                try:
                    if requests.get(f"{url}/health", timeout=5).ok:
                        return proc, url
                except requests.RequestException:
                    pass
                time.sleep(0.2)
            break
    proc.kill()
    raise RuntimeError("backend did not start")


def _stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def _fixes_committed(count_positions, seconds: float) -> tuple[float, float]:
    before = count_positions()
    began = time.perf_counter()
    time.sleep(seconds)
    return count_positions() - before, time.perf_counter() - began


def _writer_running(count_positions, timeout_s: float = 900) -> None:
    """Until the simulator has committed a tick (a new leader first builds its fleet)."""
    deadline = time.monotonic() + timeout_s
    first = count_positions()
    while count_positions() == first:
        if time.monotonic() > deadline:
            raise RuntimeError("the simulator never wrote")
        time.sleep(1.0)


def _measure(url: str, count_positions) -> tuple[float, float, int, float]:
    """(rps, p95 ms, errors, writer fixes/s) over MEASURE_S after WARMUP_S."""
    _writer_running(count_positions)
    stop, measuring, tally = threading.Event(), threading.Event(), Tally()
    threads = [threading.Thread(target=_console, args=(url, n, stop, measuring, tally),
                                daemon=True) for n in range(CONSOLES)]
    for t in threads:
        t.start()
    time.sleep(WARMUP_S)  # first full answers, then only changes
    measuring.set()
    fixes, elapsed = _fixes_committed(count_positions, MEASURE_S)
    measuring.clear()
    stop.set()
    for t in threads:
        t.join(35)
    answered = len(tally.latencies_ms)
    p95 = percentile(tally.latencies_ms, 95) if answered else float("nan")
    return answered / elapsed, p95, tally.errors, fixes / elapsed


def _pg_url() -> str | None:
    url = os.environ.get("IOC_BENCH_PG_URL") or os.environ.get("IOC_TEST_PG_URL") or PG_DEFAULT
    try:
        import psycopg

        with psycopg.connect(url, connect_timeout=3):
            return url
    except Exception:
        return None


def _run_pg(base: str) -> None:
    import psycopg

    schema = f"bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    url = f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema},public"
    conn = psycopg.connect(url, autocommit=True)
    try:
        proc, http = _start(url, PG_WORKERS)
        try:
            rps, p95, errors, rate = _measure(
                http, lambda: conn.execute("SELECT count(*) FROM positions").fetchone()[0])
        finally:
            _stop(proc)
    finally:
        conn.close()
        with psycopg.connect(base, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")
    context(f"postgresql, {PG_WORKERS} workers: writer committed {rate:.0f} fixes/s")
    figure("backend_load_pg_rps", rps, "req/s")
    figure("backend_load_pg_p95_ms", p95, "ms")
    figure("backend_load_pg_errors", errors, "requests")


def _run_sqlite() -> None:
    import sqlite3

    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "load.db")
        proc, http = _start(db, 1)
        conn = sqlite3.connect(db, timeout=10)
        try:
            rps, p95, errors, rate = _measure(
                http, lambda: conn.execute("SELECT count(*) FROM positions").fetchone()[0])
        finally:
            conn.close()
            _stop(proc)
    context(f"sqlite, 1 worker: writer committed {rate:.0f} fixes/s")
    figure("backend_load_sqlite_rps", rps, "req/s")
    figure("backend_load_sqlite_p95_ms", p95, "ms")
    figure("backend_load_sqlite_errors", errors, "requests")


def run() -> None:
    context(f"{machine()}; {CONSOLES} consoles polling (no stream clients), "
            f"{VESSELS} vessels at {SPEED:g}x = {VESSELS * SPEED / 7200:.0f} fixes/s offered, "
            f"{MEASURE_S:g} s measured after warm-up; load generator in this process")
    base = _pg_url()
    if base is None:
        context("PostgreSQL not reachable (IOC_BENCH_PG_URL / IOC_TEST_PG_URL): pg skipped")
    else:
        _run_pg(base)
    _run_sqlite()


if __name__ == "__main__":
    run()

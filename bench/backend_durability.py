"""What durability costs the backend, measured on a real `python -m backend --db FILE`:

- backend_fresh_start_s: process start to LISTENING with an empty file (seeds a world);
- backend_decision_ms_p50 / p95: one operator decision over HTTP (alert acknowledgement:
  idempotency check, audit-chain append, fsync'd commit) from request to answer;
- backend_resume_s: start to LISTENING after a SIGKILL landed while the simulator held
  the write lock (reopens the file and resumes the stored world, no seeding);
- audit_verify_ms: `python -m backend.audit verify` over the resulting log, whole process.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import requests

from bench.report import context, figure, percentile

DECISIONS = 200
TOKEN = "bench-token"
ROOT = Path(__file__).resolve().parents[1]


def start_backend(db: Path, speed: float = 3600) -> tuple[subprocess.Popen, str, float]:
    """`python -m backend` on a free port: (process, URL, seconds to LISTENING)."""
    began = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "backend", "--port", "0", "--db", str(db), "--speed", str(speed),
         "--token", TOKEN, "--log-level", "warning"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("IOC-BACKEND LISTENING "):
            return proc, line.split()[-1], time.perf_counter() - began
    raise RuntimeError("backend exited before listening")


def _kill_mid_write(proc: subprocess.Popen, db: Path) -> None:
    """SIGKILL as soon as a probe finds the write lock held (the simulator mid-tick)."""
    conn = sqlite3.connect(db, timeout=0, isolation_level=None)
    deadline = time.monotonic() + 30
    try:
        while time.monotonic() < deadline:
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError:
                break
            conn.execute("ROLLBACK")
            time.sleep(0.002)
    finally:
        conn.close()
    proc.send_signal(signal.SIGKILL)
    proc.wait()


def _decisions(session: requests.Session, url: str) -> list[float]:
    times = []
    for i in range(DECISIONS):
        body = {"key": f"bench:{i}", "action": "acknowledge",
                "raised_at": "2026-11-20T00:00:00Z", "comment": "bench"}
        start = time.perf_counter()
        r = session.post(f"{url}/api/v1/alerts/actions", json=body, timeout=30,
                         headers={"Idempotency-Key": uuid.uuid4().hex})
        times.append((time.perf_counter() - start) * 1000)
        r.raise_for_status()
    return times


def run() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        proc, url, fresh_s = start_backend(db)
        session = requests.Session()
        session.headers["Authorization"] = f"Bearer {TOKEN}"
        try:
            decision_ms = _decisions(session, url)
            cursor = session.get(f"{url}/api/v1/alerts/decisions", timeout=30).json()["cursor"]
        except BaseException:
            proc.kill()
            raise
        _kill_mid_write(proc, db)
        size_mb = sum(p.stat().st_size for p in Path(tmp).iterdir()) / 1e6
        proc, url, resume_s = start_backend(db)
        try:
            after = session.get(f"{url}/api/v1/alerts/decisions", timeout=30).json()
        finally:
            proc.terminate()
            proc.wait(10)
        began = time.perf_counter()
        verified = subprocess.run([sys.executable, "-m", "backend.audit", "verify", "--db",
                                   str(db)], cwd=ROOT, capture_output=True, text=True,
                                  check=False)
        verify_ms = (time.perf_counter() - began) * 1000
    load = os.getloadavg()[0]
    context(f"workload: 3242 vessels, --speed 3600; {DECISIONS} alert acknowledgements one "
            f"after another over HTTP; SIGKILL mid-write after cursor {cursor}, file "
            f"{size_mb:.1f} MB; {os.cpu_count()} cores, load average {load:.1f}")
    context(f"after the restart: {len(after['decisions'])} of {DECISIONS} decisions, "
            f"cursor {after['cursor']}; verify: {verified.stdout.strip()}")
    figure("backend_fresh_start_s", fresh_s, "s")
    figure("backend_decision_ms_p50", percentile(decision_ms, 50), "ms")
    figure("backend_decision_ms_p95", percentile(decision_ms, 95), "ms")
    figure("backend_resume_s", resume_s, "s")
    figure("audit_verify_ms", verify_ms, "ms")

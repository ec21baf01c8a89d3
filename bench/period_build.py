"""`period_24h_build_s`: building the archive of a past 24 h for the whole province from
the backend's history endpoints (console/archive/history.py), as File › Open period and
`main.py --report --backend` do: stations' 10-minute history, the fleet's tracks in 6 h
windows, incidents and cameras, written to a GeoPackage. Against the reference backend
started on loopback (its default fleet and station network); the timed part is the whole
build, from the first request to the closed file."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.report import context, figure, machine_context

ROOT = Path(__file__).resolve().parents[1]


def _start_backend(token: str) -> tuple[subprocess.Popen, str]:
    from console.backend_process import backend_args

    env = dict(os.environ, IOC_BACKEND_TOKEN=token, PYTHONUNBUFFERED="1")
    process = subprocess.Popen(
        [sys.executable, *backend_args(seed=7, speed=60)], cwd=ROOT, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )
    assert process.stdout is not None
    deadline = time.monotonic() + 120
    for line in process.stdout:
        if line.startswith("IOC-BACKEND LISTENING "):
            return process, line.split()[-1]
        if time.monotonic() > deadline:
            break
    process.kill()
    raise RuntimeError("the reference backend did not start")


def run() -> None:
    from console.archive.history import build_period_archive
    from console.archive.reader import read_archive
    from console.sources.rest_v1 import RestClient

    token = secrets.token_hex(16)
    process, url = _start_backend(token)
    client = RestClient(url, token)
    try:
        now = client.health().server_time
        with tempfile.TemporaryDirectory(prefix="ioc-bench-period-") as tmp:
            path = Path(tmp) / "period.gpkg"
            steps: list[int] = []
            t0 = time.perf_counter()
            build_period_archive(client, now - 24 * 3600, now, path,
                                 progress=lambda done, total, what: steps.append(total))
            elapsed = time.perf_counter() - t0
            data = read_archive(path)
            size_mb = path.stat().st_size / 1e6
        observations = sum(len(t) for t, _ in data.obs.values())
        context(
            f"workload: whole province, 24 h; {len(data.stations)} stations "
            f"({observations} readings), {len(data.vessels)} vessels ({len(data.fix_t)} "
            f"fixes), {len(data.incident_versions)} incidents, {len(data.camera_states)} "
            f"cameras; {steps[-1] if steps else 0} history requests after the collections; "
            f"archive {size_mb:.1f} MB; reference backend on loopback"
        )
        machine_context()
        figure("period_24h_build_s", elapsed, "s")
    finally:
        client.close()
        process.terminate()
        process.wait(10)

"""ingest_updates_per_s and ingest_stall_ms_max: sustained ingest of VMS position updates
through the real client path — backend (HTTP, incremental `since` polling) -> RestClient
parse on a worker -> VesselStore -> rules engine (zones, boundary, dark) -> layers and
lists — while a 5 ms GUI-thread timer records the longest event-loop stall.

The reference backend runs with a large fleet and a fast clock so fixes arrive faster
than the 10,000/s target; the figure is what the console actually applied."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from bench.live_common import isolate_dirs, open_window
from bench.report import StallMeter, context, figure, machine_context, percentile
from console.backend_process import backend_args

VESSELS = 20_000
SPEED = 5400.0  # 1.5 h of sim per second: a fix every 1.33 s per vessel -> 15,000 fixes/s offered
MEASURE_S = 20.0


def start_backend(token: str) -> tuple[subprocess.Popen, str]:
    env = dict(os.environ, IOC_BACKEND_TOKEN=token, PYTHONUNBUFFERED="1")
    extra = ["--vessels", str(VESSELS), "--log-level", "warning"]
    args = [sys.executable, *backend_args(seed=7, speed=SPEED, extra=extra)]
    proc = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("IOC-BACKEND LISTENING "):
            return proc, line.split()[-1]
    raise SystemExit("backend did not start")


def measure(app) -> tuple[dict, StallMeter, float]:
    """Count applied updates for MEASURE_S seconds while the stall meter runs."""
    from PySide6.QtCore import QEventLoop, QTimer

    counted: dict = {"n": 0, "batches": []}

    def on_changed(change) -> None:
        ids = getattr(change, "ids", change)
        counted["n"] += len(ids)
        counted["batches"].append(len(ids))

    settle = QEventLoop()  # 5 s for the first full pages, then measure
    QTimer.singleShot(5000, settle.quit)
    settle.exec()
    app.vessels.changed.connect(on_changed)
    stall = StallMeter().start()
    start = time.perf_counter()
    loop = QEventLoop()
    QTimer.singleShot(int(MEASURE_S * 1000), loop.quit)
    loop.exec()
    elapsed = time.perf_counter() - start
    stall.stop()
    app.vessels.changed.disconnect(on_changed)
    return counted, stall, elapsed


def run() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    isolate_dirs()
    from PySide6.QtWidgets import QApplication

    from console.settings import PollIntervals, Settings

    token = "bench-token-0123456789"
    proc, url = start_backend(token)
    try:
        _qt = QApplication.instance() or QApplication([])
        settings = Settings(backend_url=url, token=token, poll=PollIntervals(vessels=0.25),
                            push=os.environ.get("IOC_BENCH_PUSH", "1") == "1")
        # open_window has the production GC policy (main.py): collected on the GUI
        # thread only, what start-up allocated frozen once the picture is complete
        _qt, app, window = open_window(settings, 240_000, size=(1600, 1000))
        counted, stall, elapsed = measure(app)
        rate = counted["n"] / elapsed
        batches = counted["batches"]
        context(
            f"workload: backend --vessels {VESSELS} --speed {SPEED:g} (a fix every "
            f"{7200 / SPEED:g} s per vessel), console polling vessels every 0.25 s; "
            f"{counted['n']} updates applied in {elapsed:.1f} s in {len(batches)} batches "
            f"(median {percentile(batches, 50) if batches else 0:.0f}); stall = longest "
            f"gap between event-loop turns (p99 {stall.p99_ms():.1f} ms; the GUI thread's "
            f"CPU time in one turn at most {stall.busy_max_ms:.1f} ms; the rest of a "
            "gap is waiting for a core or the GIL); backend and console share the machine"
        )
        machine_context()
        figure("ingest_updates_per_s", rate, "updates/s")
        figure("ingest_stall_ms_max", stall.max_ms, "ms")
        window.close()
    finally:
        proc.terminate()
        proc.wait(10)

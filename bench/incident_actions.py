"""inspector_incident_panel_ms_p50 / p95: GUI-thread time to show an incident in the
inspector (attribute tree + detail panel: actions, audit trail, nearest cameras /
station / duplicates); outbox_action_roundtrip_ms_p50 / p95: operator action to the
backend's accepted answer applied in the console (persist to SQLite on a worker, POST,
apply), against the embedded demo backend on loopback."""

from __future__ import annotations

import os
import time
from typing import Any

from bench.live_common import open_window
from bench.report import context, figure, percentile

PANELS = 40
ACTIONS = 20


def _time_panels(qt_app: Any, window: Any) -> list[float]:
    from widgets.record_items import show_item

    incidents = window.app.incidents.records()
    times = []
    for i in range(PANELS):
        start = time.perf_counter()
        show_item(window, "incidents", incidents[i % len(incidents)].id)
        times.append((time.perf_counter() - start) * 1000)
        qt_app.processEvents()
    return times


def _time_actions(app: Any) -> tuple[list[float], int, float]:
    """Acknowledge up to ACTIONS new incidents one after another; per-action latency."""
    from PySide6.QtCore import QEventLoop, QTimer

    candidates = [i for i in app.incidents.records() if i.status == "new"][:ACTIONS]
    times: list[float] = []
    t0 = time.perf_counter()
    for incident in candidates:
        loop = QEventLoop()
        done: dict[str, float] = {}

        def on_sent(_key: str, _incident: object, d: dict = done, lp: QEventLoop = loop) -> None:
            d["t"] = time.perf_counter()
            lp.quit()

        app.outbox.sent.connect(on_sent)
        QTimer.singleShot(15_000, loop.quit)
        start = time.perf_counter()
        app.outbox.queue(incident, "acknowledge", "bench")
        loop.exec()
        app.outbox.sent.disconnect(on_sent)
        if "t" in done:
            times.append((done["t"] - start) * 1000)
    return times, len(candidates), time.perf_counter() - t0


def run() -> None:
    from console.settings import Settings

    # open_window isolates the config/data dirs: the bench's outbox is throw-away
    qt_app, app, window = open_window(Settings(operator="bench"))
    panel_ms = _time_panels(qt_app, window)
    roundtrip, asked, total_s = _time_actions(app)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    context(
        f"workload: {PANELS} incident panels over {len(app.incidents)} incidents, "
        f"{len(app.cameras)} cameras, {len(app.stations)} stations; {asked} acknowledge "
        f"actions sent one after another; load average {load:.1f} on 2 shared cores"
    )
    figure("inspector_incident_panel_ms_p50", percentile(panel_ms, 50), "ms")
    figure("inspector_incident_panel_ms_p95", percentile(panel_ms, 95), "ms")
    if roundtrip:
        figure("outbox_action_roundtrip_ms_p50", percentile(roundtrip, 50), "ms")
        figure("outbox_action_roundtrip_ms_p95", percentile(roundtrip, 95), "ms")
        figure("outbox_actions_per_s", len(roundtrip) / total_s, "actions/s")
    if len(roundtrip) != asked:
        context(f"only {len(roundtrip)} of {asked} actions were accepted within 15 s each")
    window.close()

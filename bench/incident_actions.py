"""inspector_incident_panel_ms_p50 / p95: GUI-thread time to show an incident in the
inspector (attribute tree + detail panel: actions, audit trail, nearest cameras /
station / duplicates); outbox_action_roundtrip_ms_p50 / p95: operator action to the
backend's accepted answer applied in the console (persist to SQLite on a worker, POST,
apply), against the embedded demo backend on loopback."""

from __future__ import annotations

import time
from typing import Any

from bench.live_common import open_window
from bench.report import context, figure, machine_context, percentile

PANELS = 40
ACTIONS = 20
ACTION_TIMEOUT_S = 15.0


def _time_panels(qt_app: Any, window: Any) -> list[float]:
    """Time until the operator sees the panel: building it, its layout and its paint."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from widgets.record_items import show_item

    incidents = window.app.incidents.records()
    inspector = window.inspector
    times = []
    for i in range(PANELS):
        start = time.perf_counter()
        show_item(window.shell, "incidents", incidents[i % len(incidents)].id)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)  # lay it out
        inspector.repaint()  # and paint it, as the next turn would
        times.append((time.perf_counter() - start) * 1000)
        qt_app.processEvents()
    return times


def _time_actions(app: Any) -> tuple[list[float], int, float]:
    """Acknowledge up to ACTIONS new incidents one after another; per-action latency.
    An action not accepted within ACTION_TIMEOUT_S counts at that time (censored), never
    dropped: a percentile that left out the slowest actions would flatter the figure."""
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
        QTimer.singleShot(int(ACTION_TIMEOUT_S * 1000), loop.quit)
        start = time.perf_counter()
        app.outbox.queue(incident, "acknowledge", "bench")
        loop.exec()
        app.outbox.sent.disconnect(on_sent)
        times.append((done.get("t", start + ACTION_TIMEOUT_S) - start) * 1000)
    return times, len(candidates), time.perf_counter() - t0


def run() -> None:
    from console.settings import Settings

    # open_window isolates the config/data dirs: the bench's outbox is throw-away
    qt_app, app, window = open_window(Settings(operator="bench"))
    panel_ms = _time_panels(qt_app, window)
    roundtrip, asked, total_s = _time_actions(app)
    timed_out = sum(1 for t in roundtrip if t >= ACTION_TIMEOUT_S * 1000)
    context(
        f"workload: {PANELS} incident panels over {len(app.incidents)} incidents, "
        f"{len(app.cameras)} cameras, {len(app.stations)} stations (panel time = build + "
        f"layout + paint); {asked} acknowledge actions sent one after another, "
        f"{timed_out} not accepted within {ACTION_TIMEOUT_S:g} s (counted at that time)"
    )
    machine_context()
    figure("inspector_incident_panel_ms_p50", percentile(panel_ms, 50), "ms")
    figure("inspector_incident_panel_ms_p95", percentile(panel_ms, 95), "ms")
    if roundtrip:
        figure("outbox_action_roundtrip_ms_p50", percentile(roundtrip, 50), "ms")
        figure("outbox_action_roundtrip_ms_p95", percentile(roundtrip, 95), "ms")
        figure("outbox_actions_per_s", (len(roundtrip) - timed_out) / total_s, "actions/s")
    window.close()

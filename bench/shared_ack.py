"""shared_ack_seen_ms_p50 / p95: an alert acknowledged on one console, until a second
console's inbox shows it acknowledged (outbox POST on a worker, the backend's durable
write, the second console's next poll of /alerts/decisions, apply); both consoles on
the embedded demo backend on loopback, default poll intervals. The figure the push
stream (issue 16) is to bring under a second."""

from __future__ import annotations

import random
import time
from typing import Any

from bench.live_common import open_window
from bench.report import context, figure, machine_context, percentile

ALERTS = 12
TIMEOUT_S = 20.0


def _second_console(first: Any) -> Any:
    from PySide6.QtCore import QEventLoop, QTimer

    from console.app import ConsoleApp
    from console.settings import Settings

    token = first.backend_process.token if first.backend_process else first.settings.token
    second = ConsoleApp(Settings(backend_url=first.backend_url, token=token, operator="b"))
    loop = QEventLoop()
    second.feeds.feed_ready.connect(
        lambda _n: loop.quit() if second.feeds.all_ready() else None)
    QTimer.singleShot(120_000, loop.quit)
    second.start()
    loop.exec()
    return second


def _common_alerts(a: Any, b: Any, qt_app: Any) -> list[str]:
    """Condition keys both inboxes hold, unacknowledged (waits for the dark checks)."""
    deadline = time.monotonic() + 60
    keys: list[str] = []
    while time.monotonic() < deadline and len(keys) < ALERTS:
        qt_app.processEvents()
        mine = {x.key for x in a.rules.inbox.alerts() if x.active and not x.acknowledged}
        theirs = {x.key for x in b.rules.inbox.alerts() if x.active and not x.acknowledged}
        keys = sorted(mine & theirs)
        time.sleep(0.05)
    return keys[:ALERTS]


def run() -> None:
    from console.settings import Settings

    qt_app, a, window = open_window(Settings(operator="a"))
    b = _second_console(a)
    keys = _common_alerts(a, b, qt_app)
    times = []
    rng = random.Random(15)
    for key in keys:
        alert_a, alert_b = a.rules.inbox.by_key(key), b.rules.inbox.by_key(key)
        # act at a random phase of B's poll cycle (right after B saw the previous one,
        # every action would wait a whole interval)
        pause_until = time.perf_counter() + rng.uniform(0, b.settings.poll.incidents)
        while time.perf_counter() < pause_until:
            qt_app.processEvents()
            time.sleep(0.005)
        start = time.perf_counter()
        a.decisions.acknowledge([alert_a], "bench")
        while alert_b.ack_at is None and time.perf_counter() - start < TIMEOUT_S:
            qt_app.processEvents()
            time.sleep(0.005)
        times.append((time.perf_counter() - start) * 1000)
    late = sum(1 for t in times if t >= TIMEOUT_S * 1000)
    context(f"workload: {len(keys)} alerts acknowledged on console A at random phases, "
            f"waited for on console B (decision poll every {b.settings.poll.incidents:g} s); "
            f"{late} not seen within {TIMEOUT_S:g} s (counted at that time)")
    machine_context()
    if times:
        figure("shared_ack_seen_ms_p50", percentile(times, 50), "ms")
        figure("shared_ack_seen_ms_p95", percentile(times, 95), "ms")
    b.shutdown()
    window.close()

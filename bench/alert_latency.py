"""alert_latency_ms_p50 / p95: from a second client's change committed on the backend to
the first console's operator seeing it, with the change stream (push); the same figures
with polling only (alert_latency_poll_ms_*) for comparison.

The change: the second client opens a high-severity incident (POST /api/v1/incidents,
on a thread of its own, as another console would). Seen: the alert "New incident: …" is
a row of the first console's alert inbox (its own, or the row of the group it is folded
into) AND the inbox table has painted since (a Paint event of its viewport after the row
was in its model). Timed from just before the POST
is sent, so the figure includes the backend's write and commit (an upper bound of
"from the commit"); the POST's own round trip is printed beside it. Embedded demo
backend on loopback, the console's default poll intervals (incidents every 3 s)."""

from __future__ import annotations

import random
import threading
import time
import uuid
from typing import Any

from bench.live_common import open_window
from bench.report import context, figure, machine_context, percentile

PUSH_SAMPLES = 40
POLL_SAMPLES = 12
TIMEOUT_S = 15.0


class _Paints:
    """Times (perf_counter) of the paints of one widget."""

    def __init__(self, widget: Any) -> None:
        from PySide6.QtCore import QEvent, QObject

        paints = self.times = []

        class Filter(QObject):
            def eventFilter(self, _obj: Any, event: Any) -> bool:
                if event.type() == QEvent.Type.Paint:
                    paints.append(time.perf_counter())
                return False

        self._filter = Filter()
        widget.installEventFilter(self._filter)


def _timed_rebuilds(panel: Any) -> list[float]:
    """Durations (ms) of the inbox's row rebuilds: what its refresh rate costs."""
    times: list[float] = []
    rebuild = panel._deferred._rebuild

    def timed() -> None:
        start = time.perf_counter()
        rebuild()
        times.append((time.perf_counter() - start) * 1000)

    panel._deferred._rebuild = timed
    return times


def _shown(panel: Any, alert_id: int) -> bool:
    """The alert has a row of its own, or the row of the group it is folded into (an
    alarm flood of the same kind is one row: the operator sees its count go up)."""
    rows = panel.model.ids
    return alert_id in rows or panel.group_of(alert_id) in rows


def _post_incident(client: Any, title: str, sent: dict[str, float]) -> None:
    """On a thread of its own: the GUI thread keeps running while the second client acts."""
    from console.sources import wire

    request = wire.IncidentCreateRequest(
        type="flooding", severity="high", title=title,
        geometry=wire.PointGeometry(coordinates=(109.2237, 13.7771)), actor="bench.second")
    sent["t0"] = time.perf_counter()
    client.create_incident(request, uuid.uuid4().hex)
    sent["answered"] = time.perf_counter()


def _sample(qt_app: Any, app: Any, panel: Any, paints: _Paints, client: Any,
            ) -> tuple[float, float, float] | None:
    """One change: ms until seen, ms until the incident was in the console's store, ms of
    the POST round trip; None when not seen in time."""
    title = f"Bench {uuid.uuid4().hex[:8]}"
    sent: dict[str, float] = {}
    poster = threading.Thread(target=_post_incident, args=(client, title, sent))
    poster.start()
    in_model = in_store = None
    deadline = time.perf_counter() + TIMEOUT_S
    while time.perf_counter() < deadline:
        qt_app.processEvents()
        if in_model is None:
            incident = next((i for i in app.incidents.records() if i.title == title), None)
            if incident is not None and in_store is None:
                in_store = time.perf_counter()
            alert = None if incident is None else app.rules.inbox.by_key(
                f"incident:{incident.id}")
            if alert is not None and _shown(panel, alert.id):
                in_model = time.perf_counter()
        if in_model is not None and paints.times and paints.times[-1] >= in_model:
            seen = next(t for t in paints.times if t >= in_model)
            poster.join()
            assert in_store is not None
            t0 = sent["t0"]
            return (seen - t0) * 1000, (in_store - t0) * 1000, (sent["answered"] - t0) * 1000
        time.sleep(0.0005)
    poster.join()
    return None


def _series(qt_app: Any, app: Any, panel: Any, paints: _Paints, client: Any, count: int,
            ) -> tuple[list[float], list[float], list[float], int]:
    seen, stored, posts, missed = [], [], [], 0
    for _ in range(count):
        result = _sample(qt_app, app, panel, paints, client)
        if result is None:
            missed += 1
            seen.append(TIMEOUT_S * 1000)  # censored, never dropped
        else:
            seen.append(result[0])
            stored.append(result[1])
            posts.append(result[2])
        pause = time.perf_counter() + random.uniform(0.1, 0.4)  # changes do not come in step
        while time.perf_counter() < pause:
            qt_app.processEvents()
            time.sleep(0.002)
    return seen, stored, posts, missed


def run() -> None:
    from console.settings import Settings
    from console.sources.rest_v1 import RestClient

    qt_app, app, window = open_window(Settings(operator="bench"))
    deadline = time.perf_counter() + 30
    while app.push.transport != "push" and time.perf_counter() < deadline:
        qt_app.processEvents()
        time.sleep(0.005)
    if app.push.transport != "push":
        raise SystemExit("the change stream never opened")
    panel = window.services.live.alerts
    paints = _Paints(panel.view.viewport())
    rebuilds = _timed_rebuilds(panel)
    token = app.backend_process.token if app.backend_process else app.settings.token
    client = RestClient(app.backend_url, token)
    try:
        push, push_stored, push_posts, push_missed = _series(qt_app, app, panel, paints, client,
                                                PUSH_SAMPLES)
        resyncs, stale = app.push.resyncs, app.feeds.stale_pages
        app.push.stop()  # the same console, polling only from here
        poll, _stored, _posts, poll_missed = _series(qt_app, app, panel, paints, client,
                                                     POLL_SAMPLES)
    finally:
        client.close()
    context(f"workload: {PUSH_SAMPLES} incidents opened one after another by a second "
            f"client, seen in the first console's alert inbox with push ({push_missed} not "
            f"seen within {TIMEOUT_S:g} s, counted at that time; {resyncs} stream resyncs, "
            f"{stale} stale pages dropped), then {POLL_SAMPLES} with polling only every "
            f"{app.settings.poll.incidents:g} s ({poll_missed} not seen in time); fleet "
            f"{len(app.vessels)} vessels, {len(app.rules.inbox.alerts())} alerts in the inbox; "
            f"{len(rebuilds)} inbox rebuilds, {percentile(rebuilds, 50):.1f} ms p50 / "
            f"{percentile(rebuilds, 95):.1f} ms p95 each")
    machine_context()
    figure("alert_latency_ms_p50", percentile(push, 50), "ms")
    figure("alert_latency_ms_p95", percentile(push, 95), "ms")
    if push_posts:  # where the time goes: the POST itself, the stream to the store
        figure("alert_latency_post_roundtrip_ms_p50", percentile(push_posts, 50), "ms")
        figure("alert_latency_store_ms_p50", percentile(push_stored, 50), "ms")
        figure("alert_latency_store_ms_p95", percentile(push_stored, 95), "ms")
    figure("alert_latency_poll_ms_p50", percentile(poll, 50), "ms")
    figure("alert_latency_poll_ms_p95", percentile(poll, 95), "ms")
    window.close()

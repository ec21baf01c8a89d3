"""live_frame_ms_p50 / p95: map frame time at 1600x1000 with the full live picture
(demo fleet with tails, stations, cameras, incidents, zones, rules running), panning and
zooming over the province and fishing grounds; every live layer rebuilt each frame."""

from __future__ import annotations

from bench.live_common import frame_loop, map_only, open_window
from bench.report import context, figure, percentile


def run() -> None:
    from console.settings import Settings

    qt_app, app, window = open_window(Settings())
    canvas = map_only(window, qt_app)
    frame_loop(canvas, qt_app, 40)  # warm-up: one pan/zoom cycle (caches, first paints)
    times = frame_loop(canvas, qt_app)
    n = len(app.vessels)
    tails = int(app.vessels.tail_len[:n].sum())
    context(
        f"workload: {len(times)} frames after a 40-frame warm-up, at "
        f"{canvas.width()}x{canvas.height()}; {n} vessels, "
        f"{tails} tail points, {len(app.stations)} stations, {len(app.cameras)} cameras, "
        f"{len(app.incidents)} incidents, {len(app.rules.zones.zones) + 1} zones; "
        "machine: 2 shared cores, loaded by other engineers' work"
    )
    figure("live_frame_ms_p50", percentile(times, 50), "ms")
    figure("live_frame_ms_p95", percentile(times, 95), "ms")
    window.close()

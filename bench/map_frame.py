"""map_frame_ms_p50 / p95: time to redraw and render the 1600x1000 map with all demo data
while panning and zooming (province, fishing grounds, city zooms)."""

from __future__ import annotations

from bench.live_common import FRAMES, frame_loop, map_only, open_window
from bench.report import context, figure, percentile


def run() -> None:
    from console.settings import Settings

    qt_app, app, window = open_window(Settings())
    canvas = map_only(window, qt_app)
    times = frame_loop(canvas, qt_app)
    vessels = len(app.vessels)
    tails = int(app.vessels.tail_len[:vessels].sum())
    context(
        f"workload: {FRAMES} frames at {canvas.width()}x{canvas.height()} while panning and "
        f"zooming; {vessels} vessels, {tails} tail points, {len(app.stations)} stations, "
        f"{len(app.cameras)} cameras, {len(app.incidents)} incidents; every live layer "
        "rebuilt each frame"
    )
    figure("map_frame_ms_p50", percentile(times, 50), "ms")
    figure("map_frame_ms_p95", percentile(times, 95), "ms")
    window.close()

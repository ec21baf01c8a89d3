"""live_frame_ms_p50 / p95: map frame time at 1600x1000 with the full live picture
(demo fleet with tails, stations, cameras, incidents, zones, rules running) along the
operator path of bench/workload.py: province view, small pans and zooms over the fleet
and back, Quy Nhơn harbour and back; every live layer rebuilt each frame.
Companions: live_in_view_p50 (vessels in view) and live_drawn_p50 (symbols drawn)."""

from __future__ import annotations

from bench.live_common import demo_picture, frame_loop, map_only, open_window
from bench.report import context, machine_context
from bench.workload import report_frames


def run() -> None:
    from console.settings import Settings

    qt_app, app, window = open_window(Settings())
    canvas = map_only(window, qt_app)
    cold = frame_loop(canvas, qt_app, window)  # warm-up pass (caches, first paints)
    record = frame_loop(canvas, qt_app, window)
    context(
        f"workload: {len(record.ms)} frames after a warm-up pass, at "
        f"{canvas.width()}x{canvas.height()}; {demo_picture(app)}"
    )
    machine_context()
    report_frames("live", record, cold)
    window.close()

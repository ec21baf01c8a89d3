"""map_frame_ms_p50 / p95: the first pass of the operator path (bench/workload.py) right
after the demo picture appears, caches cold: province view, small pans and zooms over the
fleet and back, Quy Nhơn harbour and back, every live layer rebuilt each frame.
(live_frame times the same path warm.) Companions: map_in_view_p50, map_drawn_p50."""

from __future__ import annotations

from bench.live_common import demo_picture, frame_loop, map_only, open_window
from bench.report import context, machine_context
from bench.workload import report_frames


def run() -> None:
    from console.settings import Settings

    qt_app, app, window = open_window(Settings())
    canvas = map_only(window, qt_app)
    record = frame_loop(canvas, qt_app, window)
    context(
        f"workload: {len(record.ms)} frames at {canvas.width()}x{canvas.height()}, no "
        f"warm-up; {demo_picture(app)}"
    )
    machine_context()
    report_frames("map", record)
    window.close()

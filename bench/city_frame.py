"""city_frame_ms_p50 / p95: map frame time at Quy Nhơn harbour scale (3.6-7 km across)
with the full live picture, every vessel symbol drawn (no thinning applies at this
scale; the bench counts frames where it did) and the vessel labels that fit (one per
label-sized screen cell, the most severe first; the count is printed), along small pans
and zooms around the port that always come back (bench/workload.py `harbour_path`).
Companions: city_in_view_p50, city_drawn_p50."""

from __future__ import annotations

from bench.live_common import frame_loop, map_only, open_window
from bench.report import context, machine_context, percentile
from bench.workload import harbour_centre, harbour_path, report_frames


def run() -> None:
    from console.settings import Settings

    qt_app, app, window = open_window(Settings())
    canvas = map_only(window, qt_app)
    views = harbour_path(canvas.height() / canvas.width(), harbour_centre(window.vessel_layer))
    cold = frame_loop(canvas, qt_app, window, views)  # warm-up pass
    fleet = canvas.renderer(window.vessel_layer).item
    labels: list[int] = []
    record = frame_loop(canvas, qt_app, window, views, on_frame=lambda: labels.append(
        fleet.last_labels))
    thinned = sum(1 for v, d in zip(record.in_view, record.drawn, strict=True) if d < v)
    context(
        f"workload: {len(record.ms)} frames at {canvas.width()}x{canvas.height()} around "
        f"Quy Nhơn port after a warm-up pass; {len(app.vessels)} vessels, "
        f"{len(app.stations)} stations, {len(app.cameras)} cameras, {len(app.incidents)} "
        f"incidents; frames where fewer symbols were drawn than vessels in view: {thinned}; "
        f"vessel labels drawn per frame p50 {percentile(labels, 50):.0f}"
    )
    machine_context()
    report_frames("city", record, cold)
    window.close()

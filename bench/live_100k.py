"""live_100k_frame_ms_p50 / p95 and live_100k_rss_mb: the live picture with 100,000
synthetic vessels carrying 24 h tracks (12 VMS fixes at 2 h) on top of the demo
backend's province (its fleet, stations, cameras, incidents), fed into the VesselStore
synthetically; the rules engine evaluates the 100,000 vessels on ingest as well.

Two passes of the operator path (bench/workload.py) over the same picture:
- `live_100k_*`: the console as shipped, symbols thinned to the layer's budget at
  province scale (the most severe per screen cell, a halo where a symbol stands for
  several vessels);
- `live_100k_all_*`: every vessel in view drawn, no symbol budget (tails keep their
  level of detail; the segments drawn are printed).
Each prints `_in_view_p50` (vessels in view) and `_drawn_p50` (symbols drawn)."""

from __future__ import annotations

import time

import numpy as np

from bench.live_common import demo_picture, frame_loop, map_only, open_window, rss_mb
from bench.report import context, figure, machine_context
from bench.workload import report_frames

N = 100_000
K = 12  # 24 h at the regulation's 2 h interval


def synthetic_fleet(now: float, n: int = N, seed: int = 3):
    """n vessels spread over the fishing grounds with 24 h of fixes each."""
    from console.geo.crs import lonlat_to_map
    from console.model.vessel import Vessel

    rng = np.random.default_rng(seed)
    lon = rng.uniform(109.5, 114.0, n)
    lat = rng.uniform(9.0, 16.5, n)
    course = rng.uniform(0, 360, n)
    speed = rng.choice([0.0, 2.5, 7.0, 9.0], n)
    age = rng.exponential(3000.0, n)
    age[rng.random(n) < 0.03] = rng.uniform(7 * 3600, 20 * 3600)  # some dark ones
    records = [
        Vessel(
            f"syn-{i}",
            f"SYN-{10000 + i}-TS",
            f"Tàu {i}",
            "Chủ tàu",
            18.0,
            "lưới",
            "Quy Nhơn",
            "at_sea",
            float(lon[i]),
            float(lat[i]),
            float(now - age[i]),
            float(speed[i]),
            float(course[i]),
        )
        for i in range(n)
    ]
    # tracks: back along the course, 2 h per fix, jittered
    steps = np.arange(K)[::-1] * 2.0  # hours before the last fix
    rad = np.radians(course)
    dist_deg = (speed[:, None] + 1.0) * steps[None, :] * 1.852 / 111.0
    tlon = lon[:, None] - np.sin(rad)[:, None] * dist_deg + rng.normal(0, 0.01, (n, K))
    tlat = lat[:, None] - np.cos(rad)[:, None] * dist_deg + rng.normal(0, 0.01, (n, K))
    tx, ty = lonlat_to_map(tlon.ravel(), tlat.ravel())
    tt = (now - age)[:, None] - steps[None, :] * 3600.0
    return records, tt, tx.reshape(n, K), ty.reshape(n, K)


def run() -> None:
    from console.settings import Settings

    qt_app, app, window = open_window(Settings(tail_length=K))
    app.feeds.stop()  # a fixed picture: the demo fleet stops moving
    records, tt, tx, ty = synthetic_fleet(app.clock.now())
    start = time.perf_counter()
    app.vessels.apply(records)
    ingest_s = time.perf_counter() - start
    rows = np.array([app.vessels.row_of(v.id) for v in records])
    app.vessels.seed_tails_bulk(rows, tt, tx, ty)
    del records
    canvas = map_only(window, qt_app)
    for _ in range(3):
        qt_app.processEvents()
    layer = window.vessel_layer
    fleet = canvas.renderer(layer).item
    cold = frame_loop(canvas, qt_app, window)  # warm-up pass
    capped = frame_loop(canvas, qt_app, window)
    capped_segments = fleet._n_lines
    budget = layer.symbol_budget
    layer.symbol_budget = None
    frame_loop(canvas, qt_app, window)  # warm-up for the uncapped picture
    every = frame_loop(canvas, qt_app, window)
    layer.symbol_budget = budget
    context(
        f"workload: {N} synthetic vessels with 24 h tracks (2 h fixes) added to the demo "
        f"picture: {demo_picture(app)}; {len(capped.ms)} frames per pass at "
        f"{canvas.width()}x{canvas.height()} after a warm-up pass; symbol budget {budget} "
        f"(thinned pass), none (all pass); track segments drawn in the last frame of each "
        f"pass: {capped_segments} / {fleet._n_lines}; one 100k ingest through store + rules "
        f"took {ingest_s * 1000:.0f} ms"
    )
    machine_context()
    report_frames("live_100k", capped, cold)
    report_frames("live_100k_all", every)
    figure("live_100k_rss_mb", rss_mb(), "MB")
    window.close()

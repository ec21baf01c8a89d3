"""basemap_shipped_frame_ms_p95: frame time of the *shipped* basemap (GSHHG land,
province, rivers, roads, places, archipelagos, and the former Bình Định layer) at the
two views operators use most: the province (~500 km across) and Quy Nhơn harbour
(~11 km across). The figure is the worse view's p95; each view's p50/p95 is printed on
context lines, with the land vertices in view and those drawn (the land goes through
the level-of-detail quadtree: visible nodes at about a pixel of detail).

A frame = pan or zoom a little, then render the 1600x1000 canvas (`grab`), as the
screen would.
"""

from __future__ import annotations

import os
import time

import numpy as np

from bench.report import context, figure, machine_context, percentile
from bench.workload import small_moves

FRAMES_PER_VIEW = 40
VIEWS = (
    ("province", (106.9, 12.2, 111.3, 15.6)),
    ("harbour", (109.19, 13.72, 109.31, 13.80)),
)


def _vertices_in(groups, kind: str, extent) -> int:
    x0, y0, x1, y1 = extent
    total = 0
    for group in groups:
        if group.kind != kind:
            continue
        for rings in group.polygons:
            for ring in rings:
                inside = (
                    (ring[:, 0] >= x0)
                    & (ring[:, 0] <= x1)
                    & (ring[:, 1] >= y0)
                    & (ring[:, 1] <= y1)
                )
                total += int(inside.sum())
    return total


def run() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from console.geo.crs import lonlat_to_map_scalar
    from layers.basemap_vector.layer import (
        HistoricProvinceLayer,
        VectorBasemapLayer,
        load_basemap,
    )
    from layers.layer_list import LayerList
    from widgets.map_canvas import MapCanvas

    qt_app = QApplication.instance() or QApplication([])
    start = time.perf_counter()
    data = load_basemap()
    load_s = time.perf_counter() - start
    layers = LayerList()
    basemap = VectorBasemapLayer(data)
    layers.append(basemap)
    layers.append(HistoricProvinceLayer(data))
    canvas = MapCanvas(layers)
    canvas.resize(1600, 1000)
    canvas.show()
    qt_app.processEvents()
    renderer = canvas.renderer(basemap)
    per_view: dict[str, list[float]] = {}
    in_view: dict[str, list[int]] = {}
    drawn: dict[str, list[int]] = {}
    for name, (lon0, lat0, lon1, lat1) in VIEWS:
        x0, y0 = lonlat_to_map_scalar(lon0, lat0)
        x1, y1 = lonlat_to_map_scalar(lon1, lat1)
        canvas.set_extent((x0, y0, x1, y1), padding=0)
        canvas.flush()
        canvas.grab()
        seen: list[int] = []
        shown: list[int] = []

        def count(seen=seen, shown=shown) -> None:
            seen.append(_vertices_in(data.groups, "land", canvas.extent()))
            shown.append(renderer.lod_items["land"].last_vertices)

        times = small_moves(canvas, qt_app, FRAMES_PER_VIEW, count)
        per_view[name], in_view[name], drawn[name] = times, seen, shown
    vertices = sum(len(r) for g in data.groups for p in g.polygons for r in p)
    context(
        f"workload: shipped basemap ({vertices:,} "
        f"polygon vertices, {len(data.labels)} labels) + former Bình Định layer; canvas "
        f"1600x1000; {FRAMES_PER_VIEW} frames per view (pans 3 %, zooms 10 %), each rendered "
        "with grab()"
    )
    machine_context()
    context(f"basemap load (worker-thread work at start): {load_s * 1000:.0f} ms")
    for name, _extent in VIEWS:
        times = per_view[name]
        context(
            f"{name}: p50 {percentile(times, 50):.2f} ms, p95 {percentile(times, 95):.2f} ms, "
            f"detailed-land vertices in view p50 {int(np.median(in_view[name])):,}, "
            f"land vertices drawn p50 {int(np.median(drawn[name])):,}"
        )
    figure("basemap_shipped_in_view_p50", float(np.median(in_view["province"])), "vertices")
    figure("basemap_shipped_drawn_p50", float(np.median(drawn["province"])), "vertices")
    figure("basemap_shipped_frame_ms_p95", max(percentile(t, 95) for t in per_view.values()), "ms")
    canvas.close_canvas()
    canvas.close()

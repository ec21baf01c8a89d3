"""basemap_500k_frame_ms_p95: frame time of the map with a generated land polygon of
500,000 vertices (a national-coastline-sized layer), at three zoom levels: whole
province (~250 km across), district (~40 km), town (~8 km). The figure is the worst
level's p95; each level's p50/p95 is printed on context lines.

A frame = pan or zoom a little, then render the 1600x1000 canvas (`grab`), which is
what the screen would do. The layer goes through the real path: LOD tree built as on
the loader's worker (timed on a context line), drawn by the vector renderer.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import numpy as np

from bench.report import context, figure, machine_context, percentile
from bench.workload import small_moves

VERTICES = 500_000
FRAMES_PER_LEVEL = 40
LEVELS = (("province", 250_000.0), ("district", 40_000.0), ("town", 8_000.0))


def _coastline(vertices: int):
    import shapely

    from console.geo.crs import lonlat_to_map_scalar

    rng = np.random.default_rng(1)
    t = np.linspace(0, 2 * np.pi, vertices, endpoint=False)
    r = 250_000 * (1 + 0.12 * np.sin(7 * t) + 0.04 * np.sin(53 * t) + 0.01 * np.sin(997 * t))
    r = r + rng.normal(0, 40, vertices)
    cx, cy = lonlat_to_map_scalar(109.2237, 13.7765)
    ring = np.column_stack([cx - 200_000 + r * np.cos(t), cy + r * np.sin(t)])
    return shapely.Polygon(ring), (cx + 50_000 - 200_000 + 250_000 * 0.0, cy)


def run() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import shapely
    from PySide6.QtWidgets import QApplication

    from console.geo.vector_io import VectorTable
    from layers.layer_list import LayerList
    from layers.vector_file.layer import VectorFileLayer, prepare_table
    from widgets.map_canvas import MapCanvas

    qt_app = QApplication.instance() or QApplication([])
    polygon, _ = _coastline(VERTICES)
    table = VectorTable(
        Path("generated-coastline"),
        None,
        "EPSG:3857",
        np.array([polygon], dtype=object),
        ["name"],
        [["land"]],
    )
    start = time.perf_counter()
    prepared = prepare_table(table)
    build_s = time.perf_counter() - start
    layers = LayerList()
    layer = VectorFileLayer(prepared)
    layers.append(layer)
    canvas = MapCanvas(layers)
    canvas.resize(1600, 1000)
    canvas.show()
    qt_app.processEvents()
    # a point on the coast: the outline crosses every view
    xmin, _ymin, _xmax, _ymax = polygon.bounds
    coast_y = polygon.centroid.y
    coast_x = xmin + 2_000
    per_level: dict[str, list[float]] = {}
    renderer = canvas.renderer(layer)
    nodes_drawn: dict[str, int] = {}
    for name, width in LEVELS:
        height = width * 1000 / 1600
        canvas.set_extent(
            (coast_x - width / 2, coast_y - height / 2, coast_x + width / 2, coast_y + height / 2),
            padding=0,
        )
        canvas.flush()
        canvas.grab()  # first paint builds the paths this level needs (cached afterwards)
        per_level[name] = small_moves(canvas, qt_app, FRAMES_PER_LEVEL)
        nodes_drawn[name] = renderer.lod_item.last_node_count if renderer.lod_item else 0
    vertices = int(shapely.get_num_coordinates(table.geometries).sum())
    context(
        f"workload: one generated land polygon of {vertices:,} vertices; canvas 1600x1000; "
        f"{FRAMES_PER_LEVEL} frames per zoom level (pans of 3 % and zooms of 10 %), each "
        "frame fully rendered with grab()"
    )
    machine_context()
    context(f"LOD tree build (worker-thread work at load): {build_s * 1000:.0f} ms")
    for name, width in LEVELS:
        times = per_level[name]
        context(
            f"{name} (~{width / 1000:g} km across): p50 {percentile(times, 50):.2f} ms, "
            f"p95 {percentile(times, 95):.2f} ms, quadtree nodes drawn {nodes_drawn[name]}"
        )
    worst = max(percentile(t, 95) for t in per_level.values())
    figure("basemap_500k_frame_ms_p95", worst, "ms")
    canvas.close_canvas()
    canvas.close()

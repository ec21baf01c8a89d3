"""Map labels never cover each other: a reading or a registration drawn over another
cannot be read, so the operator would trust neither. The most severe label wins."""

from __future__ import annotations

import itertools
from dataclasses import replace

import numpy as np
from PySide6.QtCore import QPointF, QRectF

from console.geo.crs import map_to_lonlat
from console.model.freshness import VmsThresholds
from tests.live.conftest import FakeClock, canvas_with, gauge, vessel


def _lonlat_at(canvas, x: float, y: float) -> tuple[float, float]:
    """Where a device pixel of the canvas is, in lon/lat."""
    point = canvas.view.mapDeviceToView(QPointF(x, y))
    lon, lat = map_to_lonlat(np.array([point.x()]), np.array([point.y()]))
    return float(lon[0]), float(lat[0])


def _no_two_overlap(rects: list[QRectF]) -> bool:
    return not any(a.intersects(b) for a, b in itertools.combinations(rects, 2))


def test_two_gauges_side_by_side_get_one_label_the_more_severe(qtbot):
    """Two gauges 15 px apart on the screen (their labels are ~60 px wide): one label,
    the gauge above BĐ3's. A third gauge far away keeps its own label."""
    from console.stores.records import RecordStore
    from layers.stations.layer import StationLayer

    clock = FakeClock()
    store = RecordStore()
    layer = StationLayer(store, clock, 3600.0)
    canvas = canvas_with(qtbot, layer)
    canvas.set_extent((*_map(108.0, 13.0), *_map(110.0, 14.8)), padding=0)
    left, right, far = (_lonlat_at(canvas, x, 300) for x in (85, 100, 500))
    store.apply([
        replace(gauge(7.3, clock.t - 60, "bd2"), lon=left[0], lat=left[1]),
        replace(gauge(8.4, clock.t - 60, "bd3"), lon=right[0], lat=right[1]),
        replace(gauge(7.5, clock.t - 60, "far"), lon=far[0], lat=far[1]),
    ])
    canvas.flush()
    labels = canvas.renderer(layer).labels
    assert sorted(labels.texts()) == sorted([layer.value_label(store.get("bd3")),
                                             layer.value_label(store.get("far"))])
    rects = _drawn_rects(canvas, labels)
    assert len(rects) == 2 and _no_two_overlap(rects)


def _map(lon: float, lat: float) -> tuple[float, float]:
    from console.geo.crs import lonlat_to_map_scalar

    return lonlat_to_map_scalar(lon, lat)


def _drawn_rects(canvas, labels) -> list[QRectF]:
    """The screen rectangles of a LabelsItem's labels, as paint draws them."""
    dx, dy = labels.offset
    rects = []
    for x, y, text in labels._labels:
        anchor = canvas.view.mapViewToDevice(QPointF(x, y))
        rects.append(labels.sprites.extent(anchor.x() + dx, anchor.y() + dy, text))
    return rects


def test_moored_boats_print_registrations_that_never_overlap(qtbot):
    """A harbour of 60 boats at label zoom: the registrations drawn cover no other
    registration, and the boat that lost its signal keeps its label."""
    from console.stores.vessels import VesselStore
    from layers.vessels.layer import VesselLayer
    from layers.vessels.render import LABEL_DX, LABEL_DY, FleetItem

    clock = FakeClock()
    store = VesselStore()
    layer = VesselLayer(store, clock, VmsThresholds())
    canvas = canvas_with(qtbot, layer)
    canvas.set_extent((*_map(109.22, 13.76), *_map(109.26, 13.79)), padding=0)
    rng = np.random.default_rng(7)
    boats = [_lonlat_at(canvas, float(rng.uniform(250, 550)), float(rng.uniform(200, 400)))
             for _ in range(60)]
    store.apply([vessel(f"{90000 + i}", clock.t - 60, lon, lat)
                 for i, (lon, lat) in enumerate(boats)])
    silent = vessel("99999", clock.t - 8 * 3600, *boats[30])  # lost signal: severe
    store.apply([silent])
    canvas.mark_live_dirty()
    canvas.flush()
    item = next(i for i in canvas.view.scene().items() if isinstance(i, FleetItem))
    canvas.viewport().repaint()
    names = layer.label_texts()
    rects = [item._label_sprites.extent(x + LABEL_DX, y + LABEL_DY, names[row])
             for row, x, y in item._labels]
    assert len(rects) >= 5  # labels are shown at this zoom...
    assert _no_two_overlap(rects)  # ...and none is drawn over another
    assert "BĐ-99999-TS" in {names[row] for row, _x, _y in item._labels}

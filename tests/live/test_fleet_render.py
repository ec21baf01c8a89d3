"""The fleet renderer's shortcuts must not change what the operator sees: cropped atlas
fragments hold every inked pixel, and thinning a dense fleet keeps the severe states."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage

from console.model.freshness import VmsThresholds
from layers.vessels.layer import VesselLayer
from layers.vessels.render import _symbol_lod
from layers.vessels.symbols import BUCKETS, CELL, SymbolAtlas
from tests.live.conftest import FakeClock, canvas_with


def test_cropped_fragments_hold_every_inked_pixel(qtbot):
    from console.stores.vessels import VesselStore

    layer = VesselLayer(VesselStore(), FakeClock(), VmsThresholds())
    atlas = SymbolAtlas(layer.symbol_styles())
    image = atlas.pixmap.toImage().convertToFormat(QImage.Format.Format_ARGB32)
    rows = 2 * len(atlas.styles)  # each style plain, then on its cluster halo
    assert atlas.extent.shape == (rows,)
    for style in range(rows):
        side = int(atlas.extent[style])
        lo, hi = (CELL - side) // 2, (CELL + side) // 2
        if style < atlas.clustered:
            assert side < CELL or atlas.styles[style].ring, "plain symbols gain from cropping"
        for bucket in range(BUCKETS):
            for y in range(CELL):
                for x in range(CELL):
                    if lo <= x < hi and lo <= y < hi:
                        continue
                    alpha = image.pixelColor(bucket * CELL + x, style * CELL + y).alpha()
                    assert alpha == 0, (style, bucket, x, y)


def test_a_dense_fleet_is_thinned_to_the_budget_and_severe_states_survive():
    rng = np.random.default_rng(1)
    n = 120_000
    px, py = rng.uniform(0, 1600, n), rng.uniform(0, 1000, n)
    cls = np.zeros(n, dtype=np.int8)
    severe = rng.choice(n, 300, replace=False)
    cls[severe] = 7  # e.g. a violation: must win its cell over the ordinary ones
    budget = VesselLayer.symbol_budget
    keep, counts = _symbol_lod(px, py, cls, budget)
    assert 1000 < len(keep) <= budget
    assert len(np.unique(keep)) == len(keep)
    assert counts.sum() == n  # every vessel is drawn or counted under a drawn symbol
    kept_severe = np.isin(severe, keep).sum()
    assert kept_severe >= 0.9 * len(severe)  # only severe neighbours sharing a cell drop
    sparse, _ = _symbol_lod(px[:5000], py[:5000], cls[:5000], budget)
    assert len(sparse) > 0.8 * 5000  # a sparse picture is hardly thinned


def _fleet_canvas(qtbot, n: int = 2000):
    from console.stores.vessels import VesselStore
    from layers.vessels.render import FleetItem
    from tests.live.conftest import vessel

    clock = FakeClock()
    store = VesselStore()
    rng = np.random.default_rng(4)
    store.apply([vessel(f"v{i}", clock.t - 60, float(rng.uniform(109, 111)),
                        float(rng.uniform(12.5, 14.5)), course_deg=float(rng.uniform(0, 359)))
                 for i in range(n)])
    canvas = canvas_with(qtbot, VesselLayer(store, clock, VmsThresholds()))
    canvas.set_extent((*lonlat(109, 12.5), *lonlat(111, 14.5)))
    item = next(i for i in canvas.view.scene().items() if isinstance(i, FleetItem))
    return canvas, item


def lonlat(lon: float, lat: float) -> tuple[float, float]:
    from console.geo.crs import lonlat_to_map

    x, y = lonlat_to_map(np.array([lon]), np.array([lat]))
    return float(x[0]), float(y[0])


def test_a_data_frame_is_prepared_on_the_clock_tick_and_only_drawn_in_paint(qtbot, monkeypatch):
    """The numpy half of a frame runs when the frame clock refreshes the layer; the paint
    that follows (a later event-loop turn) only draws. A pan paints for a transform
    nobody prepared: it must prepare afresh, never draw the old pixels' positions."""
    from layers.vessels.render import FleetItem

    canvas, item = _fleet_canvas(qtbot)
    canvas.mark_live_dirty()
    canvas.flush()  # the frame clock's work
    prepared: list[int] = []
    original = FleetItem._prepare
    monkeypatch.setattr(FleetItem, "_prepare",
                        lambda self, t: (prepared.append(1), original(self, t))[1])
    canvas.viewport().repaint()
    assert prepared == [] and item.last_drawn == 2000
    drawn_from_prepared = canvas.grab().toImage()

    canvas.view.translateBy(x=(canvas.extent()[2] - canvas.extent()[0]) * 0.1)
    after_pan = canvas.grab().toImage()
    assert prepared  # the new transform was prepared in paint
    canvas.mark_live_dirty()
    canvas.flush()  # prepared again by the clock for the panned view
    assert canvas.grab().toImage() == after_pan
    assert after_pan != drawn_from_prepared


def _dense_canvas(qtbot, n: int):
    canvas, item = _fleet_canvas(qtbot, n)
    canvas.mark_live_dirty()
    canvas.flush()
    return canvas, item


def test_a_thinned_view_accounts_for_every_vessel_and_marks_clusters(qtbot):
    """At province scale a dense fleet is thinned; the frame says how many vessels were
    in view, and every symbol standing for several vessels carries a halo."""
    _canvas, item = _dense_canvas(qtbot, 12_000)
    assert item.last_in_view == 12_000
    assert item.last_drawn < 12_000  # thinned...
    assert item.last_clustered > 0  # ...and the picture shows where
    # a clustered symbol is drawn from the atlas's halo rows
    rows = item._frags.ndarray()[:, 3] // CELL
    assert (rows >= item.atlas.clustered).sum() == item.last_clustered


def test_with_no_budget_every_vessel_in_view_is_drawn(qtbot):
    canvas, item = _dense_canvas(qtbot, 12_000)
    item.layer.symbol_budget = None
    canvas.mark_live_dirty()
    canvas.flush()
    assert item.last_drawn == item.last_in_view == 12_000
    assert item.last_clustered == 0


def test_a_halo_is_visible_in_the_picture(qtbot):
    """Two pictures of the same dense fleet, with and without halos: the halo pixels
    (the translucent navy disc) must reach the screen."""
    canvas, item = _dense_canvas(qtbot, 12_000)
    with_halos = canvas.grab().toImage()
    item.atlas.clustered = 0  # clustered symbols drawn from the plain rows
    canvas.mark_live_dirty()
    canvas.flush()
    without = canvas.grab().toImage()
    assert with_halos != without


def test_station_alarm_labels_reach_the_picture_and_follow_a_pan(qtbot):
    """A gauge above BĐ2 is labelled with its value at province scale; the label is
    drawn next to the station and moves with it when the operator pans."""
    from console.stores.records import RecordStore
    from layers.stations.layer import StationLayer
    from tests.live.conftest import gauge
    from widgets.map_canvas import SEA_COLOR

    clock = FakeClock()
    store = RecordStore()
    store.apply([gauge(7.3, clock.t - 60)])
    layer = StationLayer(store, clock, 3600.0)
    canvas = canvas_with(qtbot, layer)
    canvas.set_extent((*lonlat(108.0, 13.0), *lonlat(110.0, 14.8)), padding=0)
    canvas.flush()
    renderer = canvas.renderer(layer)
    assert [t.startswith("7") and "m" in t for t in renderer.labels.texts()] == [True]

    def label_pixels() -> int:
        image = canvas.grab().toImage()
        anchor = canvas.view.mapViewToDevice(QPointF(*lonlat(109.0, 13.9)))
        x0, y = round(anchor.x()) + 10, round(anchor.y())
        return sum(  # the label's white box, right of the symbol
            1 for x in range(x0, x0 + 30) if image.pixelColor(x, y) != QColor(SEA_COLOR)
            and image.pixelColor(x, y).lightness() > 200
        )

    assert label_pixels() > 10
    canvas.pan(0.2, 0.0)
    canvas.flush()
    assert label_pixels() > 10  # drawn at the station's new place on screen

"""One contract every layer kind passes (as glue runs one suite for all its viewers):
add, remove, restyle (opacity), hide, identify, legend, empty data and huge data, on a
real map canvas. A new layer kind joins by adding a `Kind` to KINDS."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pytest
import shapely

from console.geo.crs import lonlat_to_map_scalar
from console.model.freshness import FreshnessPolicy, VmsThresholds
from console.rules.geofence import Zone
from console.stores.records import RecordStore
from console.stores.vessels import VesselStore
from layers.base import MapLayer
from layers.cameras.layer import CameraLayer
from layers.incidents.layer import IncidentLayer
from layers.layer_list import LayerList
from layers.stations.layer import StationLayer
from layers.storm.layer import StormLayer
from layers.vessels.layer import VesselLayer
from layers.zones.layer import ZoneLayer
from tests.live.conftest import FakeClock, camera, gauge, incident, vessel

ORIGIN = (110.0, 13.5)  # lon, lat of feature 0; the others step east and north


def _lonlat(i: int) -> tuple[float, float]:
    return ORIGIN[0] + (i % 200) * 0.01, ORIGIN[1] + (i // 200) * 0.01


@dataclass(frozen=True)
class Kind:
    name: str
    make: Callable[[int], tuple[MapLayer, str]]  # n features -> (layer, id of feature 0)


def _vessels(n: int):
    clock = FakeClock()
    store = VesselStore()
    store.apply([vessel(f"v{i}", clock.t - 60, *_lonlat(i)) for i in range(n)])
    return VesselLayer(store, clock, VmsThresholds()), "v0"


def _records(layer_cls, record, *args):
    def make(n: int):
        clock = FakeClock()
        store = RecordStore()
        records = []
        for i in range(n):
            r = record(f"r{i}", clock.t - 60)
            lon, lat = _lonlat(i)
            records.append(type(r)(**{**_fields(r), "lon": lon, "lat": lat}))
        store.apply(records)
        return layer_cls(store, clock, *args), "r0"

    return make


def _fields(record) -> dict:
    return {name: getattr(record, name) for name in record.__dataclass_fields__}


def _zones(n: int):
    zones = []
    for i in range(n):
        x, y = lonlat_to_map_scalar(*_lonlat(i))
        square = shapely.box(x - 300, y - 300, x + 300, y + 300)
        zones.append(Zone(f"z{i}", f"Zone {i}", f"Vùng {i}", "no_fishing", "fishing", 15.0,
                          "medium", square, square))
    return ZoneLayer(zones, "en"), "z0"


def _storm(n: int):
    """A bulletin whose observed track has `n` points ending at feature 0 (the centre,
    the pickable position); no danger zone, so the open sea around it picks nothing."""
    from console.model.storm import StormBulletin, StormPoint
    from console.rules.alerts import AlertInbox
    from console.rules.config import AlertSettings
    from console.storm.watch import StormWatch

    clock = FakeClock()
    watch = StormWatch(VesselStore(), clock, FreshnessPolicy(),
                       AlertInbox(AlertSettings(), now=clock.now, wall=clock.now))
    points = tuple(StormPoint(clock.t - 3600.0 * i, *_lonlat(i), 10, 12, 150.0)
                   for i in reversed(range(n)))
    if points:
        watch.apply([StormBulletin("Bão số 9", 1, clock.t, points, (), None, 24.0,
                                   "simulated")])
    layer = StormLayer(watch)
    layer._test_watch = watch  # the layer follows the watch: keep it alive with the layer
    return layer, f"{clock.t:.0f}"


KINDS = [
    Kind("vessels", _vessels),
    Kind("stations", _records(StationLayer, lambda rid, t: gauge(6.5, t, rid), 3600.0)),
    Kind("cameras", _records(CameraLayer, lambda rid, t: camera(rid, "online", t))),
    Kind("incidents", _records(IncidentLayer, lambda rid, t: incident(rid, "high", "new", t))),
    Kind("zones", _zones),
    Kind("storm", _storm),
]


@pytest.fixture(params=KINDS, ids=lambda k: k.name)
def kind(request) -> Kind:
    return request.param


@pytest.fixture
def canvas(qtbot):
    from widgets.map_canvas import MapCanvas

    layers = LayerList()
    c = MapCanvas(layers)  # closed here, not by qtbot: layers leave while it still lives
    c.resize(640, 480)
    c.show()
    qtbot.waitExposed(c)
    x0, y0 = lonlat_to_map_scalar(ORIGIN[0] - 0.2, ORIGIN[1] - 0.2)
    x1, y1 = lonlat_to_map_scalar(ORIGIN[0] + 0.6, ORIGIN[1] + 0.4)
    c.set_extent((x0, y0, x1, y1), padding=0)
    c._test_layers = layers  # keep the list alive as long as the canvas
    yield c
    for layer in list(layers):
        layers.remove(layer)
    c.close_canvas()
    c.close()
    c.deleteLater()


def _scene_items(canvas) -> set[int]:
    return {id(i) for i in canvas.view.scene().items()}


def test_add_draws_and_remove_leaves_nothing_behind(kind, canvas):
    layer, _ = kind.make(5)
    before = _scene_items(canvas)
    canvas.layers.append(layer)
    canvas.flush()
    renderer = canvas.renderer(layer)
    assert renderer._items and all(id(i) in _scene_items(canvas) for i in renderer._items)
    picture = canvas.grab().toImage()
    canvas.layers.remove(layer)
    canvas.flush()
    assert _scene_items(canvas) == before
    assert canvas.grab().toImage() != picture  # the features are gone from the picture
    with pytest.raises(KeyError):
        canvas.renderer(layer)


def test_hide_and_show_follow_the_layer(kind, canvas):
    layer, _ = kind.make(5)
    canvas.layers.append(layer)
    canvas.flush()
    items = canvas.renderer(layer)._items
    seen: list[bool] = []
    layer.visibility_changed.connect(seen.append)
    layer.set_visible(False)
    layer.set_visible(False)  # no change: no signal
    assert not any(i.isVisible() for i in items)
    layer.set_visible(True)
    assert all(i.isVisible() for i in items) and seen == [False, True]


def test_restyle_opacity_reaches_every_item_once(kind, canvas):
    layer, _ = kind.make(5)
    canvas.layers.append(layer)
    canvas.flush()
    seen: list[float] = []
    layer.opacity_changed.connect(seen.append)
    layer.set_opacity(0.4)
    layer.set_opacity(0.4)
    assert seen == [pytest.approx(0.4)]
    assert all(i.opacity() == pytest.approx(0.4) for i in canvas.renderer(layer)._items)


def test_identify_at_a_feature_and_just_outside_it(kind, canvas):
    layer, first_id = kind.make(5)
    x, y = lonlat_to_map_scalar(*_lonlat(0))
    tolerance = 7 * canvas.units_per_pixel()
    hits = layer.hit_test(x, y, tolerance)
    assert hits and hits[0].item_id == first_id and hits[0].title
    far = layer.hit_test(x - 5_000, y - 5_000, tolerance)  # 5 km south-west: open sea
    assert far == []


def test_legend_names_every_entry(kind):
    layer, _ = kind.make(1)
    entries = layer.legend()
    assert entries and all(e.label for e in entries)


def test_empty_data_draws_and_has_no_extent(kind, canvas):
    layer, _ = kind.make(0)
    canvas.layers.append(layer)
    canvas.flush()
    canvas.grab()
    assert layer.extent() is None and not layer.has_data()


def test_huge_data_is_drawn_by_a_fixed_number_of_items(kind, canvas):
    """10,000 features: the renderer keeps one item per layer (or per class), never one
    per feature, and the picture is drawn."""
    small, _ = kind.make(10)
    canvas.layers.append(small)
    canvas.flush()
    items_small = len(canvas.renderer(small)._items)
    canvas.layers.remove(small)
    layer, _ = kind.make(10_000)
    canvas.layers.append(layer)
    canvas.flush()
    canvas.grab()
    assert len(canvas.renderer(layer)._items) <= items_small + 2
    extent = layer.extent()
    assert extent is not None and np.all(np.isfinite(extent))

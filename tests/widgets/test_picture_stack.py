"""Static pictures stacked into one must look exactly as the pictures drawn one by one,
render once for all of them, and be drawn afresh whenever a member changes (style,
visibility, opacity, taken off the map) or the view moves too far; on the map canvas
the stacks follow the layer order."""

from __future__ import annotations

from collections.abc import Callable

import pyqtgraph as pg
import pytest
import shapely
from PySide6.QtCore import QPointF
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen

from console.geo.crs import lonlat_to_map_scalar
from console.rules.geofence import Zone
from console.stores.records import RecordStore
from layers._draw.cached_paths import CachedPathsItem, StyledPath
from layers._draw.label_sprites import LabelsItem, LabelSprites
from layers._draw.picture_stack import PictureStack, PictureStacks, picture_runs
from layers.cameras.layer import CameraLayer
from layers.layer_list import LayerList
from layers.zones.layer import ZoneLayer
from tests.live.conftest import FakeClock, camera, canvas_with
from tests.widgets.test_cached_paths import _differing, _grab, _view

LAND = QColor("#f3ecd8")
SEA = QColor("#b9d3e6")


def _land() -> list[StyledPath]:
    path = QPainterPath()
    path.addRect(0, 0, 60, 90)
    outline = QPen(QColor("#7a5230"), 1.5)
    outline.setCosmetic(True)
    return [StyledPath(path, outline, QBrush(LAND))]


def _zone() -> list[StyledPath]:
    path = QPainterPath()
    path.addEllipse(QPointF(55, 45), 30, 30)
    line = QPen(QColor("#c62828"), 2.0)
    line.setCosmetic(True)
    return [StyledPath(path, line, QBrush(QColor(229, 57, 53, 90)))]


def _pictures(view: pg.ViewBox) -> list[CachedPathsItem]:
    items = [CachedPathsItem(_land()), CachedPathsItem(_zone())]
    for z, item in enumerate(items):
        view.addItem(item)
        item.setZValue(z)
    view.setRange(xRange=(-10, 100), yRange=(-10, 100), padding=0)
    return items


def _bind(qtbot):
    """Two views with the same two pictures: drawn one by one, and stacked."""
    single_widget, single_view = _view(qtbot)
    single = _pictures(single_view)
    stacked_widget, stacked_view = _view(qtbot)
    stacked = _pictures(stacked_view)
    stacks = PictureStacks(stacked_view)
    stacks.regroup(stacked)
    return single_widget, single, stacked_widget, stacked, stacks


def _colour_at(widget, view: pg.ViewBox, x: float, y: float) -> QColor:
    p = view.mapViewToDevice(QPointF(x, y))
    return _grab(widget).pixelColor(round(p.x()), round(p.y()))


def test_stacked_pictures_look_as_drawn_one_by_one_and_render_once(qtbot):
    single_widget, _single, stacked_widget, stacked, stacks = _bind(qtbot)
    assert len(stacks.stacks) == 1
    stack = stacks.stacks[0]
    assert stack.members == stacked
    reference = _grab(single_widget)
    assert _differing(reference, _grab(stacked_widget)) == 0
    assert stack.renders == 1
    assert [m.renders for m in stacked] == [0, 0]  # the members draw nothing themselves
    assert _differing(reference, _grab(stacked_widget)) == 0  # from the one cache
    assert stack.renders == 1


CHANGES: dict[str, Callable[[CachedPathsItem], None]] = {
    "restyle": lambda item: (setattr(item.shapes[0], "brush", QBrush(QColor("#2e7d32"))),
                             item.restyle()),
    "hide": lambda item: item.setVisible(False),
    "opacity": lambda item: item.setOpacity(0.3),
    "remove": lambda item: item.getViewBox().removeItem(item),
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_a_member_change_draws_the_stack_afresh(qtbot, change):
    single_widget, single, stacked_widget, stacked, stacks = _bind(qtbot)
    _grab(stacked_widget)
    stack = stacks.stacks[0]
    CHANGES[change](single[0])
    CHANGES[change](stacked[0])
    assert _differing(_grab(single_widget), _grab(stacked_widget)) == 0
    assert stack.renders == 2
    if change == "remove":
        assert stack.members == [stacked[1]]
        assert stacked[0].stack is None


def test_the_stack_renders_afresh_when_the_view_moves_far(qtbot):
    _single_widget, _single, stacked_widget, _stacked, stacks = _bind(qtbot)
    _grab(stacked_widget)
    stacks.view.scaleBy((0.3, 0.3))  # beyond MAX_PREVIEW_SCALE
    _grab(stacked_widget)
    assert stacks.stacks[0].renders == 2


def test_a_picture_leaving_the_stack_draws_itself_again(qtbot):
    _single_widget, _single, stacked_widget, stacked, stacks = _bind(qtbot)
    _grab(stacked_widget)
    stacks.regroup([])
    assert stacks.stacks == []
    assert all(m.stack is None for m in stacked)
    assert _colour_at(stacked_widget, stacks.view, 10, 10) == LAND


def test_runs_split_at_items_that_do_not_float_over_pictures(qtbot):
    a, b, c = (CachedPathsItem(_land()) for _ in range(3))
    labels = LabelsItem(LabelSprites(pg.QtGui.QFont()))
    symbols = pg.ScatterPlotItem()  # like the fleet: must never go under a picture
    for z, item in enumerate((a, labels, b, symbols, c)):
        item.setZValue(z)
    assert picture_runs([a, labels, b, symbols, c]) == [[a, b]]  # c alone: no stack
    assert picture_runs([c, b, a]) == [[a, b, c]]  # in z order
    assert picture_runs([a, PictureStack(), b]) == [[a, b]]


def _zone_layer(lon: float) -> ZoneLayer:
    x, y = lonlat_to_map_scalar(lon, 13.7)
    square = shapely.box(x - 3000, y - 3000, x + 3000, y + 3000)
    return ZoneLayer([Zone("z", "Zone", "Vùng", "no_fishing", "fishing", 15.0, "medium",
                           square, square)], "en")


def _camera_layer() -> CameraLayer:
    clock = FakeClock()
    store = RecordStore()
    store.apply([camera("c0", "online", clock.t - 60)])
    return CameraLayer(store, clock)


def test_the_canvas_stacks_neighbouring_static_layers_in_layer_order(qtbot):
    from widgets.map_canvas import MapCanvas

    layers = LayerList()
    canvas = MapCanvas(layers)
    canvas.resize(400, 300)
    canvas.show()
    qtbot.waitExposed(canvas)
    west, east, cameras = _zone_layer(109.2), _zone_layer(109.3), _camera_layer()
    for layer in (west, east, cameras):
        layers.append(layer)
    x0, y0 = lonlat_to_map_scalar(109.1, 13.6)
    x1, y1 = lonlat_to_map_scalar(109.4, 13.8)
    canvas.set_extent((x0, y0, x1, y1), padding=0)
    canvas.flush()
    pictures = [item for layer in (west, east) for item in canvas.renderer(layer).items()
                if isinstance(item, CachedPathsItem)]
    assert [s.members for s in canvas.stacks.stacks] == [pictures]

    layers.move(1, 2)  # the east zones above the cameras: never drawn under them
    assert canvas.stacks.stacks == []
    assert all(p.stack is None for p in pictures)

    layers.move(2, 1)
    assert [s.members for s in canvas.stacks.stacks] == [pictures]
    layers.remove(east)
    assert canvas.stacks.stacks == []
    for layer in list(layers):
        layers.remove(layer)
    canvas.close_canvas()
    canvas.close()
    canvas.deleteLater()


def test_a_new_storm_bulletin_replaces_the_storm_areas_in_the_stack(qtbot):
    """The storm renderer makes a new picture per bulletin: the stack drops the old one
    as it leaves the map and takes the new one at the next frame."""
    from console.model.storm import StormBulletin, StormPoint
    from tests.layers.test_layer_contract import _storm
    from widgets.map_canvas import MapCanvas

    layers = LayerList()
    canvas = MapCanvas(layers)
    canvas.resize(400, 300)
    canvas.show()
    qtbot.waitExposed(canvas)
    storm, _ = _storm(3)
    zones = _zone_layer(110.0)
    layers.append(zones)
    layers.append(storm)
    canvas.flush()

    def storm_picture() -> CachedPathsItem:
        (item,) = [i for i in canvas.renderer(storm).items() if isinstance(i, CachedPathsItem)]
        return item

    old = storm_picture()
    assert canvas.stacks.stacks[0].members[-1] is old
    watch = storm._test_watch
    b = watch.bulletin
    moved = tuple(StormPoint(p.t + 3600.0, p.lon + 0.5, p.lat, p.wind_level, p.gust_level,
                             p.r6_km) for p in b.observed)
    watch.apply([StormBulletin(b.name, b.number + 1, b.issued_at + 3600.0, moved, (), None,
                               b.danger_hours, b.source)])
    canvas.flush()
    new = storm_picture()
    assert new is not old
    assert canvas.stacks.stacks[0].members[-1] is new
    assert old not in canvas.stacks.stacks[0].members and old.stack is None
    for layer in list(layers):
        layers.remove(layer)
    canvas.close_canvas()
    canvas.close()
    canvas.deleteLater()


def test_a_stack_on_the_background_is_opaque_and_looks_the_same(qtbot):
    """Nothing under the stack but the view's background: the picture is drawn on that
    colour (an opaque blit is 3x cheaper) and looks as the pictures drawn one by one;
    with an item under it, it stays transparent."""
    single_widget, single_view = _view(qtbot)
    _pictures(single_view)
    stacked_widget, stacked_view = _view(qtbot)
    stacked = _pictures(stacked_view)
    stacks = PictureStacks(stacked_view)
    stacks.regroup(stacked, SEA)
    stack = stacks.stacks[0]
    assert _differing(_grab(single_widget), _grab(stacked_widget)) == 0
    assert stack.ground == SEA and not stack._cache.hasAlphaChannel()

    under = pg.ScatterPlotItem()  # e.g. a tile layer below the basemap
    under.setZValue(-1)
    stacks.regroup([under, *stacked], SEA)
    assert stack.ground is None
    _grab(stacked_widget)
    assert stack._cache.hasAlphaChannel()
    assert _differing(_grab(single_widget), _grab(stacked_widget)) == 0


def test_the_sea_shows_wherever_the_opaque_stack_stands_for_the_background(qtbot):
    """The canvas leaves the background to an opaque stack. Zoomed out past its picture
    (the old picture previewed smaller) and far away from every shape, the operator
    still sees the sea colour all round, never the last frame's pixels."""
    canvas = canvas_with(qtbot, _zone_layer(109.2), _zone_layer(109.3))
    x0, y0 = lonlat_to_map_scalar(109.1, 13.6)
    x1, y1 = lonlat_to_map_scalar(109.4, 13.8)
    canvas.set_extent((x0, y0, x1, y1), padding=0)
    canvas.flush()
    stack = canvas.stacks.stacks[0]
    assert stack.ground is not None and canvas.stacks.paint_background()
    sea = QColor(stack.ground)
    w, h = x1 - x0, y1 - y0
    canvas.grab()
    renders = stack.renders
    # zoomed out by 1/0.7: the kept picture is previewed smaller, the edges around it
    canvas.set_extent((x0 - 0.2 * w, y0 - 0.2 * h, x1 + 0.2 * w, y1 + 0.2 * h), padding=0)
    frame = canvas.grab().toImage()
    assert stack.renders == renders  # a preview, not a render
    for x, y in ((2, 2), (frame.width() - 3, frame.height() - 3)):
        assert frame.pixelColor(x, y) == sea
    # far out at sea, beyond every shape's bounds
    canvas.set_extent((x0 + 50 * w, y0, x1 + 50 * w, y1), padding=0)
    frame = canvas.grab().toImage()
    assert frame.pixelColor(frame.width() // 2, frame.height() // 2) == sea


def test_an_opaque_stack_repaints_itself_at_a_quays_zoom(qtbot):
    """Zoomed to a couple of hundred metres (zoom to one vessel), the stack's own
    repaints still reach the screen: the exact picture SETTLE_MS after a zoom, and the
    new picture when a member layer is hidden. (A fixed 'whole plane' bounding rect
    overflowed Qt's integer device rectangles there and they were dropped.)"""
    from layers._draw import cached_paths as cp

    west, east = _zone_layer(109.2), _zone_layer(109.2)
    canvas = canvas_with(qtbot, west, east)
    cx, cy = lonlat_to_map_scalar(109.2, 13.7)
    cx -= 3000  # on the zone squares' west edge: zone fill on one half, sea on the other
    canvas.set_extent((cx - 120, cy - 75, cx + 120, cy + 75), padding=0)
    canvas.flush()
    stack = canvas.stacks.stacks[0]
    qtbot.waitUntil(lambda: stack.renders >= 1, timeout=2000)
    renders = stack.renders
    canvas.zoom(1.2)  # previewed at once, the exact picture once the view settles
    qtbot.waitUntil(lambda: stack.renders == renders + 1, timeout=6 * cp.SETTLE_MS)
    inside = canvas.view.mapViewToDevice(QPointF(cx + 40, cy))
    at = (round(inside.x()), round(inside.y()))
    zone_fill = canvas.grab().toImage().pixelColor(*at)
    assert zone_fill != QColor(stack.ground)
    west.set_visible(False)
    east.set_visible(False)
    qtbot.waitUntil(lambda: stack.renders == renders + 2, timeout=2000)
    assert canvas.grab().toImage().pixelColor(*at) == QColor(stack.ground)


def test_pictures_drawn_alone_give_their_memory_back_when_stacked(qtbot):
    widget, view = _view(qtbot)
    pictures = _pictures(view)
    _grab(widget)  # drawn one by one: each keeps its picture
    assert all(p._pictures for p in pictures)
    stacks = PictureStacks(view)
    stacks.regroup(pictures)
    assert all(p._pictures == [] for p in pictures)  # the stack draws them from now on
    _grab(widget)
    assert stacks.stacks[0].renders == 1

"""While the view moves the canvas shows its last picture moved (widgets/still_picture.py)
and draws the layers afresh once the view settles. What the operator sees must stay
true: the moved picture matches the exact one wherever it reaches (no overlay dragged
along), data that arrived meanwhile appears on settling, a grab or export is always
exact, and a move too far for the picture is drawn at once."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage

from console.model.freshness import VmsThresholds
from layers.vessels.layer import VesselLayer
from tests.live.conftest import FakeClock, canvas_with, vessel
from widgets.still_picture import backing_image

PAN_PX = 60


def _screen(canvas) -> QImage:
    """What the window shows of the canvas now (its backing store), not a new render."""
    found = backing_image(canvas.viewport())
    assert found is not None, "a raster backing store (offscreen / xcb)"
    image, offset = found
    size = canvas.viewport().size() * image.devicePixelRatio()
    return image.copy(QRect(offset, size)).convertToFormat(QImage.Format.Format_RGB32)


def _grab(canvas) -> QImage:
    return canvas.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def _pixels(image: QImage) -> np.ndarray:
    """(height, width, 3) red, green, blue of an RGB32 image."""
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(),
                                                              image.bytesPerLine())
    bgra = rows[:, : image.width() * 4].reshape(image.height(), image.width(), 4)
    return bgra[..., 2::-1].astype(int)


def _rgb(colour: QColor) -> list[int]:
    return [colour.red(), colour.green(), colour.blue()]


def _fleet(qtbot):
    from console.stores.vessels import VesselStore

    clock = FakeClock()
    store = VesselStore()
    rng = np.random.default_rng(7)
    store.apply([vessel(f"v{i}", clock.t - 60, float(rng.uniform(109.2, 110.8)),
                        float(rng.uniform(12.7, 14.3)), course_deg=float(rng.uniform(0, 359)))
                 for i in range(150)])
    canvas = canvas_with(qtbot, VesselLayer(store, clock, VmsThresholds()))
    canvas.set_settle_delay(60_000)  # the test says when the view settles
    canvas.set_extent(_box(109, 12.5, 111, 14.5))
    canvas.settle()  # (the first picture was drawn at the canvas's initial view)
    _paint(qtbot, canvas)
    assert not canvas.is_moving()
    return canvas, store, clock


def _box(lon0: float, lat0: float, lon1: float, lat1: float):
    from console.geo.crs import lonlat_to_map

    x, y = lonlat_to_map(np.array([lon0, lon1]), np.array([lat0, lat1]))
    return float(x[0]), float(y[0]), float(x[1]), float(y[1])


def _paint(qtbot, canvas) -> None:
    """Let the frame clock flush and the canvas paint to the screen."""
    before = canvas.frames_painted
    canvas.flush()
    canvas.viewport().update()
    qtbot.waitUntil(lambda: canvas.frames_painted > before, timeout=5000)


def _pan_right(canvas, pixels: int) -> None:
    """Move the view `pixels` to the east, scale unchanged."""
    x0, y0, x1, y1 = canvas.extent()
    dx = pixels * canvas.units_per_pixel()
    canvas.set_extent((x0 + dx, y0, x1 + dx, y1), padding=0)


def _settle(qtbot, canvas) -> None:
    """What the settle timer does once the view holds still, and the paint it causes."""
    settles, before = canvas.settles, canvas.frames_painted
    canvas.settle()
    assert canvas.settles == settles + 1
    qtbot.waitUntil(lambda: canvas.frames_painted > before, timeout=5000)


def _vessel_in_middle(canvas, store, clock) -> None:
    """A vessel reports in the middle of the view; the layers are told."""
    from console.geo.crs import map_to_lonlat

    x0, y0, x1, y1 = canvas.extent()
    lon, lat = map_to_lonlat(np.array([(x0 + x1) / 2]), np.array([(y0 + y1) / 2]))
    store.apply([vessel("new", clock.t - 10, float(lon[0]), float(lat[0]))])
    canvas.mark_live_dirty()


def _middle(image: np.ndarray) -> np.ndarray:
    h, w = image.shape[:2]
    return image[h // 2 - 6: h // 2 + 7, w // 2 - 6: w // 2 + 7]


def test_a_moved_picture_matches_the_exact_one_and_carries_no_overlay(qtbot):
    canvas, _store, _clock = _fleet(qtbot)
    rendered = canvas.frames_rendered
    _pan_right(canvas, PAN_PX)
    _paint(qtbot, canvas)
    assert canvas.is_moving()
    assert canvas.frames_rendered == rendered, "a pan shows the kept picture, moved"
    moved = _pixels(_screen(canvas))
    _settle(qtbot, canvas)
    assert canvas.frames_rendered == rendered + 1
    exact = _pixels(_screen(canvas))
    width = moved.shape[1]
    reach = slice(0, width - PAN_PX)  # the moved picture covers all but the east strip
    differ = np.abs(moved[:, reach] - exact[:, reach]).max(axis=2) > 2
    assert differ.sum() <= 10, (
        f"{differ.sum()} pixels of the moved picture differ from the exact render "
        f"(an overlay moved with the map?) at rows {np.flatnonzero(differ.any(axis=1))[:10]}")
    strip = moved[70:-40, width - PAN_PX + 2:]  # (below the north arrow, above the bar)
    assert (strip == _rgb(canvas.backgroundBrush().color())).all(), "the uncovered strip is sea"


def test_data_that_arrives_while_moving_is_drawn_when_the_view_settles(qtbot):
    canvas, store, clock = _fleet(qtbot)
    _pan_right(canvas, PAN_PX)
    _paint(qtbot, canvas)
    before = _pixels(_screen(canvas))
    _vessel_in_middle(canvas, store, clock)  # it reports during the move
    _paint(qtbot, canvas)
    still_moving = _pixels(_screen(canvas))
    assert (_middle(still_moving) == _middle(before)).all(), "drawn before the view settled"
    _settle(qtbot, canvas)
    settled = _pixels(_screen(canvas))
    assert (np.abs(_middle(settled) - _middle(before)).max(axis=2) > 40).sum() >= 12, (
        "the new vessel's symbol is drawn once the view settles")


def test_a_grab_while_moving_is_the_exact_picture(qtbot):
    canvas, store, clock = _fleet(qtbot)
    _pan_right(canvas, PAN_PX)
    _paint(qtbot, canvas)
    _vessel_in_middle(canvas, store, clock)  # it reports during the move
    grabbed = _pixels(_grab(canvas))  # e.g. main.py --screenshot, a report's map
    _settle(qtbot, canvas)
    exact = _pixels(_grab(canvas))
    assert (np.abs(grabbed - exact).max(axis=2) > 2).sum() == 0
    sea = _rgb(canvas.backgroundBrush().color())
    assert (np.abs(_middle(grabbed) - sea).max(axis=2) > 40).any(), (
        "the grab shows the vessel that reported during the move")


def test_a_move_too_far_for_the_kept_picture_is_drawn_at_once(qtbot):
    canvas, _store, _clock = _fleet(qtbot)
    rendered = canvas.frames_rendered
    canvas.zoom(1.5)  # within the kept picture's reach: shown scaled
    _paint(qtbot, canvas)
    assert canvas.frames_rendered == rendered
    canvas.zoom(3.0)  # 4.5x the kept picture: it would be a blur, so the layers draw
    _paint(qtbot, canvas)
    assert canvas.frames_rendered == rendered + 1
    assert canvas.is_moving(), "static pictures still settle once the view holds still"
    _pan_right(canvas, canvas.width())  # a whole view away: nothing of the picture shows
    _paint(qtbot, canvas)
    assert canvas.frames_rendered == rendered + 2


def test_the_strip_a_pan_uncovers_shows_the_ground_picture_not_empty_sea(qtbot):
    from console.geo.crs import map_to_lonlat
    from tests.widgets.test_picture_stack import _zone_layer

    canvas, _store, _clock = _fleet(qtbot)
    _x0, y0, x1, y1 = canvas.extent()
    # two static layers just east of the view (a stack: the ground picture), inside the
    # margin its kept picture holds beyond the view
    lon, _lat = map_to_lonlat(np.array([x1 + 30 * canvas.units_per_pixel()]),
                              np.array([(y0 + y1) / 2]))
    for layer in (_zone_layer(float(lon[0])), _zone_layer(float(lon[0]))):
        canvas.layers.append(layer)
        canvas.layers.move(len(canvas.layers) - 1, 0)  # under the fleet
    assert canvas.stacks.stacks and canvas.stacks.stacks[0].ground is not None
    canvas.viewport().update()
    _paint(qtbot, canvas)  # the ground picture is rendered (with its margin)
    _pan_right(canvas, PAN_PX)
    _paint(qtbot, canvas)
    assert canvas.is_moving()
    moved = _pixels(_screen(canvas))
    from console.geo.crs import lonlat_to_map_scalar

    _zx, zy = lonlat_to_map_scalar(float(lon[0]), 13.7)  # (the zones' latitude)
    row = round((y1 - zy) / canvas.units_per_pixel())
    # the strip the pan uncovered, around the zones' square (an outline ~16 px wide)
    around = (slice(row - 15, row + 16), slice(canvas.width() - PAN_PX + 2, canvas.width()))
    sea = _rgb(canvas.backgroundBrush().color())
    assert (np.abs(moved[around] - sea).max(axis=2) > 40).sum() >= 30, (
        "the zones' outline shows in the uncovered strip")
    _settle(qtbot, canvas)
    exact = _pixels(_screen(canvas))
    assert (np.abs(exact[around] - moved[around]).max(axis=2) > 2).sum() == 0, (
        "the strip showed the ground picture as the settled render draws it")


def test_no_copy_of_a_widget_over_the_map_moves_with_it(qtbot):
    from PySide6.QtWidgets import QLabel

    canvas, _store, _clock = _fleet(qtbot)
    banner = QLabel("Mất kết nối", canvas)  # as the connection banner and hints are
    banner.setStyleSheet("background: #d01010; color: white;")
    banner.setGeometry(300, 250, 200, 40)
    banner.show()
    canvas.viewport().update()
    _paint(qtbot, canvas)
    _pan_right(canvas, PAN_PX)
    _paint(qtbot, canvas)
    assert canvas.is_moving()
    moved = _pixels(_screen(canvas))
    ghost = moved[255:285, 300 - PAN_PX + 5: 300 - 5]  # left of the banner: its old place
    red = (ghost[..., 0] > 180) & (ghost[..., 1] < 80) & (ghost[..., 2] < 80)
    assert not red.any(), "a copy of the banner moved with the map"
    here = moved[255:285, 310:490]
    assert ((here[..., 0] > 180) & (here[..., 1] < 80)).mean() > 0.5, "the banner stays put"


def test_a_resized_canvas_renders_and_never_shows_a_picture_of_the_old_size(qtbot):
    canvas, _store, _clock = _fleet(qtbot)
    rendered = canvas.frames_rendered
    canvas.resize(900, 650)  # a dock closed, the window maximised
    _paint(qtbot, canvas)
    assert canvas.frames_rendered > rendered, "the new size is rendered, not moved"
    assert (_pixels(_screen(canvas)) == _pixels(_grab(canvas))).all()


def test_a_move_never_shows_a_picture_older_than_the_last_render(qtbot):
    canvas, store, clock = _fleet(qtbot)
    _pan_right(canvas, PAN_PX)  # a first move keeps a picture without the new vessel
    _paint(qtbot, canvas)
    _settle(qtbot, canvas)
    _vessel_in_middle(canvas, store, clock)
    _paint(qtbot, canvas)
    shown = _pixels(_screen(canvas))
    canvas.resize(900, 650)  # a dock shown and hidden again before any paint
    canvas.resize(800, 600)
    _pan_right(canvas, 4)
    _paint(qtbot, canvas)
    now = _pixels(_screen(canvas))
    rows, cols = slice(294, 307), slice(394, 407)  # around the new vessel
    west = slice(cols.start - 4, cols.stop - 4)  # where it is after the 4 px pan
    assert (np.abs(now[rows, west] - shown[rows, cols]).max(axis=2) > 40).sum() <= 12, (
        "the new vessel is still drawn (not the picture from before it reported)")


def test_a_layer_hidden_as_the_view_moves_is_gone_at_once(qtbot):
    canvas, _store, _clock = _fleet(qtbot)
    fleet = canvas.layers[0]
    fleet.set_visible(False)  # as a workspace restore does, then sets its view
    _pan_right(canvas, 5)
    _paint(qtbot, canvas)
    now = _pixels(_screen(canvas))
    sea = _rgb(canvas.backgroundBrush().color())
    assert (np.abs(now[60:-60, 60:-100] - sea).max(axis=2) > 40).sum() == 0, (
        "the hidden fleet still shows")


def test_a_print_while_moving_has_every_layer_at_the_printed_view(qtbot):
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QPainter

    from console.geo.crs import map_to_lonlat
    from console.model.camera import Camera
    from console.stores.records import RecordStore
    from layers.cameras.layer import CameraLayer

    canvas, _store, clock = _fleet(qtbot)
    cameras = RecordStore()
    canvas.layers.append(CameraLayer(cameras, clock))
    _paint(qtbot, canvas)
    _pan_right(canvas, PAN_PX)
    _paint(qtbot, canvas)
    assert canvas.is_moving()
    x0, y0, x1, y1 = canvas.extent()  # a camera comes online in the middle meanwhile
    lon, lat = map_to_lonlat(np.array([(x0 + x1) / 2]), np.array([(y0 + y1) / 2]))
    cameras.apply([Camera("c1", "Cam 1", "traffic", "online", float(lon[0]), float(lat[0]),
                          clock.t)])
    canvas.flush()  # (the print flushes, as widgets/replay/print_map.py does)
    image = QImage(canvas.viewport().size(), QImage.Format.Format_RGB32)
    painter = QPainter(image)
    canvas.render(painter, QRectF(image.rect()), canvas.viewport().rect())
    painter.end()
    sea = _rgb(canvas.backgroundBrush().color())
    assert (np.abs(_middle(_pixels(image)) - sea).max(axis=2) > 40).sum() >= 12, (
        "the camera that came online during the move is on the print")

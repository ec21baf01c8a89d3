"""Static shapes drawn from a cache must look exactly as if drawn directly, follow the
view when it moves and show a new style at once."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsPathItem

from layers._draw import cached_paths as cp
from layers._draw.cached_paths import CachedPathsItem, StyledPath


def _shapes() -> list[StyledPath]:
    land = QPainterPath()
    land.addPolygon(
        QPolygonF([QPointF(x, y) for x, y in ((0, 0), (60, 5), (80, 50), (30, 90), (5, 40))])
    )
    land.closeSubpath()
    river = QPainterPath(QPointF(10, 80))
    river.cubicTo(QPointF(40, 20), QPointF(60, 90), QPointF(95, 10))
    outline = QPen(QColor("#7a5230"), 1.5)
    outline.setCosmetic(True)
    water = QPen(QColor("#2f7fc1"), 2.0)
    water.setCosmetic(True)
    return [
        StyledPath(land, outline, QBrush(QColor("#f3ecd8"))),
        StyledPath(river, water, QBrush(Qt.BrushStyle.NoBrush)),
    ]


def _view(qtbot) -> tuple[pg.GraphicsView, pg.ViewBox]:
    widget = pg.GraphicsView(background="#b9d3e6")
    widget.setAntialiasing(True)
    view = pg.ViewBox(lockAspect=True, enableMenu=False)
    widget.setCentralItem(view)
    qtbot.addWidget(widget)
    widget.resize(320, 240)
    widget.show()
    qtbot.waitExposed(widget)
    return widget, view


def _grab(widget) -> QImage:
    return widget.grab().toImage().convertToFormat(QImage.Format.Format_ARGB32)


def _differing(a: QImage, b: QImage, tolerance: int = 2) -> int:
    count = 0
    for y in range(a.height()):
        for x in range(a.width()):
            ca, cb = a.pixelColor(x, y), b.pixelColor(x, y)
            if (
                max(
                    abs(ca.red() - cb.red()),
                    abs(ca.green() - cb.green()),
                    abs(ca.blue() - cb.blue()),
                )
                > tolerance
            ):
                count += 1
    return count


def _bind(qtbot):
    direct_widget, direct_view = _view(qtbot)
    for shape in _shapes():
        item = QGraphicsPathItem(shape.path)
        item.setPen(shape.pen)
        item.setBrush(shape.brush)
        direct_view.addItem(item)
    cached_widget, cached_view = _view(qtbot)
    cached = CachedPathsItem(_shapes())
    cached_view.addItem(cached)
    for view in (direct_view, cached_view):
        view.setRange(xRange=(-10, 100), yRange=(-10, 100), padding=0)
    return direct_widget, direct_view, cached_widget, cached_view, cached


def test_cached_drawing_matches_direct_drawing_and_follows_the_view(qtbot):
    direct_widget, direct_view, cached_widget, cached_view, cached = _bind(qtbot)
    reference = _grab(direct_widget)
    assert _differing(reference, _grab(cached_widget)) == 0  # first picture: rendered
    assert cached.renders == 1
    assert _differing(reference, _grab(cached_widget)) == 0  # it stayed: from the cache
    assert cached.renders == 1

    for view in (direct_view, cached_view):
        view.translateBy(x=17.0)
        view.scaleBy((0.8, 0.8))
    moved = _grab(direct_widget)
    preview = _grab(cached_widget)  # while moving: the last picture, moved and scaled
    assert cached.renders == 1
    centre = cached_view.mapViewToDevice(QPointF(40, 45))
    assert preview.pixelColor(round(centre.x()), round(centre.y())) == QColor("#f3ecd8")
    assert _differing(moved, preview) < 0.1 * moved.width() * moved.height()
    qtbot.waitUntil(lambda: cached.renders == 2, timeout=2000)  # it held still: afresh
    assert _differing(moved, _grab(cached_widget)) == 0


def test_the_picture_is_rendered_afresh_when_the_view_settles(qtbot):
    """After the last move nobody may have to paint again: the item asks for the paint
    that renders the exact picture itself, SETTLE_MS later."""
    direct_widget, direct_view, cached_widget, cached_view, cached = _bind(qtbot)
    _grab(cached_widget)
    for view in (direct_view, cached_view):
        view.translateBy(x=9.0)
    cached_widget.viewport().repaint()  # the move's paint: a preview
    cached_widget.viewport().repaint()  # a data-driven paint at once: still a preview
    assert cached.renders == 1
    qtbot.waitUntil(lambda: cached.renders == 2, timeout=2000)
    assert _differing(_grab(direct_widget), _grab(cached_widget)) == 0


def test_a_far_zoom_is_not_previewed_from_a_blurred_picture(qtbot):
    _direct_widget, _direct_view, cached_widget, cached_view, cached = _bind(qtbot)
    _grab(cached_widget)
    cached_view.scaleBy((0.3, 0.3))  # beyond MAX_PREVIEW_SCALE
    _grab(cached_widget)
    assert cached.renders == 2


def test_restyle_shows_the_new_style(qtbot):
    widget, view = _view(qtbot)
    item = CachedPathsItem(_shapes())
    view.addItem(item)
    view.setRange(xRange=(-10, 100), yRange=(-10, 100), padding=0)
    _grab(widget)
    before = _grab(widget)  # from the cache
    item.shapes[0].brush = QBrush(Qt.BrushStyle.NoBrush)  # e.g. fills off over tiles
    item.restyle()
    after = _grab(widget)
    centre = view.mapViewToDevice(QPointF(40, 45))
    x, y = round(centre.x()), round(centre.y())
    assert before.pixelColor(x, y) == QColor("#f3ecd8")
    assert after.pixelColor(x, y) == QColor("#b9d3e6")


def _pan_px(views, px: float) -> None:
    """Pan every view east by `px` device pixels (past the picture's 10 % margin)."""
    for view in views:
        d = px * view.viewPixelSize()[0]
        (x0, x1), (y0, y1) = view.viewRange()
        view.setRange(xRange=(x0 + d, x1 + d), yRange=(y0, y1), padding=0)


def test_a_pan_past_the_margin_moves_the_picture_and_draws_only_the_new_strip(qtbot):
    direct_widget, direct_view, cached_widget, cached_view, cached = _bind(qtbot)
    _grab(cached_widget)
    _pan_px((direct_view, cached_view), 100.0)  # whole pixels: the moved picture is exact
    assert _differing(_grab(direct_widget), _grab(cached_widget)) == 0
    assert (cached.renders, cached.scrolls) == (1, 1)
    qtbot.wait(3 * cp.SETTLE_MS)  # held still: nothing to render afresh
    assert cached.renders == 1


def test_a_fractional_pan_is_drawn_exactly_once_the_view_settles(qtbot):
    direct_widget, direct_view, cached_widget, cached_view, cached = _bind(qtbot)
    _grab(cached_widget)
    _pan_px((direct_view, cached_view), 100.5)
    moved = _grab(direct_widget)
    assert _differing(moved, _grab(cached_widget)) < 0.05 * moved.width() * moved.height()
    assert (cached.renders, cached.scrolls) == (1, 1)
    qtbot.waitUntil(lambda: cached.renders == 2, timeout=2000)
    assert _differing(moved, _grab(cached_widget)) == 0


def test_a_live_map_settles_while_data_keeps_repainting_it(qtbot):
    """After a zoom the moved picture (nearest-neighbour, blocky) is a stopgap. On a live
    map data repaints the view every few tens of milliseconds without moving it; those
    paints must not hold the exact picture back: it comes SETTLE_MS after the last move
    whatever repaints the data asks for."""
    direct_widget, direct_view, cached_widget, cached_view, cached = _bind(qtbot)
    _grab(cached_widget)
    for view in (direct_view, cached_view):
        view.scaleBy((0.8, 0.8))  # a zoom within MAX_PREVIEW_SCALE: previewed
    cached_widget.viewport().repaint()
    assert cached.renders == 1
    repaints = pg.QtCore.QTimer()
    repaints.timeout.connect(cached_widget.viewport().repaint)  # live data, every 30 ms
    repaints.start(30)
    try:
        qtbot.waitUntil(lambda: cached.renders == 2, timeout=4 * cp.SETTLE_MS)
    finally:
        repaints.stop()
    assert _differing(_grab(direct_widget), _grab(cached_widget)) == 0


def _home(views) -> None:
    for view in views:
        view.setRange(xRange=(-10, 100), yRange=(-10, 100), padding=0)


def test_a_view_returned_to_is_drawn_from_the_picture_kept_for_it(qtbot):
    """An operator zooms into a place and back out: the view they come back to was
    rendered before, and is shown from that picture at once, exactly, with nothing to
    render afresh when it settles."""
    direct_widget, direct_view, cached_widget, cached_view, cached = _bind(qtbot)
    home = _grab(direct_widget)
    _grab(cached_widget)
    for view in (direct_view, cached_view):
        view.scaleBy((0.3, 0.3))  # too far for a preview: rendered
    _grab(cached_widget)
    assert cached.renders == 2
    _home((direct_view, cached_view))
    back = _grab(cached_widget)
    assert cached.renders == 2  # the first picture, kept
    assert _differing(home, back) == 0
    assert not cached._settle.isActive()  # exact already: nothing waits to be redrawn


def test_kept_pictures_stay_within_the_memory_budget(qtbot, monkeypatch):
    direct_widget, direct_view, cached_widget, cached_view, cached = _bind(qtbot)
    _grab(cached_widget)
    one = cached._pictures[0].bytes
    monkeypatch.setattr(cp.BUDGET, "limit_bytes", int(one * 1.5))
    for view in (direct_view, cached_view):
        view.scaleBy((0.3, 0.3))
    _grab(cached_widget)
    assert cached.renders == 2
    assert len(cached._pictures) == 1  # the first picture went to make room
    _home((direct_view, cached_view))
    assert _differing(_grab(direct_widget), _grab(cached_widget)) == 0
    assert cached.renders == 3  # forgotten: rendered again


def _export(widget) -> QImage:
    """The view rendered into an image twice its size, as the print / PNG export does."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QPainter

    image = QImage(widget.width() * 2, widget.height() * 2, QImage.Format.Format_ARGB32)
    image.fill(QColor("#b9d3e6"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    widget.render(painter, QRectF(image.rect()), widget.viewport().rect())
    painter.end()
    return image


def test_every_export_is_the_exact_picture_and_none_is_kept(qtbot):
    """A second export of another view must not be the first export's picture scaled
    (a blocky map in a printed report); exports leave the screen's pictures as they
    were."""
    direct_widget, direct_view, cached_widget, cached_view, cached = _bind(qtbot)
    _grab(cached_widget)
    kept = list(cached._pictures)
    assert _differing(_export(direct_widget), _export(cached_widget)) == 0
    for view in (direct_view, cached_view):
        view.scaleBy((0.8, 0.8))  # within a preview's reach of the first export
    assert _differing(_export(direct_widget), _export(cached_widget)) == 0
    assert cached._pictures == kept



def test_a_view_left_and_returned_to_while_moving_still_settles_exactly(qtbot):
    """Zoom to B (previewed), straight back to A (its kept picture: exact), the view
    settles at A, then to B again: B's preview is a stopgap again and its exact picture
    must follow SETTLE_MS later, as after any move."""
    direct_widget, direct_view, cached_widget, cached_view, cached = _bind(qtbot)
    _grab(cached_widget)

    def show_b() -> None:
        for view in (direct_view, cached_view):
            view.setRange(xRange=(-5, 85), yRange=(-5, 85), padding=0)
        _grab(cached_widget)

    show_b()  # previewed
    _home((direct_view, cached_view))
    _grab(cached_widget)  # A's kept picture
    qtbot.waitUntil(lambda: not cached._settle.isActive(), timeout=4 * cp.SETTLE_MS)
    _grab(cached_widget)
    assert cached.renders == 1
    show_b()
    qtbot.waitUntil(lambda: cached.renders == 2, timeout=4 * cp.SETTLE_MS)
    assert _differing(_grab(direct_widget), _grab(cached_widget)) == 0

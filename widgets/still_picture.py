"""The last map picture the canvas drew, kept to be shown moved while the view moves.

Why: a live frame renders every live layer afresh (the fleet, its tails, stations,
cameras, incidents, their labels) and the static pictures under them: 7-9 ms at
1600x1000 for the demo fleet, 15-20 ms for 100,000 vessels. While the operator drags or
wheels the map, each new view would pay that again. As QGIS's canvas does, the canvas
instead shows its last complete picture moved and scaled to the new view (one blit,
~1 ms) and renders every layer afresh once the view has been still for a moment (the
canvas's settle delay). What the operator sees while moving is the map as it was drawn
a fraction of a second before, never a different place; data that changed meanwhile is
drawn on settling.

The picture is copied from the window's backing store when a move begins: the window
then still shows the last render. Copying it at every render cost 0.7-1 ms of each
(6 MB at 1600x1000); a move's first frame pays it once instead. The places where the
overlays (scale bar, north arrow, inset, attribution) and child widgets (banners, hints)
were drawn over the map are left out of the picture (`valid`): overlays are drawn afresh,
fixed, on every frame, and no copy of one ever moves with the map. A grab or export
never uses the picture (the canvas renders exactly for those). GUI thread only.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, QSize
from PySide6.QtGui import QImage, QPainter, QRegion, QTransform
from PySide6.QtWidgets import QWidget

MAX_SCALE = 2.0  # shown scaled beyond this (or below its inverse): rendered instead
MIN_COVER = 0.25  # of the view the moved picture must still cover: else rendered instead


def paints_window(painter: QPainter, widget: QWidget) -> bool:
    """Whether `painter` draws into `widget`'s window backing store (a paint that reaches
    the screen), not into a grab's or an export's pixmap (both paint the widget too)."""
    store = widget.backingStore()
    engine = painter.paintEngine()
    if store is None or engine is None:
        return False
    target, window = engine.paintDevice(), store.paintDevice()
    # the same image (QImage's == compares every pixel; the key names the pixels' buffer)
    return (isinstance(target, QImage) and isinstance(window, QImage)
            and target.cacheKey() == window.cacheKey())


def backing_image(widget: QWidget) -> tuple[QImage, QPoint] | None:
    """The window's backing store image and where `widget` sits in it (device pixels,
    as mapped by the widget's position; `StillPicture.take` uses the paint's own map)."""
    store = widget.backingStore()
    device = store.paintDevice() if store is not None else None
    if not isinstance(device, QImage):
        return None  # a platform without a raster backing store: no picture kept
    ratio = device.devicePixelRatio()
    offset = widget.mapTo(widget.window(), QPoint(0, 0))
    return device, QPoint(round(offset.x() * ratio), round(offset.y() * ratio))


class StillPicture:
    """The kept picture, the map-to-device transform it was drawn with, which of its
    pixels show the map, and the blit that shows it at another transform."""

    def __init__(self) -> None:
        self.image: QImage | None = None
        self.transform: QTransform | None = None  # map units -> device (logical px)
        self.valid = QRegion()  # the pixels that show the map (not an overlay, a widget)
        self.captures = 0  # pictures taken (tests count them)

    def forget(self) -> None:
        self.image = None
        self.transform = None
        self.valid = QRegion()

    def take(self, widget: QWidget, to_window: QTransform, transform: QTransform,
             holes: list[QRect]) -> None:
        """Copy what the window shows of `widget` now, a render at `transform` (map ->
        widget pixels) painted through `to_window` (widget -> window device pixels, the
        paint's device transform: at a fractional pixel ratio Qt's own rounding of the
        widget's place), except `holes` (widget pixels: overlays and child widgets)."""
        found = backing_image(widget)
        if found is None:
            self.forget()
            return
        source, _offset = found
        corner = to_window.map(QPointF(0, 0))
        offset = QPoint(math.floor(corner.x() + 0.5), math.floor(corner.y() + 0.5))
        ratio = source.devicePixelRatio()
        size = (round(widget.width() * ratio), round(widget.height() * ratio))
        if self.image is None or (self.image.width(), self.image.height()) != size:
            self.image = QImage(*size, source.format())
            self.image.setDevicePixelRatio(ratio)
        painter = QPainter(self.image)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
        painter.drawImage(QRectF(widget.rect()), source,
                          QRectF(QRect(offset, QSize(*size))))
        painter.end()
        self.transform = QTransform(transform)
        self.valid = QRegion(widget.rect())
        for hole in holes:
            self.valid -= QRegion(hole)
        self.captures += 1

    def to_device(self, transform: QTransform, size: QSize) -> QTransform | None:
        """Picture pixels -> device pixels for a view of `size` (logical pixels) drawn at
        `transform`; None when the picture cannot stand for that view (none kept, another
        size, scaled or moved too far)."""
        if self.image is None or self.transform is None:
            return None
        if self.image.deviceIndependentSize().toSize() != size:
            return None
        inverse, invertible = self.transform.inverted()
        if not invertible:
            return None
        moved = inverse * transform
        scale = math.hypot(moved.m11(), moved.m12())
        if not (1 / MAX_SCALE <= scale <= MAX_SCALE):
            return None
        width, height = self.image.deviceIndependentSize().toTuple()
        covered = moved.mapRect(QRectF(0, 0, width, height)).intersected(
            QRectF(0, 0, width, height))
        if covered.width() * covered.height() < MIN_COVER * width * height:
            return None
        return moved

    def paint_moved(self, painter: QPainter, moved: QTransform,
                    fill: Callable[[QPainter, QRegion], None]) -> None:
        """The picture moved by `moved` (from `to_device`); `fill(painter, region)` paints
        where its map pixels do not reach (the strips a pan or a zoom out uncovers, the
        places overlays or widgets covered; the canvas lays the ground there, its layers
        come on settling)."""
        assert self.image is not None
        width, height = self.image.deviceIndependentSize().toTuple()
        view = QRegion(QRect(0, 0, math.ceil(width), math.ceil(height)))
        shown = moved.map(self.valid) & view
        uncovered = view - shown
        painter.save()
        painter.resetTransform()
        if not uncovered.isEmpty():
            fill(painter, uncovered)
        painter.setClipRegion(shown)
        painter.setTransform(moved)
        painter.drawImage(QPointF(0, 0), self.image)
        painter.restore()

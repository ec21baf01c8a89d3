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

The picture is copied from the window's backing store right after the map was painted
there and before the overlays (scale bar, north arrow, inset, attribution) are drawn on
top: a moved picture never carries overlays (they are drawn afresh, fixed, on every
frame) nor child widgets (painted after their parent). Only the region that paint
exposed is copied: the rest of the kept picture is what earlier paints at the same view
left there. A grab or export never uses it (the canvas renders exactly for those).
GUI thread only.
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
    """The window's backing store image and where `widget` sits in it (device pixels)."""
    store = widget.backingStore()
    device = store.paintDevice() if store is not None else None
    if not isinstance(device, QImage):
        return None  # a platform without a raster backing store: no picture kept
    ratio = device.devicePixelRatio()
    offset = widget.mapTo(widget.window(), QPoint(0, 0))
    return device, QPoint(round(offset.x() * ratio), round(offset.y() * ratio))


class StillPicture:
    """The kept picture, the map-to-device transform it was drawn with, and the blit
    that shows it at another transform."""

    def __init__(self) -> None:
        self.image: QImage | None = None
        self.transform: QTransform | None = None  # map units -> device (logical px)
        self.complete = False  # every pixel was drawn at `transform`
        self.captures = 0  # paints copied in (tests count them)

    def forget(self) -> None:
        self.image = None
        self.transform = None
        self.complete = False

    def capture(self, widget: QWidget, exposed: QRect, transform: QTransform) -> None:
        """Copy what the last paint of `widget` drew inside `exposed` (widget logical
        pixels), drawn at `transform`."""
        found = backing_image(widget)
        if found is None:
            self.forget()
            return
        source, offset = found
        ratio = source.devicePixelRatio()
        size = (round(widget.width() * ratio), round(widget.height() * ratio))
        whole = exposed.contains(widget.rect())
        if self.image is None or (self.image.width(), self.image.height()) != size:
            self.image = QImage(*size, source.format())
            self.image.setDevicePixelRatio(ratio)
            self.complete = False
        if self.transform is None or self.transform != transform:
            self.complete = False  # the pixels outside `exposed` belong to another view
        rect = exposed.intersected(widget.rect())
        device = QRect(round(rect.x() * ratio), round(rect.y() * ratio),
                       round(rect.width() * ratio), round(rect.height() * ratio))
        painter = QPainter(self.image)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
        painter.resetTransform()
        painter.drawImage(QRectF(rect), source, QRectF(device.translated(offset)))
        painter.end()
        self.transform = QTransform(transform)
        self.complete = self.complete or whole
        self.captures += 1

    def to_device(self, transform: QTransform, size: QSize) -> QTransform | None:
        """Picture pixels -> device pixels for a view of `size` (logical pixels) drawn at
        `transform`; None when the picture cannot stand for that view (none kept, another
        size, scaled or moved too far)."""
        if self.image is None or self.transform is None or not self.complete:
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
        the region it does not reach (the strips a pan or a zoom out uncovers; the
        canvas lays the ground there, its layers come on settling)."""
        assert self.image is not None
        width, height = self.image.deviceIndependentSize().toTuple()
        view = QRect(0, 0, math.ceil(width), math.ceil(height))
        inside = moved.mapRect(QRectF(0, 0, width, height)).toAlignedRect()
        uncovered = QRegion(view).subtracted(QRegion(inside.adjusted(1, 1, -1, -1)))
        if not uncovered.isEmpty():
            painter.save()
            painter.resetTransform()
            fill(painter, uncovered)
            painter.restore()
        painter.save()
        painter.setTransform(moved)
        painter.drawImage(QPointF(0, 0), self.image)
        painter.restore()

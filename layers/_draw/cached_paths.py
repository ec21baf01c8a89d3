"""Static vector shapes (basemap land, rivers, zones) drawn from a cached picture.

Why: the canvas repaints several times a second while live data arrives, and
antialiased fills and outlines of a coastline with thousands of vertices cost ~4 ms of
every such frame although nothing about them changed. This item renders its paths once
per view transform into a transparent pixmap (the device plus a margin on every side)
and blits that (one `drawPixmap`) for as long as the transform stays.

While the view moves it shows the last picture, moved and scaled to the new view, as
QGIS's canvas does: a pan or zoom frame costs one transformed blit instead of every
path again. `SETTLE_MS` after the last move the item asks for a paint and renders the
picture afresh at full quality. A picture scaled by more than `MAX_PREVIEW_SCALE` or
moved beyond its margin is re-rendered at once, so what the operator sees while moving
is never far from the truth.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRect, QRectF, Qt, QTimer
from PySide6.QtGui import (
    QBrush,
    QColor,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QRegion,
    QTransform,
)
from PySide6.QtWidgets import QGraphicsItem

if TYPE_CHECKING:
    from layers._draw.picture_stack import PictureStack

MARGIN = 0.1  # of the device's width / height, on each side of the cached picture
SETTLE_MS = 150  # after the last move, the picture is rendered afresh
MAX_PREVIEW_SCALE = 2.0  # a preview scaled beyond this (or below its inverse) is redrawn


def polygon_path(geom) -> QPainterPath:
    """A shapely (multi)polygon as one QPainterPath (holes included), in its own units."""
    path = QPainterPath()
    for poly in getattr(geom, "geoms", [geom]):
        for ring in (poly.exterior, *poly.interiors):
            pts = list(ring.coords)
            path.moveTo(QPointF(*pts[0]))
            for x, y in pts[1:]:
                path.lineTo(QPointF(x, y))
            path.closeSubpath()
    return path


@dataclass
class StyledPath:
    path: QPainterPath
    pen: QPen
    brush: QBrush


def _key(t: QTransform, width: int, height: int, ratio: float, antialias: bool) -> tuple:
    return (t.m11(), t.m12(), t.m21(), t.m22(), t.dx(), t.dy(), width, height, ratio, antialias)


class CachedPicture(pg.GraphicsObject):
    """The caching and previewing; a subclass says what to draw (`_draw(painter)`, in
    scene coordinates through the painter's transform) and its `_bounds`."""

    def __init__(self) -> None:
        super().__init__()
        self._bounds = QRectF()
        self._cache: QPixmap | None = None
        self._cache_key: tuple | None = None  # the paint transform the picture was made for
        self._cache_transform = QTransform()  # scene -> picture (logical px)
        self._settled = False  # the view has held still since the last preview
        self._previewed: tuple | None = None  # the view the last preview was shown for
        self.renders = 0  # full renders of the paths (tests count them)
        self.scrolls = 0  # pans that moved the picture and rendered the new strips
        self._inexact = False  # the picture is off by a fraction of a pixel (a scroll)
        # the PictureStack that draws this picture into its own (None: drawn here)
        self.stack: PictureStack | None = None
        # the colour under the picture when nothing but the view's background lies under
        # it: the picture is then opaque, and an opaque blit costs a fraction of a
        # blended one (0.2 against 0.6-1.5 ms at 1600 px; scaled 0.7 against 2 ms)
        self.ground: QColor | None = None
        self._settle = QTimer()
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._on_settled)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def restyle(self) -> None:
        """The pens or brushes of `shapes` changed: draw them afresh (in the stack that
        draws this picture too)."""
        self._cache_key = None
        self._cache = None
        self.update()
        if self.stack is not None:
            self.stack.restyle()

    def itemChange(self, change, value):
        """A stacked picture shown, hidden, made more or less opaque or taken off the map
        changes its stack's picture."""
        result = super().itemChange(change, value)
        stack = getattr(self, "stack", None)  # itemChange runs inside __init__ too
        if stack is not None:
            kinds = QGraphicsItem.GraphicsItemChange
            if change == kinds.ItemSceneHasChanged and value is None:
                stack.discard(self)
            elif change in (kinds.ItemVisibleHasChanged, kinds.ItemOpacityHasChanged):
                stack.restyle()
        return result

    def paint(self, p: QPainter, *_args: object) -> None:
        device = p.device()
        ratio = device.devicePixelRatioF()
        width, height = round(device.width() * ratio), round(device.height() * ratio)
        if width <= 0 or height <= 0:
            return
        t = p.transform()
        antialias = p.testRenderHint(QPainter.RenderHint.Antialiasing)
        key = _key(t, width, height, ratio, antialias)
        if key == self._cache_key:
            self._settled = False  # nothing to render afresh: ready for the next move
        elif not self._settled and self._preview(p, t, key):
            if key != self._previewed:  # a move: the view settles SETTLE_MS after the last
                self._previewed = key  # (a data-driven paint of the same view is no move;
                self._settle.start()  # restarting on it kept live maps blocky for good)
            return
        elif not self._settled and self._scroll(t, key, antialias):
            self._settle.start()
        else:
            self._render(key, t, width, height, ratio, antialias)
        p.save()
        p.resetTransform()
        mx, my = self._margins(width, height, ratio)
        p.drawPixmap(QPointF(-mx, -my), self._cache)
        p.restore()

    def _on_settled(self) -> None:
        self._settled = True
        if self._inexact:  # scrolled by whole pixels for a fractional pan: draw exactly
            self._cache_key = None
        self.update()

    def _margins(self, width: int, height: int, ratio: float) -> tuple[float, float]:
        return round(width * MARGIN) / ratio, round(height * MARGIN) / ratio

    def _preview(self, p: QPainter, t: QTransform, key: tuple) -> bool:
        """Blit the last picture moved and scaled to transform `t`; False when there is
        none that fits (another device, or scaled / moved too far)."""
        if self._cache is None or self._cache_key is None or key[6:] != self._cache_key[6:]:
            return False
        inverse, invertible = self._cache_transform.inverted()
        if not invertible:
            return False
        to_device = inverse * t  # picture px -> scene -> device
        scale = abs(to_device.m11()) or 1e-12
        if not (1 / MAX_PREVIEW_SCALE <= scale <= MAX_PREVIEW_SCALE):
            return False
        width, height, ratio = key[6], key[7], key[8]
        mx, my = self._margins(width, height, ratio)
        picture = QRectF(0, 0, width / ratio + 2 * mx, height / ratio + 2 * my)
        covered = to_device.mapRect(picture)
        view = QRectF(0, 0, width / ratio, height / ratio)
        if not covered.contains(view) and scale >= 1.0:
            return False  # panned past the margin: blank strips would show
        p.save()
        p.setTransform(to_device)
        # nearest-neighbour while moving: a smooth scaled blit costs 5x (6 ms at 1600 px)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        p.drawPixmap(QPointF(0, 0), self._cache)
        p.restore()
        return True

    def _scroll(self, t: QTransform, key: tuple, antialias: bool) -> bool:
        """Panned past the margin at the same scale: move the picture's pixels by the pan
        and render only the strips that came into view (a pan's render cost ~5 ms at 1600
        px, most of it filling areas the old picture already held). The pixels move by
        whole device pixels; a fractional pan is off by under half a pixel until the view
        settles, and is then rendered exactly. False when the move is not a pan."""
        if self._cache is None or self._cache_key is None or key[6:] != self._cache_key[6:]:
            return False
        inverse, invertible = self._cache_transform.inverted()
        if not invertible:
            return False
        to_device = inverse * t  # old picture px -> device
        kinds = QTransform.TransformationType
        if to_device.type() not in (kinds.TxNone, kinds.TxTranslate):
            return False
        width, height, ratio = key[6], key[7], key[8]
        mx, my = self._margins(width, height, ratio)
        shift_x, shift_y = (to_device.dx() + mx) * ratio, (to_device.dy() + my) * ratio
        dx, dy = round(shift_x), round(shift_y)
        full = self._cache.rect()
        if abs(dx) >= full.width() // 2 or abs(dy) >= full.height() // 2:
            return False  # most of it new: a render costs no more
        self._cache.scroll(dx, dy, full)
        exposed = QRegion(full).subtracted(QRegion(full.translated(dx, dy)))
        self._cache_transform = self._cache_transform * QTransform.fromTranslate(
            dx / ratio, dy / ratio)
        ground = self.ground if self.ground is not None else QColor(Qt.GlobalColor.transparent)
        painter = QPainter(self._cache)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, antialias)
        for r in exposed:  # one strip (a pan along an axis) or two; rectangle clips are
            # the rasteriser's fast path, a region clip cost as much as a full render
            strip = QRect(math.floor(r.x() / ratio), math.floor(r.y() / ratio),
                          math.ceil(r.width() / ratio) + 1, math.ceil(r.height() / ratio) + 1)
            painter.resetTransform()
            painter.setClipRect(strip)
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
            painter.fillRect(strip, ground)
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
            painter.setTransform(self._cache_transform)
            self._draw(painter)
        painter.end()
        self._cache_key = key
        self._inexact = abs(shift_x - dx) > 1e-3 or abs(shift_y - dy) > 1e-3
        self.scrolls += 1
        return True

    def _draw(self, painter: QPainter) -> None:
        raise NotImplementedError

    def _render(
        self, key: tuple, transform: QTransform, width: int, height: int, ratio: float,
        antialias: bool,
    ) -> None:
        self._settle.stop()
        self._settled = False
        mx, my = self._margins(width, height, ratio)
        size = (width + 2 * round(width * MARGIN), height + 2 * round(height * MARGIN))
        opaque = self.ground is not None
        if (self._cache is None or self._cache.size().toTuple() != size
                or self._cache.hasAlphaChannel() == opaque):
            self._cache = QPixmap(*size)  # without an alpha channel when opaque
        self._cache.setDevicePixelRatio(ratio)
        self._cache.fill(self.ground if opaque else Qt.GlobalColor.transparent)
        painter = QPainter(self._cache)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, antialias)
        self._cache_transform = transform * QTransform.fromTranslate(mx, my)
        painter.setTransform(self._cache_transform)
        self._draw(painter)
        painter.end()
        self._cache_key = key
        self._inexact = False
        self.renders += 1


class CachedPathsItem(CachedPicture):
    """Styled paths (basemap themes, zones, storm areas) as one cached picture.

    Fills are drawn without antialiasing and the outlines over them with it (as the
    basemap's LOD themes do): an antialiased fill of a large area cost 4x the aliased
    one (storm areas 3.9 ms against 0.9 ms per render at 1600 px), and the outline drawn
    over the fill's edge smooths it anyway. A fill with no opacity is not drawn."""

    def __init__(self, shapes: list[StyledPath]) -> None:
        super().__init__()
        self.shapes = shapes
        bounds = QRectF()
        for shape in shapes:
            bounds = bounds.united(shape.path.boundingRect())
        self._bounds = bounds

    def _draw(self, painter: QPainter) -> None:
        antialias = painter.testRenderHint(QPainter.RenderHint.Antialiasing)
        for shape in self.shapes:
            if _paints(shape.brush):
                painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(shape.brush)
                painter.drawPath(shape.path)
                painter.setRenderHint(QPainter.RenderHint.Antialiasing, antialias)
            if shape.pen.style() != Qt.PenStyle.NoPen:
                painter.setPen(shape.pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawPath(shape.path)


def _paints(b: QBrush) -> bool:
    """Whether a brush leaves any mark (not NoBrush, not a fully transparent colour)."""
    if b.style() == Qt.BrushStyle.NoBrush:
        return False
    return b.style() != Qt.BrushStyle.SolidPattern or b.color().alpha() > 0

"""Static vector shapes (basemap land, rivers, zones) drawn from a cached picture.

Why: the canvas repaints several times a second while live data arrives, and
antialiased fills and outlines of a coastline with thousands of vertices cost ~4 ms of
every such frame although nothing about them changed. This item renders its paths once
per view transform into a transparent pixmap (the device plus a margin on every side)
and blits that (one `drawPixmap`) for as long as the transform stays.

While the view moves it shows a kept picture, moved and scaled to the new view, as
QGIS's canvas does: a pan or zoom frame costs one transformed blit instead of every
path again. `SETTLE_MS` after the last move the item asks for a paint and renders the
picture afresh at full quality. A picture scaled by more than `MAX_PREVIEW_SCALE` or
moved beyond its margin is re-rendered at once, so what the operator sees while moving
is never far from the truth.

The pictures of recent views are kept (within one memory budget for the process,
`BUDGET`): a view the operator comes back to is drawn from its own picture, exactly and
at once, and a preview uses whichever kept picture fits the new view best.
"""

from __future__ import annotations

import math
import weakref
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
from PySide6.QtWidgets import QGraphicsItem, QWidget

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


@dataclass(eq=False)
class _Picture:
    """One rendered picture: the pixmap, the paint transform it was made for and the map
    from scene to its pixels."""

    pixmap: QPixmap
    key: tuple
    transform: QTransform  # scene -> picture (logical px)
    inexact: bool = False  # off by a fraction of a pixel (a scroll): redrawn on settling
    used: int = 0  # the recency stamp (PictureBudget)

    @property
    def bytes(self) -> int:
        return self.pixmap.width() * self.pixmap.height() * 4


class PictureBudget:
    """The memory every cached picture of the process may hold together; beyond it the
    least recently shown pictures go (whichever item holds them), never the one an item
    shows.

    Why several pictures per item: an operator pans to a place and back, zooms to the
    harbour and back out. With only the last picture kept, every return renders the
    static layers again (5-8 ms at 1600 px, the slowest frames of a moving map); with the
    recent ones kept, a return is one blit, as a web map's tile cache makes it."""

    def __init__(self, limit_bytes: int) -> None:
        self.limit_bytes = limit_bytes
        self._clock = 0
        self._holders: weakref.WeakSet[CachedPicture] = weakref.WeakSet()
        # the last forgotten picture's pixels, for the next picture of its size (a fresh
        # 9 MB allocation costs as much as filling it); one for the whole process
        self._spare: QPixmap | None = None

    def take_spare(self, size: tuple[int, int], opaque: bool) -> QPixmap | None:
        spare = self._spare
        if spare is None or spare.size().toTuple() != size or spare.hasAlphaChannel() == opaque:
            return None
        self._spare = None
        return spare

    def stamp(self, holder: CachedPicture, picture: _Picture) -> None:
        self._clock += 1
        picture.used = self._clock
        self._holders.add(holder)

    def trim(self) -> None:
        held = [(p, h) for h in self._holders for p in h._pictures[1:]]  # never the one shown
        total = self.held_bytes()
        for picture, holder in sorted(held, key=lambda ph: ph[0].used):
            if total <= self.limit_bytes:
                break
            holder._pictures.remove(picture)
            self._spare = picture.pixmap
            total -= picture.bytes

    def held_bytes(self) -> int:
        return sum(p.bytes for h in self._holders for p in h._pictures)


# 1600x1000 with its margins is a 9 MB picture: some 20 recent views of a single screen
BUDGET = PictureBudget(192 * 2**20)


class CachedPicture(pg.GraphicsObject):
    """The caching and previewing; a subclass says what to draw (`_draw(painter)`, in
    scene coordinates through the painter's transform) and its `_bounds`."""

    def __init__(self) -> None:
        super().__init__()
        self._bounds = QRectF()
        self._pictures: list[_Picture] = []  # the most recently shown first
        self._settled = False  # the view has held still since the last preview
        self._previewed: tuple | None = None  # the view the last preview was shown for
        self.renders = 0  # full renders of the paths (tests count them)
        self.scrolls = 0  # pans that moved a picture and rendered the new strips
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

    @property
    def _cache(self) -> QPixmap | None:
        """The picture shown last (None before the first paint)."""
        return self._pictures[0].pixmap if self._pictures else None

    def boundingRect(self) -> QRectF:
        return self._bounds

    def restyle(self) -> None:
        """The pens or brushes of `shapes` changed: draw them afresh (in the stack that
        draws this picture too)."""
        self.forget_pictures()
        self.update()
        if self.stack is not None:
            self.stack.restyle()

    def itemChange(self, change, value):
        """A stacked picture shown, hidden, made more or less opaque or taken off the map
        changes its stack's picture; a picture taken off the map gives its memory back."""
        result = super().itemChange(change, value)
        kinds = QGraphicsItem.GraphicsItemChange
        removed = change == kinds.ItemSceneHasChanged and value is None
        if removed and hasattr(self, "_pictures"):  # itemChange runs inside __init__ too
            self.forget_pictures()
        stack = getattr(self, "stack", None)
        if stack is not None:
            if removed:
                stack.discard(self)
            elif change in (kinds.ItemVisibleHasChanged, kinds.ItemOpacityHasChanged):
                stack.restyle()
        return result

    def _painting(self, p: QPainter) -> tuple[tuple, QTransform, bool] | None:
        """(key, transform, antialias) of what `p` paints now; None on an empty device."""
        device = p.device()
        ratio = device.devicePixelRatioF()
        width, height = round(device.width() * ratio), round(device.height() * ratio)
        if width <= 0 or height <= 0:
            return None
        t = p.transform()
        antialias = p.testRenderHint(QPainter.RenderHint.Antialiasing)
        return _key(t, width, height, ratio, antialias), t, antialias

    def _exact(self, key: tuple) -> _Picture | None:
        return next((pic for pic in self._pictures if pic.key == key), None)

    def _blit(self, p: QPainter, picture: _Picture, key: tuple) -> None:
        """Draw `picture`, made for the painter's transform (`key`), as it is."""
        width, height, ratio = key[6], key[7], key[8]
        p.save()
        p.resetTransform()
        mx, my = self._margins(width, height, ratio)
        p.drawPixmap(QPointF(-mx, -my), picture.pixmap)
        p.restore()

    def paint(self, p: QPainter, *_args: object) -> None:
        painting = self._painting(p)
        if painting is None:
            return
        key, t, antialias = painting
        width, height, ratio = key[6], key[7], key[8]
        device = p.device()
        picture = self._exact(key)
        if picture is not None:
            self._settled = False  # nothing to render afresh: ready for the next move
            self._previewed = None
        elif not isinstance(device, QWidget):  # (a grab paints the widget: on screen)
            # a PNG, PDF or print: the exact picture at once, not kept (another device's
            # pictures would be previews for the next export)
            picture = self._render(key, t, width, height, ratio, antialias, keep=False)
        elif not self._settled and self._preview(p, t, key):
            if key != self._previewed:  # a move: the view settles SETTLE_MS after the last
                self._previewed = key  # (a data-driven paint of the same view is no move;
                self._settle.start()  # restarting on it kept live maps blocky for good)
            return
        elif not self._settled and (picture := self._scroll(t, key, antialias)) is not None:
            self._previewed = None
            self._settle.start()
        else:
            self._previewed = None
            picture = self._render(key, t, width, height, ratio, antialias)
        if picture in self._pictures:
            self._show(picture)
        self._blit(p, picture, key)

    def paint_preview(self, p: QPainter) -> bool:
        """Draw from a kept picture only (exact, or the best one moved and scaled to the
        painter's transform), never rendering: False when none fits. The canvas lays this
        under its moved picture where that does not reach, while the view moves."""
        painting = self._painting(p)
        if painting is None or not self._pictures:
            return False
        key, t, _antialias = painting
        picture = self._exact(key)
        if picture is None:
            return self._preview(p, t, key)
        self._blit(p, picture, key)
        return True

    def _show(self, picture: _Picture) -> None:
        """`picture` is the one on screen: first in line, the last to be forgotten."""
        if self._pictures[0] is not picture:
            self._pictures.remove(picture)
            self._pictures.insert(0, picture)
        BUDGET.stamp(self, picture)

    def _keep(self, picture: _Picture) -> None:
        self._pictures.insert(0, picture)
        BUDGET.stamp(self, picture)
        BUDGET.trim()

    def forget_pictures(self) -> None:
        """Drop every kept picture (restyled, taken off the map, drawn by a stack now)."""
        self._pictures = []

    def _new_pixmap(self, size: tuple[int, int], ratio: float) -> QPixmap:
        """A pixmap of `size` device pixels, a forgotten picture's when it fits."""
        opaque = self.ground is not None
        spare = BUDGET.take_spare(size, opaque)
        if spare is None:
            spare = QPixmap(*size)  # without an alpha channel when opaque
            if not opaque:
                spare.fill(Qt.GlobalColor.transparent)  # gives it one
        spare.setDevicePixelRatio(ratio)
        return spare

    def _on_settled(self) -> None:
        self.settle_now()
        self.update()

    def settle_now(self) -> None:
        """The view is still: the next paint draws the exact picture (not a preview), as
        the settle timer would have it draw later. The canvas calls this when it renders
        after a move, so the render it times is the one the operator then sees."""
        self._settle.stop()
        self._settled = True
        # scrolled by whole pixels for a fractional pan: drawn exactly now
        self._pictures = [pic for pic in self._pictures if not pic.inexact]

    def _margins(self, width: int, height: int, ratio: float) -> tuple[float, float]:
        return round(width * MARGIN) / ratio, round(height * MARGIN) / ratio

    def _preview(self, p: QPainter, t: QTransform, key: tuple) -> bool:
        """Blit the kept picture that best fits transform `t`, moved and scaled to it;
        False when none fits (another device, or scaled / moved too far). The best covers
        the whole view and is scaled least."""
        width, height, ratio = key[6], key[7], key[8]
        mx, my = self._margins(width, height, ratio)
        picture_rect = QRectF(0, 0, width / ratio + 2 * mx, height / ratio + 2 * my)
        view = QRectF(0, 0, width / ratio, height / ratio)
        best: tuple[tuple[bool, float], _Picture, QTransform] | None = None
        for pic in self._pictures:
            if pic.key[6:] != key[6:]:
                continue
            inverse, invertible = pic.transform.inverted()
            if not invertible:
                continue
            to_device = inverse * t  # picture px -> scene -> device
            scale = abs(to_device.m11()) or 1e-12
            if not (1 / MAX_PREVIEW_SCALE <= scale <= MAX_PREVIEW_SCALE):
                continue
            covers = to_device.mapRect(picture_rect).contains(view)
            if not covers and scale >= 1.0:
                continue  # panned past the margin: blank strips would show
            rank = (not covers, abs(math.log(scale)))
            if best is None or rank < best[0]:
                best = (rank, pic, to_device)
        if best is None:
            return False
        rank, pic, to_device = best
        self._show(pic)
        if self.ground is not None and rank[0]:  # zoomed out: the ground around it
            p.save()
            p.resetTransform()
            p.fillRect(view, self.ground)
            p.restore()
        p.save()
        p.setTransform(to_device)
        # nearest-neighbour while moving: a smooth scaled blit costs 5x (6 ms at 1600 px)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        p.drawPixmap(QPointF(0, 0), pic.pixmap)
        p.restore()
        return True

    def _scroll(self, t: QTransform, key: tuple, antialias: bool) -> _Picture | None:
        """Panned past the margin at the same scale: a new picture from the last one's
        pixels moved by the pan, with only the strips that came into view rendered (a
        pan's render cost ~5 ms at 1600 px, most of it filling areas the old picture
        already held). The pixels move by whole device pixels; a fractional pan is off by
        under half a pixel until the view settles, and is then rendered exactly. None
        when the move is not a pan."""
        if not self._pictures or self._pictures[0].key[6:] != key[6:]:
            return None
        old = self._pictures[0]
        inverse, invertible = old.transform.inverted()
        if not invertible:
            return None
        to_device = inverse * t  # old picture px -> device
        kinds = QTransform.TransformationType
        if to_device.type() not in (kinds.TxNone, kinds.TxTranslate):
            return None
        width, height, ratio = key[6], key[7], key[8]
        mx, my = self._margins(width, height, ratio)
        shift_x, shift_y = (to_device.dx() + mx) * ratio, (to_device.dy() + my) * ratio
        dx, dy = round(shift_x), round(shift_y)
        full = old.pixmap.rect()
        if abs(dx) >= full.width() // 2 or abs(dy) >= full.height() // 2:
            return None  # most of it new: a render costs no more
        pixmap = self._new_pixmap(full.size().toTuple(), ratio)
        exposed = QRegion(full).subtracted(QRegion(full.translated(dx, dy)))
        transform = old.transform * QTransform.fromTranslate(dx / ratio, dy / ratio)
        ground = self.ground if self.ground is not None else QColor(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
        painter.drawPixmap(QPointF(dx / ratio, dy / ratio), old.pixmap)
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
            painter.setTransform(transform)
            self._draw(painter)
        painter.end()
        inexact = old.inexact or abs(shift_x - dx) > 1e-3 or abs(shift_y - dy) > 1e-3
        picture = _Picture(pixmap, key, transform, inexact)
        self._keep(picture)
        self.scrolls += 1
        return picture

    def _draw(self, painter: QPainter) -> None:
        raise NotImplementedError

    def _render(
        self, key: tuple, transform: QTransform, width: int, height: int, ratio: float,
        antialias: bool, keep: bool = True,
    ) -> _Picture:
        """The exact picture for `transform`, kept for later paints when `keep`."""
        if keep:
            self._settle.stop()
            self._settled = False
        mx, my = self._margins(width, height, ratio)
        size = (width + 2 * round(width * MARGIN), height + 2 * round(height * MARGIN))
        pixmap = self._new_pixmap(size, ratio)
        pixmap.fill(self.ground if self.ground is not None else Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, antialias)
        picture_transform = transform * QTransform.fromTranslate(mx, my)
        painter.setTransform(picture_transform)
        self._draw(painter)
        painter.end()
        picture = _Picture(pixmap, key, picture_transform)
        if keep:
            self._keep(picture)
        self.renders += 1
        return picture


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

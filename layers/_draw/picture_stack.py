"""Static pictures of several layers drawn as one cached picture.

Why: every static layer (basemap, former province outline, zones, storm areas) kept its
own device-sized picture, and each frame blitted every one of them. While the view moves
each blit is a scaled one (~1 ms at 1600 px), so four static layers cost ~4 ms of a
moving frame, and a re-render frame re-filled and re-rendered four pixmaps. Stacked, the
static layers that lie next to each other in the drawing order become one picture: one
blit per frame, one render when the view settles or moves too far (CachedPicture), made
afresh when a member is restyled, shown, hidden, made more or less opaque, or leaves.

Drawing order: the members keep their order among themselves. Items that float over
pictures (labels: `floats_over_pictures`) do not break a
run of pictures; they are drawn above the stack, so a town's name stays above a zone's
fill. Any other item between two pictures (a tile layer, the fleet) ends the run, so a
layer the operator moved above the fleet is never drawn under it.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QGraphicsItem

from layers._draw.cached_paths import CachedPicture

NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents


class PictureStack(CachedPicture):
    """Draws its member pictures, lowest first, into one cached picture; the members
    draw nothing themselves while they belong to it."""

    def __init__(self) -> None:
        super().__init__()
        self.members: list[CachedPicture] = []
        self._view_bounds = QRectF()  # where an opaque stack draws (viewRangeChanged)

    def set_members(self, members: list[CachedPicture]) -> None:
        if members == self.members:
            return
        for old in self.members:
            if old not in members:
                self._release(old)
        for new in members:
            new.stack = self
            new.setFlag(NO_CONTENTS, True)
            new.forget_pictures()  # drawn by the stack from now on
        self.members = list(members)
        self._rebound()

    def set_ground(self, ground: QColor | None) -> None:
        """The view's background colour when this stack lies on it (nothing else under
        it): the picture is made opaque with it and stands for the background wherever
        the view looks (the canvas then draws no background under it). None:
        transparent."""
        if ground != self.ground:
            self.prepareGeometryChange()
            self.ground = QColor(ground) if ground is not None else None
            self._view_bounds = self._around_view()
            self.restyle()

    def boundingRect(self) -> QRectF:
        return self._view_bounds if self.ground is not None else self._bounds

    def viewRangeChanged(self) -> None:
        """An opaque stack's bounds follow the view: it must be painted (and its own
        update requests honoured) wherever the view looks. Not a fixed huge rectangle:
        Qt maps an item's bounds to integer device pixels, and a 'whole plane' rectangle
        overflowed them at a quay's zoom, so the stack's repaints were dropped."""
        if self.ground is not None:
            self.prepareGeometryChange()
            self._view_bounds = self._around_view()

    def _around_view(self) -> QRectF:
        """The view's rectangle widened by its own size on every side (scene units)."""
        view = self.getViewBox()
        if view is None:
            return QRectF()
        r = view.viewRect()
        return r.adjusted(-r.width(), -r.height(), r.width(), r.height())

    def discard(self, member: CachedPicture) -> None:
        """`member` left the map (its renderer replaced it): stop drawing it."""
        if member in self.members:
            self.members.remove(member)
            self._release(member)
            self._rebound()

    def release_all(self) -> None:
        self.set_members([])

    def _release(self, member: CachedPicture) -> None:
        member.stack = None
        member.setFlag(NO_CONTENTS, False)
        member.restyle()  # draws itself again, afresh

    def _rebound(self) -> None:
        self.prepareGeometryChange()
        bounds = QRectF()
        for member in self.members:
            bounds = bounds.united(member.boundingRect())
        self._bounds = bounds
        if self.members:
            self.setZValue(self.members[0].zValue())
        self.restyle()

    def _draw(self, painter: QPainter) -> None:
        for member in self.members:
            opacity = member.effectiveOpacity()
            if not member.isVisible() or opacity <= 0.0:
                continue
            if opacity >= 1.0:
                member._draw(painter)
            else:
                _draw_faded(painter, member, opacity)


def _draw_faded(painter: QPainter, member: CachedPicture, opacity: float) -> None:
    """A translucent layer fades as a whole (as the item's own picture would): drawn on a
    clear sheet first, the sheet then laid on with the opacity. Fading each path alone
    would show the fill through the outline."""
    device = painter.device()
    sheet = QPixmap(device.width(), device.height())
    sheet.setDevicePixelRatio(device.devicePixelRatioF())
    sheet.fill(Qt.GlobalColor.transparent)
    on_sheet = QPainter(sheet)
    on_sheet.setRenderHints(painter.renderHints())
    on_sheet.setTransform(painter.transform())
    member._draw(on_sheet)
    on_sheet.end()
    painter.save()
    painter.resetTransform()
    painter.setOpacity(opacity)
    painter.drawPixmap(0, 0, sheet)
    painter.restore()


def picture_runs(items: Iterable[QGraphicsItem]) -> list[list[CachedPicture]]:
    """The runs of two or more pictures next to each other in drawing (z) order; items
    that float over pictures do not break a run, any other item does."""
    return [run for run, _bottom in _runs(items)]


def _runs(items: Iterable[QGraphicsItem]) -> list[tuple[list[CachedPicture], bool]]:
    """`picture_runs` with, for each run, whether nothing but floating items lies under
    it (it may then be drawn opaque on the view's background)."""
    runs: list[tuple[list[CachedPicture], bool]] = []
    run: list[CachedPicture] = []
    bottom = True  # no item that draws under the current run so far
    for item in sorted(items, key=lambda i: i.zValue()):
        if isinstance(item, PictureStack):
            continue
        if isinstance(item, CachedPicture):
            run.append(item)
        elif not getattr(item, "floats_over_pictures", False):
            if len(run) > 1:
                runs.append((run, bottom))
            bottom = False  # this item draws under every later run
            run = []
    if len(run) > 1:
        runs.append((run, bottom))
    return runs


class PictureStacks:
    """The stacks of one map view, regrouped whenever its items may have changed (a
    layer added, removed, reordered or re-rendered); a regroup that finds the same runs
    changes nothing, so the cached pictures stay."""

    def __init__(self, view: pg.ViewBox) -> None:
        self.view = view
        self.stacks: list[PictureStack] = []

    def regroup(self, items: Iterable[QGraphicsItem], ground: QColor | None = None) -> None:
        """Stack the runs of `items`; a run that lies on the view's background is drawn
        opaque on `ground` (its colour; None: never opaque)."""
        runs = _runs(items)
        while len(self.stacks) > len(runs):
            stack = self.stacks.pop()
            stack.release_all()
            self.view.removeItem(stack)
        while len(self.stacks) < len(runs):
            stack = PictureStack()
            self.view.addItem(stack, ignoreBounds=True)
            self.stacks.append(stack)
        for stack, (run, bottom) in zip(self.stacks, runs, strict=True):
            stack.set_ground(ground if bottom else None)
            stack.set_members(run)

    def clear(self) -> None:
        self.regroup([])

    def paint_background(self) -> bool:
        """Whether a stack paints the view's background (opaque on it, shown): then
        drawing the background first only costs a full-view fill (~0.4 ms a frame)."""
        return any(s.ground is not None and s.isVisible() for s in self.stacks)

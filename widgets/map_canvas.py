"""The map canvas: Web Mercator view, layers drawn by their renderers on a frame clock.

Wheel zoom about the cursor and drag pan come from pyqtgraph's ViewBox. A click
identifies the features of every visible layer within a pixel tolerance. Redraws
are coalesced: layers mark themselves dirty, one timer redraws the dirty ones.

Signals:
- `identified(list)`: `Hit`s under a click, top layer first.
- `cursor_moved(float, float)`: map coordinates (EPSG:3857) under the mouse.
- `files_dropped(list)`: local file paths dropped onto the map (the layer loader adds them).
- `view_history_changed()`: previous/next view availability changed.
- `context_requested(float, float, object)`: a right click at map coordinates (EPSG:3857)
  and its global screen position (QPoint): features offer actions there (a menu).

While the view moves (a drag, the wheel, the arrow keys, a bookmark) the canvas shows its
last complete picture moved and scaled to each new view (`StillPicture`, as QGIS's canvas
does) and renders every layer afresh `SETTLE_MS` after the last move; live data that
arrived meanwhile waits for that render. A grab, print or export never shows the moved
picture: it draws every layer for the view it shows.

Keyboard: arrows pan a quarter of the view, +/- zoom about the centre. A map tool
(`set_map_tool`, e.g. the measure tool) takes clicks and moves instead of identify.
"""

from __future__ import annotations

import math
import time
from functools import lru_cache
from typing import Protocol

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QRegion,
    QTransform,
)
from PySide6.QtWidgets import QGraphicsView, QWidget

from console.live.timers import timer
from layers._draw.cached_paths import SETTLE_MS, CachedPicture
from layers._draw.picture_stack import PictureStacks
from layers._draw.qt_style import qcolor
from layers.base import Hit, MapLayer
from layers.layer_list import LayerList
from layers.map_theme import LIGHT, MapTheme
from layers.registry import create_renderer
from layers.render_base import Renderer
from widgets.frame_pacer import FramePacer
from widgets.overlay_sprites import OverlaySprites
from widgets.overview_inset import OverviewInset
from widgets.still_picture import StillPicture, paints_window

SEA_COLOR = LIGHT.sea
EARTH_RADIUS_M = 6378137.0
FRAME_MS = 40
FRESHNESS_REFRESH_MS = 5000
CLICK_TOLERANCE_PX = 7
METRES_PER_NAUTICAL_MILE = 1852.0
HISTORY_SETTLE_MS = 350
HISTORY_LIMIT = 50


class MapTool(Protocol):
    """An interaction that takes over clicks (measure, pick a point ...)."""

    def click(self, x: float, y: float, double: bool) -> None: ...

    def move(self, x: float, y: float) -> None: ...


def nice_length(max_metres: float) -> float:
    """The largest 1/2/5 x 10^n not above `max_metres`."""
    exponent = math.floor(math.log10(max_metres))
    for factor in (5, 2, 1):
        value = factor * 10**exponent
        if value <= max_metres:
            return value
    return 10**exponent


class MapCanvas(pg.GraphicsView):
    identified = Signal(list)
    cursor_moved = Signal(float, float)
    files_dropped = Signal(list)
    view_history_changed = Signal()
    context_requested = Signal(float, float, object)

    # the moving picture's state (set again in __init__; here for the resize and show
    # events the base class sends while it is being built)
    _moving = False
    _screen: QTransform | None = None
    still: StillPicture | None = None

    def __init__(self, layers: LayerList, parent=None) -> None:
        super().__init__(parent, background=SEA_COLOR)
        self.setObjectName("mapCanvas")
        self.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        # the background is drawn only where no opaque picture stack paints it
        # (drawBackground): a cached background would be blitted every frame regardless
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheNone)
        self.view = pg.ViewBox(lockAspect=True, enableMenu=False, defaultPadding=0.02)
        self.setCentralItem(self.view)
        self.layers = layers
        self._renderers: dict[int, Renderer] = {}
        # neighbouring static layers' pictures drawn as one (layers/_draw/picture_stack)
        self.stacks = PictureStacks(self.view)
        self.theme: MapTheme = LIGHT
        self._dirty: set[int] = set()
        self._connections: list[tuple[object, object]] = []
        layers.inserted.connect(self._on_inserted)
        layers.removed.connect(self._on_removed)
        layers.moved.connect(self._restack)
        self.view.sigRangeChanged.connect(self._on_range_changed)
        self.scene().sigMouseClicked.connect(self._on_click)
        self.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self._frame = timer(self, FRAME_MS, self._on_frame, start=True)
        self.pacer = FramePacer(min_ms=FRAME_MS)
        self.frames_painted = 0  # paints that reached the screen (benches wait on it)
        self.frames_rendered = 0  # of those, paints that drew the layers (not moved)
        self.still = StillPicture()
        self._moving = False  # showing `still` moved; layers wait for the settle
        self._unsettled = False  # moved since the last settle (a settle is due)
        self._exposed = QRect()  # the paint event's rectangle
        self._painting_window = False  # the paint under way reaches the screen (not a grab)
        # what the window shows of the map: the transform of the render it holds (None:
        # a moved picture, or no render covering the whole viewport yet at one transform)
        self._screen: QTransform | None = None
        self._overlay_rects: list[QRect] = []  # where the last paint drew its overlays
        self._window_transform: QTransform | None = None  # viewport -> window pixels
        self._settle = timer(self, SETTLE_MS, self.settle, single_shot=True)
        self.settles = 0  # renders after a move (benches time them from `settle_started`)
        self.settle_started = 0.0  # perf_counter and thread_time when the last began
        self.settle_started_cpu = 0.0
        self._freshness = timer(self, FRESHNESS_REFRESH_MS, self.mark_live_dirty, start=True)
        self.inset: OverviewInset | None = None
        self.sprites = OverlaySprites()  # the overlays below, drawn once per look
        self.map_tool: MapTool | None = None
        self.scale_units = "metric"  # or "nautical"
        self._history: list[tuple[float, float, float, float]] = []
        self._history_pos = -1
        self._history_moving = False
        self._history_timer = timer(self, HISTORY_SETTLE_MS, self._record_view, single_shot=True)
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        for index, layer in enumerate(layers):
            self._on_inserted(index, layer)

    # --- layers ---------------------------------------------------------------------------

    def _on_inserted(self, _index: int, layer: MapLayer) -> None:
        renderer = create_renderer(layer, self.view)
        if self.theme is not LIGHT:  # renderers are made for the light map
            renderer.set_theme(self.theme)
        self._renderers[id(layer)] = renderer
        layer.changed.connect(self._mark_dirty_slot(layer))
        layer.visibility_changed.connect(renderer.set_visible)
        layer.opacity_changed.connect(renderer.set_opacity)
        layer.highlight_changed.connect(renderer.highlight_changed)
        for signal in (layer.visibility_changed, layer.opacity_changed,
                       layer.highlight_changed):
            signal.connect(self._forget_screen)
        self._dirty.add(id(layer))
        self._restack()

    def _mark_dirty_slot(self, layer: MapLayer):
        def mark() -> None:
            self._dirty.add(id(layer))

        self._connections.append((layer, mark))
        return mark

    def _on_removed(self, _index: int, layer: MapLayer) -> None:
        renderer = self._renderers.pop(id(layer), None)
        for owner, slot in [c for c in self._connections if c[0] is layer]:
            layer.changed.disconnect(slot)
            self._connections.remove((owner, slot))
        if renderer is not None:
            layer.visibility_changed.disconnect(renderer.set_visible)
            layer.opacity_changed.disconnect(renderer.set_opacity)
            layer.highlight_changed.disconnect(renderer.highlight_changed)
            for signal in (layer.visibility_changed, layer.opacity_changed,
                           layer.highlight_changed):
                signal.disconnect(self._forget_screen)
            renderer.remove()
        self._dirty.discard(id(layer))
        self._regroup()

    def _restack(self, *_args: object) -> None:
        self._forget_screen()  # a layer added, removed or moved
        for index, layer in enumerate(self.layers):
            renderer = self._renderers.get(id(layer))
            if renderer is not None:  # None while the initial layers are being bound
                renderer.set_z(index * 10.0)
        self._regroup()

    def _regroup(self) -> None:
        """Stack the static pictures anew after layers or their items changed."""
        ground = self.backgroundBrush()
        opaque = ground.style() == Qt.BrushStyle.SolidPattern and ground.color().alpha() == 255
        self.stacks.regroup((item for r in self._renderers.values() for item in r.items()),
                            ground.color() if opaque else None)

    def mark_live_dirty(self) -> None:
        """States that depend on 'now' (fix age, staleness) must be re-evaluated."""
        for layer in self.layers:
            if layer.live:
                self._dirty.add(id(layer))

    def _on_frame(self) -> None:
        start = time.perf_counter()
        self.flush()
        self.pacer.prepared((time.perf_counter() - start) * 1000)
        interval = self.pacer.interval_ms()
        if interval != self._frame.interval():  # restarts the timer: only here, on a tick
            self._frame.setInterval(interval)

    def paintEvent(self, event: QPaintEvent) -> None:
        start = time.perf_counter()
        painter = QPainter(self.viewport())
        to_window = self._painting_window = paints_window(painter, self.viewport())
        if to_window:  # where the viewport lies in the window's pixels (for the still)
            self._window_transform = painter.deviceTransform()
        if not (self._moving and to_window and self._paint_moved(painter)):
            painter.end()
            self._catch_up()  # (a grab, or a picture that no longer stands for the view)
            self._exposed = event.rect()
            super().paintEvent(event)
            self.frames_rendered += 1
        self._painting_window = False  # (a print's render calls drawForeground too)
        self.frames_painted += 1
        self.pacer.painted((time.perf_counter() - start) * 1000)

    def render(self, *args, **kwargs) -> None:
        """QGraphicsView.render (a print, a report's map): the layers that waited for the
        view to settle are drawn for it first (static pictures render exactly for any
        device but the screen)."""
        self._catch_up()
        super().render(*args, **kwargs)

    def _views_changed(self) -> None:
        """Tell every renderer the view changed (the canvas defers this while moving)."""
        for renderer in self._renderers.values():
            renderer.view_changed()

    def _catch_up(self) -> None:
        """While moving: prepare every layer for the current view now (a grab, an export,
        a move too far for the kept picture). The view still settles later; static
        pictures follow their own rules until then (a preview on the screen, exact on
        any other device), as they did before the canvas kept a moving picture."""
        if not self._moving:
            return
        self._moving = False  # (flush runs only when not moving)
        self._views_changed()
        self.flush()

    def resizeEvent(self, event) -> None:
        self._forget_screen()  # the window's pixels are of the old size (or none yet)
        super().resizeEvent(event)

    def showEvent(self, event) -> None:
        self._forget_screen()  # a hidden window's backing store holds nothing to move
        super().showEvent(event)

    def _forget_screen(self, *_args: object) -> None:
        """What the window shows no longer stands for the map (another size, a layer shown
        or hidden, restyled, reordered, a highlight moved): the next move renders."""
        self._screen = None
        if not self._moving and self.still is not None:
            self.still.forget()

    def _paint_moved(self, painter: QPainter) -> bool:
        """Show the kept picture moved to the current view, and the overlays; False (the
        painter left as it was) when the picture cannot stand for this view."""
        moved = self._still_to_device()
        if moved is None:
            return False
        painter.setRenderHints(self.renderHints())  # (the ground picture is kept per hints)
        self.still.paint_moved(painter, moved, self._paint_ground)
        self._draw_overlays(painter)
        painter.end()
        self._screen = None  # the window shows a moved picture now, not a render
        return True

    def _paint_ground(self, painter: QPainter, region: QRegion) -> None:
        """Where the moved picture does not reach: the ground picture (the opaque stack of
        the basemap's static layers) from a picture it keeps, never rendered here, else
        the sea colour. The live layers there come with the settle."""
        painter.setClipRegion(region)
        ground = next((s for s in self.stacks.stacks if s.ground is not None and s.isVisible()),
                      None)
        if ground is not None:
            painter.setTransform(ground.deviceTransform(self.viewportTransform()))
            if ground.paint_preview(painter):
                return
            painter.resetTransform()
        painter.fillRect(region.boundingRect(), self.backgroundBrush().color())

    def _still_to_device(self) -> QTransform | None:
        """The kept picture's pixels -> the viewport's for the current view, or None when
        the picture cannot stand for it."""
        return self.still.to_device(self._map_to_device(), self.viewport().size())

    def _map_to_device(self) -> QTransform:
        """Map units -> viewport pixels for the current view range."""
        self.view.updateMatrix()  # pyqtgraph applies a range change lazily, before painting
        return self.view.childGroup.sceneTransform() * self.viewportTransform()

    def set_settle_delay(self, ms: int) -> None:
        """How long the view must hold still before the layers are drawn afresh."""
        self._settle.setInterval(ms)

    def is_moving(self) -> bool:
        """Whether the view moved since it last settled (a settle render is due)."""
        return self._unsettled

    def settle(self) -> None:
        """The view is still: draw every layer afresh at it now (the settle timer calls
        this; a paint that cannot show the moved picture does too)."""
        if not self._unsettled:
            return
        self.settle_started = time.perf_counter()
        self.settle_started_cpu = time.thread_time()
        self._moving = self._unsettled = False
        self._settle.stop()
        self.settles += 1
        self._views_changed()
        self._settle_pictures()
        self.flush()
        self.viewport().update()

    def _settle_pictures(self) -> None:
        """Static pictures draw exactly in the next render, not previewed and drawn again
        later."""
        for renderer in self._renderers.values():
            for item in renderer.items():
                if isinstance(item, CachedPicture):
                    item.settle_now()
        for stack in self.stacks.stacks:
            stack.settle_now()

    def flush(self) -> None:
        """Redraw every dirty renderer now (the frame clock calls this). While the view
        moves the canvas shows its last picture moved: the layers wait for the settle."""
        if not self._dirty or self._moving:
            return
        dirty, self._dirty = self._dirty, set()
        replaced = False
        for layer in self.layers:
            if id(layer) in dirty:
                renderer = self._renderers[id(layer)]
                before = renderer.items()
                renderer.update()
                replaced = replaced or renderer.items() != before
        if replaced:  # a renderer replaced an item (the storm's areas): stack anew
            self._regroup()

    def set_theme(self, theme: MapTheme) -> None:
        """The map's colours (sea, basemap, labels, symbol edges) for a theme."""
        if theme is self.theme:
            return
        self.settle()  # the next paint renders in the new colours, never the old moved
        self._forget_screen()
        self.theme = theme
        self.setBackground(theme.sea)
        if self.inset is not None:
            self.inset.set_theme(theme)
        for renderer in self._renderers.values():
            renderer.set_theme(theme)
        self._regroup()
        self.viewport().update()

    def renderer(self, layer: MapLayer) -> Renderer:
        return self._renderers[id(layer)]

    def close_canvas(self) -> None:
        """Stop timers and disconnect from every layer (leak-free teardown)."""
        self._frame.stop()
        self._freshness.stop()
        self._history_timer.stop()
        self._settle.stop()
        for layer in list(self.layers):
            self._on_removed(0, layer)
        self.layers.inserted.disconnect(self._on_inserted)
        self.layers.removed.disconnect(self._on_removed)
        self.layers.moved.disconnect(self._restack)
        self.stacks.clear()

    # --- view -----------------------------------------------------------------------------

    def set_extent(self, extent: tuple[float, float, float, float], padding: float = 0.02):
        xmin, ymin, xmax, ymax = extent
        self.view.setRange(QRectF(xmin, ymin, xmax - xmin, ymax - ymin), padding=padding)

    def extent(self) -> tuple[float, float, float, float]:
        (x0, x1), (y0, y1) = self.view.viewRange()
        return x0, y0, x1, y1

    def units_per_pixel(self) -> float:
        (x0, x1), _ = self.view.viewRange()
        return (x1 - x0) / max(1.0, self.view.width())

    def zoom(self, factor: float) -> None:
        self.view.scaleBy((1 / factor, 1 / factor))

    def _on_range_changed(self, *_args: object) -> None:
        if not self._moving:  # a move begins: keep the render the window shows
            if self._screen is not None and self._window_transform is not None:
                self.still.take(self.viewport(), self._window_transform, self._screen,
                                self._covered_rects())
            else:  # (none to keep: an older picture would show older data)
                self.still.forget()
        if self._still_to_device() is not None:  # the layers follow on settling (settle)
            self._moving = self._unsettled = True
            self._settle.start()
            for renderer in self._renderers.values():
                if renderer.follows_moves:  # (tiles: fetch for where the view is going)
                    renderer.view_changed()
        else:  # no picture, or too far from the kept one: the layers catch up now
            if self._unsettled:
                self._settle.start()  # (static pictures preview until the view settles)
            self._moving = False
            self._views_changed()
        self.viewport().update()
        self._history_timer.start()

    def zoom_to_layer(self, layer: MapLayer) -> bool:
        extent = layer.extent()
        if extent is None:
            return False
        self.set_extent(_non_degenerate(extent), padding=0.05)
        return True

    def selection_extent(self) -> tuple[float, float, float, float] | None:
        """Union of the selected features of every layer that has a selection."""
        boxes = [
            layer.feature_extent(layer.selected)
            for layer in self.layers
            if getattr(layer, "selected", None) and hasattr(layer, "feature_extent")
        ]
        return _union(boxes)

    def zoom_to_selection(self) -> bool:
        extent = self.selection_extent()
        if extent is None:
            return False
        self.set_extent(_non_degenerate(extent), padding=0.1)
        return True

    def full_extent(self) -> tuple[float, float, float, float] | None:
        return _union([e for e in (lyr.extent() for lyr in self.layers if lyr.visible) if e])

    def pan(self, fx: float, fy: float) -> None:
        """Pan by fractions of the view's width / height (positive: east / north)."""
        x0, y0, x1, y1 = self.extent()
        self.view.translateBy(x=(x1 - x0) * fx, y=(y1 - y0) * fy)

    def set_layer_opacity(self, layer: MapLayer, opacity: float) -> None:
        """Kept for callers; the layer emits `opacity_changed` and its renderer follows."""
        layer.set_opacity(opacity)

    # --- view history (previous / next view) ----------------------------------------------

    def _record_view(self) -> None:
        if self._history_moving:
            self._history_moving = False
            return
        extent = self.extent()
        if self._history and self._history[self._history_pos] == extent:
            return
        del self._history[self._history_pos + 1 :]
        self._history.append(extent)
        del self._history[:-HISTORY_LIMIT]
        self._history_pos = len(self._history) - 1
        self.view_history_changed.emit()

    def can_go_back(self) -> bool:
        return self._history_pos > 0

    def can_go_forward(self) -> bool:
        return self._history_pos < len(self._history) - 1

    def _go_history(self, step: int) -> None:
        if self._history_timer.isActive():  # a view not yet recorded: keep it for 'next'
            self._history_timer.stop()
            self._record_view()
        target = self._history_pos + step
        if 0 <= target < len(self._history):
            self._history_pos = target
            self._history_moving = True
            self.set_extent(self._history[target], padding=0)
            self.view_history_changed.emit()

    def previous_view(self) -> None:
        self._go_history(-1)

    def next_view(self) -> None:
        self._go_history(+1)

    # --- keyboard and drops ---------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        steps = {
            Qt.Key.Key_Left: (-0.25, 0.0),
            Qt.Key.Key_Right: (0.25, 0.0),
            Qt.Key.Key_Up: (0.0, 0.25),
            Qt.Key.Key_Down: (0.0, -0.25),
        }
        if key in steps:
            self.pan(*steps[key])
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(2.0)
        elif key == Qt.Key.Key_Minus:
            self.zoom(0.5)
        elif key == Qt.Key.Key_Escape and self.map_tool is not None:
            self.set_map_tool(None)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(paths)
        else:
            super().dropEvent(event)

    def set_map_tool(self, tool: MapTool | None) -> None:
        """Route clicks to `tool` (None: back to identify). The previous tool is told via
        its optional `deactivate()`."""
        previous, self.map_tool = self.map_tool, tool
        if previous is not None and previous is not tool and hasattr(previous, "deactivate"):
            previous.deactivate()

    # --- interaction ----------------------------------------------------------------------

    def identify(self, x: float, y: float) -> list[Hit]:
        tolerance = CLICK_TOLERANCE_PX * self.units_per_pixel()
        hits: list[Hit] = []
        for layer in reversed(list(self.layers)):
            if layer.visible:
                hits.extend(layer.hit_test(x, y, tolerance))
        return hits

    def _on_click(self, event) -> None:
        point = self.view.mapSceneToView(event.scenePos())
        if event.button() == Qt.MouseButton.RightButton and self.map_tool is None:
            self.context_requested.emit(point.x(), point.y(), event.screenPos().toPoint())
            return
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if self.map_tool is not None:
            self.map_tool.click(point.x(), point.y(), event.double())
            return
        if event.double():
            return
        hits = self.identify(point.x(), point.y())
        self._select_hits(hits)
        self.identified.emit(hits)

    def _select_hits(self, hits: list[Hit]) -> None:
        """A click selects the identified features of layers that keep a selection."""
        for layer in self.layers:
            if hasattr(layer, "set_selection"):
                rows = {
                    int(h.item_id.split(":", 1)[1])
                    for h in hits
                    if h.layer_id == layer.layer_id and h.item_id.startswith("row:")
                }
                layer.set_selection(rows)

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        point = self.view.mapSceneToView(scene_pos)
        if self.map_tool is not None:
            self.map_tool.move(point.x(), point.y())
        self.cursor_moved.emit(point.x(), point.y())

    # --- overlays: scale bar and north arrow, in screen pixels ----------------------------

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        if not self.stacks.paint_background():
            super().drawBackground(painter, rect)

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        super().drawForeground(painter, rect)
        if self._painting_window:  # a render that reaches the screen (paintEvent knows)
            drawn = self._map_to_device()
            whole = self._exposed.contains(self.viewport().rect())
            self._screen = drawn if whole or drawn == self._screen else None
        self._draw_overlays(painter)

    def _covered_rects(self) -> list[QRect]:
        """Where the window shows something over the map (viewport pixels): the overlays
        of the last paint and the visible child widgets (banners, hints)."""
        vp = self.viewport()
        rects = list(self._overlay_rects)
        direct = Qt.FindChildOption.FindDirectChildrenOnly
        for parent in (self, vp):
            for child in parent.findChildren(QWidget, options=direct):
                if child is vp or not child.isVisible() or child.isWindow():
                    continue
                top_left = child.pos() if parent is vp else vp.mapFrom(self, child.pos())
                rects.append(QRect(top_left, child.size()))
        return rects

    def _draw_overlays(self, painter: QPainter) -> None:
        """Scale bar, north arrow, overview inset and attribution, fixed on the screen."""
        self.sprites.drawn.clear()
        self._draw_overlay_sprites(painter)
        self._overlay_rects = list(self.sprites.drawn)

    def _draw_overlay_sprites(self, painter: QPainter) -> None:
        painter.save()
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        vp = self.viewport()
        bar = self.scale_bar()
        if bar is not None:
            x0, y0 = 16, vp.height() - 22
            self.sprites.draw(painter, ("scale", bar, self.theme.name),
                              QRect(x0 - 4, y0 - 26, round(max(bar[0], 80.0)) + 12, 34),
                              lambda p: self._draw_scale_bar(p, *bar))
        self.sprites.draw(painter, ("north", self.theme.name),
                          QRect(vp.width() - 44, 8, 28, 52), self._draw_north_arrow)
        if self.inset is not None:
            self.inset.paint(painter, vp.width(), vp.height(), self.extent(), self.sprites)
        text = self.attribution_text()  # last: providers require it to stay readable
        if text:
            rect = self._attribution_rect(text)
            self.sprites.draw(painter, ("attribution", text), rect.toAlignedRect(),
                              lambda p: self._draw_attribution(p, text, rect))
        painter.restore()

    def _ground_metres_per_pixel(self) -> float:
        (_x0, _x1), (y0, y1) = self.view.viewRange()
        lat = math.degrees(math.atan(math.sinh(((y0 + y1) / 2) / EARTH_RADIUS_M)))
        return self.units_per_pixel() * math.cos(math.radians(lat))

    def scale_bar(self) -> tuple[float, str] | None:
        """(length in pixels, label) of the scale bar: ground distance at the view's
        centre latitude, in m/km or nautical miles (`scale_units`)."""
        mpp = self._ground_metres_per_pixel()
        if not math.isfinite(mpp) or mpp <= 0:
            return None
        if self.scale_units == "nautical":
            unit_m = METRES_PER_NAUTICAL_MILE
            length_m = nice_length(mpp * 140 / unit_m) * unit_m
            label = f"{length_m / unit_m:g} NM"
        else:
            length_m = nice_length(mpp * 140)
            label = f"{length_m / 1000:g} km" if length_m >= 1000 else f"{length_m:g} m"
        return length_m / mpp, label

    def _draw_scale_bar(self, painter: QPainter, length_px: float, label: str) -> None:
        x0, y0 = 16, self.viewport().height() - 22
        ink, halo = qcolor(self.theme.ink), qcolor(self.theme.halo)
        painter.setPen(QPen(halo, 5))
        painter.drawLine(QPointF(x0, y0), QPointF(x0 + length_px, y0))
        painter.setPen(QPen(ink, 2))
        painter.drawLine(QPointF(x0, y0), QPointF(x0 + length_px, y0))
        painter.drawLine(QPointF(x0, y0 - 5), QPointF(x0, y0 + 3))
        painter.drawLine(QPointF(x0 + length_px, y0 - 5), QPointF(x0 + length_px, y0 + 3))
        font = QFont()
        font.setPointSize(9)
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(QPointF(x0 + 2, y0 - 7), label)

    def _draw_north_arrow(self, painter: QPainter) -> None:
        cx, top = self.viewport().width() - 30, 14
        path = QPainterPath()
        path.moveTo(cx, top)
        path.lineTo(cx + 9, top + 26)
        path.lineTo(cx, top + 20)
        path.lineTo(cx - 9, top + 26)
        path.closeSubpath()
        painter.setPen(QPen(qcolor(self.theme.halo), 1.2))
        painter.setBrush(qcolor(self.theme.ink))
        painter.drawPath(path)
        painter.setPen(qcolor(self.theme.ink))
        font = QFont()
        font.setPointSize(10)
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(QRectF(cx - 10, top + 27, 20, 16), Qt.AlignmentFlag.AlignCenter, "N")

    def attribution_text(self) -> str:
        """Attributions of the visible tile layers (providers require them on the map)."""
        texts = [
            str(getattr(layer, "attribution", ""))
            for layer in self.layers
            if layer.visible and getattr(layer, "attribution", "")
        ]
        return " · ".join(dict.fromkeys(texts))

    def _attribution_rect(self, text: str) -> QRectF:
        width, height = _attribution_size(text)
        vp = self.viewport()
        return QRectF(vp.width() - width - 4, vp.height() - height - 2, width, height)

    def _draw_attribution(self, painter: QPainter, text: str, rect: QRectF) -> None:
        painter.setFont(_attribution_font())
        painter.fillRect(rect, QColor(255, 255, 255, 200))
        painter.setPen(QColor("#333333"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)


def _attribution_font() -> QFont:
    font = QFont()
    font.setPointSize(8)
    return font


@lru_cache(maxsize=16)
def _attribution_size(text: str) -> tuple[int, int]:
    """The attribution box's size (laying the text out cost 0.2 ms of every frame)."""
    metrics = QFontMetrics(_attribution_font())
    return metrics.horizontalAdvance(text) + 10, metrics.height() + 4


def _union(
    boxes: list[tuple[float, float, float, float]],
) -> tuple[float, float, float, float] | None:
    """The box holding every box (None for none)."""
    if not boxes:
        return None
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def _non_degenerate(
    extent: tuple[float, float, float, float], minimum: float = 200.0
) -> tuple[float, float, float, float]:
    """Grow a point-like extent (one point feature) to at least `minimum` map units."""
    x0, y0, x1, y1 = extent
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    half_w, half_h = max((x1 - x0) / 2, minimum / 2), max((y1 - y0) / 2, minimum / 2)
    return cx - half_w, cy - half_h, cx + half_w, cy + half_h

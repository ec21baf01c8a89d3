"""The map canvas: Web Mercator view, layers drawn by their renderers on a frame clock.

Wheel zoom about the cursor and drag pan come from pyqtgraph's ViewBox. A click
identifies the features of every visible layer within a pixel tolerance. Redraws
are coalesced: layers mark themselves dirty, one timer redraws the dirty ones.

Signals:
- `identified(list)`: `Hit`s under a click, top layer first.
- `cursor_moved(float, float)`: map coordinates (EPSG:3857) under the mouse.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen

from layers.base import Hit, MapLayer
from layers.layer_list import LayerList
from layers.registry import create_renderer
from layers.render_base import Renderer
from widgets.overview_inset import OverviewInset

SEA_COLOR = "#c6dcec"
EARTH_RADIUS_M = 6378137.0
FRAME_MS = 40
FRESHNESS_REFRESH_MS = 5000
CLICK_TOLERANCE_PX = 7


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

    def __init__(self, layers: LayerList, parent=None) -> None:
        super().__init__(parent, background=SEA_COLOR)
        self.setObjectName("mapCanvas")
        self.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self.view = pg.ViewBox(lockAspect=True, enableMenu=False, defaultPadding=0.02)
        self.setCentralItem(self.view)
        self.layers = layers
        self._renderers: dict[int, Renderer] = {}
        self._dirty: set[int] = set()
        self._connections: list[tuple[object, object]] = []
        layers.inserted.connect(self._on_inserted)
        layers.removed.connect(self._on_removed)
        layers.moved.connect(self._restack)
        self.view.sigRangeChanged.connect(self._on_range_changed)
        self.scene().sigMouseClicked.connect(self._on_click)
        self.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self._frame = QTimer(self)
        self._frame.setInterval(FRAME_MS)
        self._frame.timeout.connect(self.flush)
        self._frame.start()
        self._freshness = QTimer(self)
        self._freshness.setInterval(FRESHNESS_REFRESH_MS)
        self._freshness.timeout.connect(self.mark_live_dirty)
        self._freshness.start()
        self.inset: OverviewInset | None = None
        for index, layer in enumerate(layers):
            self._on_inserted(index, layer)

    # --- layers ---------------------------------------------------------------------------

    def _on_inserted(self, _index: int, layer: MapLayer) -> None:
        renderer = create_renderer(layer, self.view)
        self._renderers[id(layer)] = renderer
        layer.changed.connect(self._mark_dirty_slot(layer))
        layer.visibility_changed.connect(renderer.set_visible)
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
            renderer.remove()
        self._dirty.discard(id(layer))

    def _restack(self, *_args: object) -> None:
        for index, layer in enumerate(self.layers):
            renderer = self._renderers.get(id(layer))
            if renderer is not None:  # None while the initial layers are being bound
                renderer.set_z(index * 10.0)

    def mark_live_dirty(self) -> None:
        """States that depend on 'now' (fix age, staleness) must be re-evaluated."""
        for layer in self.layers:
            if layer.live:
                self._dirty.add(id(layer))

    def flush(self) -> None:
        """Redraw every dirty renderer now (the frame clock calls this)."""
        if not self._dirty:
            return
        dirty, self._dirty = self._dirty, set()
        for layer in self.layers:
            if id(layer) in dirty:
                self._renderers[id(layer)].update()

    def renderer(self, layer: MapLayer) -> Renderer:
        return self._renderers[id(layer)]

    def close_canvas(self) -> None:
        """Stop timers and disconnect from every layer (leak-free teardown)."""
        self._frame.stop()
        self._freshness.stop()
        for layer in list(self.layers):
            self._on_removed(0, layer)
        self.layers.inserted.disconnect(self._on_inserted)
        self.layers.removed.disconnect(self._on_removed)
        self.layers.moved.disconnect(self._restack)

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
        for renderer in self._renderers.values():
            renderer.view_changed()
        self.viewport().update()

    # --- interaction ----------------------------------------------------------------------

    def identify(self, x: float, y: float) -> list[Hit]:
        tolerance = CLICK_TOLERANCE_PX * self.units_per_pixel()
        hits: list[Hit] = []
        for layer in reversed(list(self.layers)):
            if layer.visible:
                hits.extend(layer.hit_test(x, y, tolerance))
        return hits

    def _on_click(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or event.double():
            return
        point = self.view.mapSceneToView(event.scenePos())
        self.identified.emit(self.identify(point.x(), point.y()))

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        point = self.view.mapSceneToView(scene_pos)
        self.cursor_moved.emit(point.x(), point.y())

    # --- overlays: scale bar and north arrow, in screen pixels ----------------------------

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        super().drawForeground(painter, rect)
        painter.save()
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self._draw_scale_bar(painter)
        self._draw_north_arrow(painter)
        if self.inset is not None:
            vp = self.viewport()
            self.inset.paint(painter, vp.width(), vp.height(), self.extent())
        painter.restore()

    def _ground_metres_per_pixel(self) -> float:
        (_x0, _x1), (y0, y1) = self.view.viewRange()
        lat = math.degrees(math.atan(math.sinh(((y0 + y1) / 2) / EARTH_RADIUS_M)))
        return self.units_per_pixel() * math.cos(math.radians(lat))

    def _draw_scale_bar(self, painter: QPainter) -> None:
        mpp = self._ground_metres_per_pixel()
        if not math.isfinite(mpp) or mpp <= 0:
            return
        length_m = nice_length(mpp * 140)
        length_px = length_m / mpp
        x0, y0 = 16, self.viewport().height() - 22
        label = f"{length_m / 1000:g} km" if length_m >= 1000 else f"{length_m:g} m"
        painter.setPen(QPen(QColor(255, 255, 255, 220), 5))
        painter.drawLine(QPointF(x0, y0), QPointF(x0 + length_px, y0))
        painter.setPen(QPen(QColor("#202020"), 2))
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
        painter.setPen(QPen(QColor("#202020"), 1.2))
        painter.setBrush(QColor("#202020"))
        painter.drawPath(path)
        font = QFont()
        font.setPointSize(10)
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(QRectF(cx - 10, top + 27, 20, 16), Qt.AlignmentFlag.AlignCenter, "N")

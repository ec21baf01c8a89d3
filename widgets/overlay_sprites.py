"""Screen overlays of the map (north arrow, scale bar, attribution, the overview inset's
picture) drawn once into small pixmaps and blitted at every paint.

Why: the canvas paints each frame, and these overlays re-laid their text and paths every
time (~0.8 ms of a 1600 px frame) although they change only with the theme, the zoom
(scale bar) or the attribution's text. On a raster paint engine (the screen, a grab, an
image) a sprite is drawn once per distinct key; any other engine (a PDF, a printer)
gets the vector drawing, so text stays text there.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPaintEngine, QPainter, QPixmap

LIMIT = 32  # sprites kept (a zoom sweep makes a new scale bar at every step)


def is_raster(painter: QPainter) -> bool:
    engine = painter.paintEngine()
    return engine is not None and engine.type() == QPaintEngine.Type.Raster


class OverlaySprites:
    def __init__(self) -> None:
        self._cache: OrderedDict[tuple, QPixmap] = OrderedDict()
        self.renders = 0  # sprites drawn (tests count them)
        self.drawn: list[QRect] = []  # where sprites were drawn (the owner clears it)

    def draw(self, painter: QPainter, key: Hashable, rect: QRect,
             draw: Callable[[QPainter], None]) -> None:
        """Show what `draw` paints inside `rect` (device pixels, the painter untransformed);
        `key` must name everything the drawing depends on besides its position."""
        self.drawn.append(QRect(rect))
        if not is_raster(painter) or rect.isEmpty():
            draw(painter)
            return
        ratio = painter.device().devicePixelRatioF()
        full_key = (key, rect.width(), rect.height(), ratio, painter.renderHints())
        sprite = self._cache.get(full_key)
        if sprite is None:
            sprite = QPixmap(round(rect.width() * ratio), round(rect.height() * ratio))
            sprite.setDevicePixelRatio(ratio)
            sprite.fill(Qt.GlobalColor.transparent)
            on_sprite = QPainter(sprite)
            on_sprite.setRenderHints(painter.renderHints())
            on_sprite.translate(-rect.left(), -rect.top())
            draw(on_sprite)
            on_sprite.end()
            self._cache[full_key] = sprite
            self.renders += 1
            while len(self._cache) > LIMIT:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(full_key)
        painter.drawPixmap(rect.topLeft(), sprite)

    def clear(self) -> None:
        self._cache.clear()

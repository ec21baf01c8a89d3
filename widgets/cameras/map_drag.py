"""Drag a record (a camera) out of the map, e.g. onto a camera wall tile.

An event filter on the map's viewport, so the canvas itself stays a map: a left press
on a feature of a draggable layer is held back from the map (it would start a pan);
moving past the platform's drag distance starts a drag of that record; releasing
without moving replays the press and the release to the map, so a click still
selects and identifies as before. Presses anywhere else, and any press while a map
tool (measure...) is active, go straight to the map.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QDrag, QMouseEvent
from PySide6.QtWidgets import QApplication

from layers.base import Hit
from widgets.cameras.record_mime import record_mime
from widgets.map_canvas import MapCanvas


class MapRecordDrag(QObject):
    def __init__(self, canvas: MapCanvas, layer_ids: tuple[str, ...]) -> None:
        super().__init__(canvas)
        self.canvas = canvas
        self.layer_ids = layer_ids
        self._press: QMouseEvent | None = None
        self._hit: Hit | None = None
        self._replaying = False
        self.drags_started = 0
        canvas.viewport().installEventFilter(self)

    def hit_at(self, pos: QPointF) -> Hit | None:
        """The nearest draggable feature under a viewport position."""
        point = self.canvas.view.mapSceneToView(self.canvas.mapToScene(pos.toPoint()))
        hits = [h for h in self.canvas.identify(point.x(), point.y())
                if h.layer_id in self.layer_ids]
        return min(hits, key=lambda h: h.distance) if hits else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._replaying:
            return False
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress:
            return self._pressed(event)  # type: ignore[arg-type]
        if kind == QEvent.Type.MouseMove and self._press is not None:
            return self._moved(event)  # type: ignore[arg-type]
        if kind == QEvent.Type.MouseButtonRelease and self._press is not None:
            return self._released(event)  # type: ignore[arg-type]
        return False

    def _pressed(self, event: QMouseEvent) -> bool:
        self._press, self._hit = None, None
        if event.button() != Qt.MouseButton.LeftButton or self.canvas.map_tool is not None:
            return False
        hit = self.hit_at(event.position())
        if hit is None:
            return False
        self._press, self._hit = event.clone(), hit
        return True  # held back: no pan starts under a draggable feature

    def _moved(self, event: QMouseEvent) -> bool:
        assert self._press is not None and self._hit is not None
        distance = (event.position() - self._press.position()).manhattanLength()
        if distance < QApplication.startDragDistance():
            return True
        hit, self._press, self._hit = self._hit, None, None
        drag = QDrag(self.canvas)
        drag.setMimeData(record_mime(hit.layer_id, hit.item_id, hit.title))
        self.drags_started += 1
        drag.exec(Qt.DropAction.CopyAction)
        return True

    def _released(self, event: QMouseEvent) -> bool:
        press, self._press, self._hit = self._press, None, None
        assert press is not None
        self._replaying = True  # a click after all: let the map have it
        try:
            QApplication.sendEvent(self.canvas.viewport(), press)
            QApplication.sendEvent(self.canvas.viewport(), event.clone())
        finally:
            self._replaying = False
        return True

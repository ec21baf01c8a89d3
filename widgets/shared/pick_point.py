"""Pick a point on the map: the next left click gives its WGS84 lon/lat, then the map
goes back to identify. Esc (or a second activation) cancels. Used by the new-incident
and position-report dialogs, which stay open beside the map while the operator aims.

Signals: `picked(float, float)` (lon, lat); `finished()` (picked or cancelled).
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut

from console.geo.crs import lonlat_to_map_scalar, map_to_lonlat
from layers._draw.qt_style import pen
from widgets.map_canvas import MapCanvas
from widgets.map_hint import map_hint_label

MARK_COLOR = "#6a1b9a"


class PointPicker(QObject):
    picked = Signal(float, float)
    finished = Signal()

    def __init__(self, canvas: MapCanvas) -> None:
        super().__init__(canvas)
        self.canvas = canvas
        self.active = False
        self.label = map_hint_label(canvas, "pickPointHint", MARK_COLOR)
        self.mark = pg.ScatterPlotItem(size=16, symbol="+", pen=pen(MARK_COLOR, 3.0),
                                       brush=QColor(MARK_COLOR))
        self.mark.setZValue(1e6)
        self._escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), canvas)
        self._escape.setEnabled(False)
        self._escape.activated.connect(self.cancel)

    def activate(self, hint: str) -> None:
        self.active = True
        self.label.setText(hint)
        self.label.adjustSize()
        self.label.show()
        self.label.raise_()
        self._escape.setEnabled(True)
        self.canvas.set_map_tool(self)
        self.canvas.setCursor(Qt.CursorShape.CrossCursor)

    def cancel(self) -> None:
        if self.active:
            self.deactivate()
            self.finished.emit()

    def deactivate(self) -> None:
        if not self.active:
            return
        self.active = False
        self.label.hide()
        self._escape.setEnabled(False)
        self.canvas.unsetCursor()
        if self.canvas.map_tool is self:
            self.canvas.set_map_tool(None)

    def show_mark(self, lon: float, lat: float) -> None:
        """Where the picked (or typed) position is, until `clear_mark`."""
        x, y = lonlat_to_map_scalar(lon, lat)
        if self.mark.scene() is None:
            self.canvas.view.addItem(self.mark)
        self.mark.setData([x], [y])

    def clear_mark(self) -> None:
        if self.mark.scene() is not None:
            self.canvas.view.removeItem(self.mark)

    # --- MapTool protocol -----------------------------------------------------------------

    def click(self, x: float, y: float, double: bool) -> None:
        if double:
            return
        lon, lat = map_to_lonlat([x], [y])
        self.deactivate()
        self.show_mark(float(lon[0]), float(lat[0]))
        self.picked.emit(float(lon[0]), float(lat[0]))
        self.finished.emit()

    def move(self, x: float, y: float) -> None:
        return None

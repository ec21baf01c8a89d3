"""'Go to coordinate' box for the toolbar: decimal degrees, D°M′S″ or the site's
VN-2000 grid (X north, Y east). Enter centres the map there and drops a marker.

Signals: `went_to(float, float)`: WGS84 lon, lat of the accepted coordinate.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLineEdit

from console.geo.coords import CoordinateError, parse_coordinate
from console.geo.crs import lonlat_to_map_scalar
from layers._draw.qt_style import pen
from widgets.map_canvas import MapCanvas

GOTO_SPAN_M = 5000.0


class GotoBox(QLineEdit):
    went_to = Signal(float, float)

    def __init__(self, canvas: MapCanvas, grid_crs: str, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("gotoBox")
        self.canvas = canvas
        self.grid_crs = grid_crs
        self.setPlaceholderText(
            self.tr("Go to: 13.7765, 109.2237 · 13°46′35″N 109°13′25″E · X…, Y…")
        )
        self.setMinimumWidth(300)
        self.setClearButtonEnabled(True)
        self.marker = pg.ScatterPlotItem(
            size=16, symbol="+", pen=pen("#c2185b", 3.0), brush=QColor("#c2185b")
        )
        self.marker.setZValue(1e6)
        self._marker_shown = False
        self.returnPressed.connect(self.go)

    def go(self) -> bool:
        try:
            parsed = parse_coordinate(self.text(), self.grid_crs)
        except CoordinateError as exc:
            self.setToolTip(self.tr("Not a coordinate: %1").replace("%1", str(exc)))
            self.setStyleSheet("QLineEdit { background: #fde2e1; }")
            return False
        self.setStyleSheet("")
        self.setToolTip("")
        x, y = lonlat_to_map_scalar(parsed.lon, parsed.lat)
        half = GOTO_SPAN_M / 2
        self.canvas.set_extent((x - half, y - half, x + half, y + half), padding=0)
        if not self._marker_shown:
            self.canvas.view.addItem(self.marker)
            self._marker_shown = True
        self.marker.setData([x], [y])
        self.went_to.emit(parsed.lon, parsed.lat)
        return True

"""Measure tool: click vertices on the map; geodesic length, area and bearing are
shown live (km and nautical miles). Double-click finishes; Esc or the toolbar
button leaves the tool. Distances are on the WGS84 ellipsoid, not the Mercator plane.

Signals: `measured(object)`: the current `Measurement` after every change;
`active_changed(bool)` when the tool is switched on or off.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor

from console import bulletin
from console.geo.measure import Measurement, measure_map
from layers._draw.qt_style import pen
from widgets.map_canvas import MapCanvas
from widgets.map_hint import map_hint_label

LINE_COLOR = "#d9480f"


class MeasureTool(QObject):
    measured = Signal(object)
    active_changed = Signal(bool)

    def __init__(self, canvas: MapCanvas) -> None:
        super().__init__(canvas)
        self.canvas = canvas
        self.points: list[tuple[float, float]] = []
        self.finished = False
        self._hover: tuple[float, float] | None = None
        self.curve = pg.PlotCurveItem(pen=pen(LINE_COLOR, 2.5))
        self.curve.setZValue(1e6)
        self.vertices = pg.ScatterPlotItem(
            size=7, brush=QColor(LINE_COLOR), pen=pen("#ffffff", 1.0)
        )
        self.vertices.setZValue(1e6 + 1)
        self.label = map_hint_label(canvas, "measureReadout", "#888", opacity=225)
        self.result = Measurement(0.0, 0.0, None)
        self.active = False

    # --- activation -----------------------------------------------------------------------

    def activate(self) -> None:
        self.reset()
        self.active = True
        self.canvas.view.addItem(self.curve)
        self.canvas.view.addItem(self.vertices)
        self.canvas.set_map_tool(self)
        self.label.setText(self.tr("Measure: click points on the map, double-click to finish"))
        self.label.adjustSize()
        self.label.show()
        self.active_changed.emit(True)

    def deactivate(self) -> None:
        if not self.active:
            return
        self.active = False
        self.canvas.view.removeItem(self.curve)
        self.canvas.view.removeItem(self.vertices)
        self.label.hide()
        if self.canvas.map_tool is self:
            self.canvas.set_map_tool(None)
        self.active_changed.emit(False)

    def reset(self) -> None:
        self.points.clear()
        self.finished = False
        self._hover = None
        self._refresh()

    # --- MapTool protocol (GUI thread, from the canvas) ------------------------------------

    def click(self, x: float, y: float, double: bool) -> None:
        if self.finished:
            self.reset()
        if double:
            self.finished = True
            self._hover = None
        else:
            self.points.append((x, y))
        self._refresh()

    def move(self, x: float, y: float) -> None:
        if self.points and not self.finished:
            self._hover = (x, y)
            self._refresh()

    # --- drawing and readout --------------------------------------------------------------

    def _refresh(self) -> None:
        pts = list(self.points) + ([self._hover] if self._hover else [])
        if pts:
            xy = np.asarray(pts, dtype=float)
            closed = self.finished and len(self.points) >= 3
            line = np.vstack([xy, xy[:1]]) if closed else xy
            self.curve.setData(line[:, 0], line[:, 1])
            self.vertices.setData(xy[: len(self.points), 0], xy[: len(self.points), 1])
            self.result = measure_map(xy[:, 0], xy[:, 1])
        else:
            self.curve.setData([], [])
            self.vertices.setData([], [])
            self.result = Measurement(0.0, 0.0, None)
        if self.active and pts:
            self.label.setText(self.readout(self.result, len(pts)))
            self.label.adjustSize()
        self.measured.emit(self.result)

    def readout(self, m: Measurement, vertices: int) -> str:
        text = (
            self.tr("Distance: %1 km (%2 NM)")
            .replace("%1", bulletin.number(m.length_km, 3))
            .replace("%2", bulletin.number(m.length_nm, 3))
        )
        if m.last_bearing_deg is not None:
            bearing = bulletin.number(m.last_bearing_deg, 1)
            text += " · " + self.tr("Bearing: %1°").replace("%1", bearing)
        if vertices >= 3:
            text += " · " + self.tr("Area: %1 km² (%2 NM²)").replace(
                "%1", bulletin.number(m.area_km2, 3)
            ).replace("%2", bulletin.number(m.area_nm2, 3))
        return text

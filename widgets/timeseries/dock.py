"""ChartDocks: one dock per open chart, tabbed together under the map, each detachable
(float it onto another monitor). Under the map, not in the right column: a chart
stacked there squeezed the details and the alert list to a few rows; below, it takes
its height from the map alone (the side columns keep their full height) and the map
gets it back when the last chart closes. Opening a station whose chart is open raises it.

Building a chart costs tens of milliseconds of GUI-thread work, so at most one chart is
built per event-loop turn: when several are opened at once (e.g. ten stations from an
alert list), the rest are queued and built on the following turns, and the window keeps
answering in between. ``open`` returns the view when it was built at once, else None;
`opened` is emitted for every chart built.

GUI thread only. Owns the shared SeriesLoader (one cache for every chart).

Signals:
- `opened(ChartView)`: a new chart dock was created.
"""

from __future__ import annotations

import itertools
from collections import deque

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QDockWidget, QMainWindow

from widgets.timeseries.chart import ChartServices, ChartView

CHART_AREA = Qt.DockWidgetArea.BottomDockWidgetArea
MAX_OPEN = 24  # each chart holds plot items; beyond this the oldest closes


class ChartDocks(QObject):
    opened = Signal(object)

    def __init__(
        self,
        window: QMainWindow,
        services: ChartServices,
        add_dock=None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent or window)
        self.window = window
        self.services = services
        self._add_dock = add_dock
        self._counter = itertools.count(1)
        self.docks: list[tuple[QDockWidget, ChartView]] = []
        self._queue: deque[tuple[str, float | None]] = deque()
        self._built_this_turn = False
        self._burst = False  # True while a queue of charts is being built
        # the bottom corners belong to the side columns: a chart spans the map's width only
        window.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        window.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)

    def find(self, station_id: str) -> tuple[QDockWidget, ChartView] | None:
        for dock, view in self.docks:
            if station_id in view.station_ids():
                return dock, view
        return None

    def open(self, station_id: str, span_s: float | None = None) -> ChartView | None:
        """Open (or raise) the chart of ``station_id``. Returns None when the station is
        unknown or the chart was queued behind another one built in this turn."""
        if self._built_this_turn or self._queue:
            if station_id not in (q[0] for q in self._queue):
                self._queue.append((station_id, span_s))
            self._burst = True
            return None
        return self._build(station_id, span_s)

    def _next_turn(self) -> None:
        self._built_this_turn = False
        if not self._queue:
            self._burst = False
        if self._queue:
            station_id, span_s = self._queue.popleft()
            self._build(station_id, span_s)

    def _build(self, station_id: str, span_s: float | None) -> ChartView | None:
        existing = self.find(station_id)
        if existing is not None:
            dock, view = existing
            dock.show()
            dock.raise_()
            return view
        station = self.services.stations.get(station_id)
        if station is None:
            return None
        if len(self.docks) >= MAX_OPEN:
            self.docks[0][0].close()
        kwargs = {} if span_s is None else {"span_s": span_s}
        self._built_this_turn = True
        # a real (1 ms) timer, not a 0 ms posted call: timers and paints get their turn
        QTimer.singleShot(1, self, self._next_turn)
        view = ChartView(self.services, station, defer_panel=True, **kwargs)
        name = f"stationChart{next(self._counter)}"
        if self._add_dock is not None:
            dock = self._add_dock(view, name, view.title(), CHART_AREA)
        else:
            dock = QDockWidget(view.title(), self.window)
            dock.setObjectName(name)
            dock.setWidget(view)
            self.window.addDockWidget(CHART_AREA, dock)
        dock.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        if self.docks:
            self.window.tabifyDockWidget(self.docks[-1][0], dock)
        else:  # the first chart: a third of the window, the map keeps the rest
            height = self.window.height() // 3
            self.window.resizeDocks([dock], [height], Qt.Orientation.Vertical)
        view.title_changed.connect(dock.setWindowTitle)
        dock.destroyed.connect(lambda _o=None, v=view: self._forget(v))
        self.docks.append((dock, view))
        dock.show()
        if not self._burst:
            dock.raise_()  # in a burst only the first is raised: hidden tabs cost no paint
        self.opened.emit(view)
        return view

    def _forget(self, view: ChartView) -> None:
        self.docks = [(d, v) for d, v in self.docks if v is not view]

    def close_all(self) -> None:
        self._queue.clear()
        for dock, view in list(self.docks):
            view.close_chart()
            dock.close()
        self.docks.clear()

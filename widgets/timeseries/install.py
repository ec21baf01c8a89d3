"""Plug station charts into the main shell (registered in widgets/features.py).

- a click on a station on the map opens (or raises) its chart dock;
- an "Open chart" button in the inspector's station panel opens the chart of the station
  shown there;
- Tools > "Open station chart…" picks any station by name or code;
- `shell.services.open_station_chart(station_id)` lets other features (alerts, lists) open one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton

from console.series.cache import SeriesCache
from layers.base import Hit
from layers.stations.layer import BD1, BD2, BD3
from widgets.timeseries.chart import ChartServices
from widgets.timeseries.dock import ChartDocks
from widgets.timeseries.loader import SeriesLoader
from widgets.timeseries.picker import pick_station

if TYPE_CHECKING:
    from widgets.shell import FeatureShell

_tr = QCoreApplication.translate
CACHE_POINTS = 5_000_000  # ~80 MB of float64 pairs across all stations


def station_hit(hits: list[Hit]) -> Hit | None:
    return next((h for h in hits if h.layer_id == "stations"), None)


def install(shell: FeatureShell) -> None:
    app = shell.app

    # the backend's history, or a SensorThings source's for the stations it owns
    loader = SeriesLoader(app.runner, app.history_fetcher, SeriesCache(CACHE_POINTS),
                          parent=shell.widget)
    styles = shell.model.stations.styles
    services = ChartServices(
        loader=loader,
        stations=app.stations,
        clock=app.clock,
        station_now=app.station_now,
        alarm_colours=(styles[BD1].fill, styles[BD2].fill, styles[BD3].fill),
    )
    docks = ChartDocks(shell.host, services, add_dock=shell.add_dock, parent=shell.widget)
    shell.services.chart_docks = docks
    shell.services.open_station_chart = docks.open

    def chart_button(hit: Hit) -> QPushButton:
        """The inspector's detail panel for a station: a button that opens its chart."""
        button = QPushButton(_tr("StationCharts", "Open chart"))
        button.setObjectName("openStationChart")
        button.clicked.connect(lambda: docks.open(hit.item_id))
        return button

    def on_identified(hits: list[Hit]) -> None:
        hit = station_hit(hits)
        if hit is not None:
            docks.open(hit.item_id)

    shell.inspector.register_panel("stations", chart_button)
    shell.canvas.identified.connect(on_identified)

    action = QAction(_tr("StationCharts", "Open station &chart…"), shell.widget)
    action.triggered.connect(lambda: _pick_and_open(shell, docks))
    shell.menus["tools"].addAction(action)

    def teardown() -> None:
        shell.canvas.identified.disconnect(on_identified)
        shell.inspector.unregister_panel("stations", chart_button)
        docks.close_all()

    shell.on_close(teardown)


def _pick_and_open(shell: FeatureShell, docks: ChartDocks) -> None:
    station = pick_station(shell.widget, shell.app.stations)
    if station is not None:
        docks.open(station.id)

"""Station list: every gauge with the map's colours, latest value, trend and rain sums,
sortable by severity (worst first by default). Rebuilt on station-store changes and
when new summaries arrive (about a hundred rows: a wholesale rebuild is cheap).

Selecting a row selects the station everywhere (map halo, inspector; see
widgets/selection_sync.py); double-click or Enter opens its chart.

Signals: `zoom_requested(str)`, `chart_requested(str)` (station id).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from console import bulletin
from console.timefmt import format_age
from layers.stations.layer import StationLayer
from widgets.live.item_list import ItemList
from widgets.live.simple_table import ID_ROLE, Cell, row_table


class StationList(ItemList):
    chart_requested = Signal(str)

    def __init__(self, layer: StationLayer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layer = layer
        self.model, self.proxy, self.view = row_table(
            [
                self.tr("Station"),
                self.tr("Type"),
                self.tr("State"),
                self.tr("Latest"),
                self.tr("Trend"),
                self.tr("Rain 1 h"),
                self.tr("Rain 24 h"),
                self.tr("Age"),
                self.tr("Risk level"),
                self.tr("Source"),
            ],
            self,
        )
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        self.view.activated.connect(self._chart)  # double-click, or Enter on the row
        zoom = QPushButton(self.tr("Zoom to"))
        zoom.clicked.connect(self._zoom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.view)
        layout.addWidget(zoom, 0, Qt.AlignmentFlag.AlignRight)
        self._kinds = {
            "water_level": self.tr("Water level"),
            "reservoir": self.tr("Reservoir"),
            "rain": self.tr("Rain"),
        }
        self._rebuild_on(layer.store.changed, 500)

    def _rebuild(self) -> None:
        layer = self.layer
        ids, rows = [], []
        for s in layer.store.records():
            cls = layer.classify(s)
            style = layer.styles[cls]
            summary = layer.summaries.get(s.id)
            h1 = summary.acc_1h if summary else None
            h24 = summary.acc_24h if summary else None
            value = "" if s.latest_value is None else bulletin.quantity(s.latest_value, s.unit)
            risk = layer.risk_of(s)
            # the official risk colour (Decision 18/2021, Art. 4) marks risk levels only
            colour = layer.risk.colour(risk.level) if risk else None
            age = layer.age(s)
            ids.append(s.id)
            rows.append(
                [
                    Cell(s.name),
                    Cell(self._kinds.get(s.kind, s.kind)),
                    Cell(style.label, layer.severity(s), decoration=QColor(style.fill)),
                    Cell(value, s.latest_value if s.latest_value is not None else -1e9),
                    Cell(layer.trend(s)),
                    Cell("" if h1 is None else f"{bulletin.number(h1, 1)} mm", h1 or 0.0),
                    Cell("" if h24 is None else f"{bulletin.number(h24, 0)} mm", h24 or 0.0),
                    Cell("—" if age is None else format_age(age), age or 0.0),
                    Cell(
                        "" if risk is None else self._risk_label(risk.level, risk.open_ended),
                        0 if risk is None else risk.level,
                        decoration=QColor(colour) if colour else None,
                    ),
                    Cell(self.tr("simulated") if s.simulated else (s.source or "")),
                ]
            )
        self.model.set_rows(ids, rows)

    def _risk_label(self, level: int, open_ended: bool) -> str:
        label = self.tr("Level %1 or higher") if open_ended else self.tr("Level %1")
        return label.replace("%1", str(level))

    def _chart(self, index: object) -> None:
        station_id = self.proxy.data(index, ID_ROLE)
        if station_id is not None:
            self.chart_requested.emit(station_id)


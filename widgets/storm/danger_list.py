"""The danger-zone list: vessels inside a storm's danger zone (deepest in first) and
those heading into it (soonest first), with owner, position, distance to the zone's
edge and VMS state — what the border guard calls round and sends out. Rebuilt when the
storm watch re-assesses the fleet (at most once a second) and only while shown.

Signals: `zoom_requested(str)` (vessel id), `export_requested(str)` ("csv" or "pdf").
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console import bulletin as bulletin_fmt
from console.storm.export import subtitle, title
from console.storm.watch import StormWatch
from widgets.live.item_list import ItemList
from widgets.storm.danger_model import WHERE_COLUMN, DangerTableModel


class DangerList(ItemList):
    export_requested = Signal(str)

    def __init__(self, watch: StormWatch, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.watch = watch
        self.model = DangerTableModel(watch, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().setVisible(False)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicator(WHERE_COLUMN, Qt.SortOrder.AscendingOrder)
        self.view.doubleClicked.connect(self._zoom)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.count = QLabel()
        self.count.setWordWrap(True)  # a longer count must not widen the dock
        zoom = QPushButton(self.tr("Zoom to"))
        zoom.clicked.connect(self._zoom)
        self.export_csv = QPushButton(self.tr("Export CSV…"))
        self.export_csv.clicked.connect(lambda: self.export_requested.emit("csv"))
        self.export_pdf = QPushButton(self.tr("Export PDF…"))
        self.export_pdf.clicked.connect(lambda: self.export_requested.emit("pdf"))
        buttons = QGridLayout()  # two columns: the dock stays as narrow as its neighbours
        for i, b in enumerate((zoom, self.export_csv, self.export_pdf)):
            buttons.addWidget(b, i // 2, i % 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.heading)
        layout.addWidget(self.view)
        layout.addWidget(self.count)
        layout.addLayout(buttons)
        self._rebuild_on(watch.danger_changed, 1000)

    def _rebuild(self) -> None:
        bulletin = self.watch.bulletin
        current = self._current_vessel()
        self.model.set_table(self.watch.at_risk_rows())
        if current is not None and not self.view.currentIndex().isValid():
            self._select(current)  # a reset (many vessels left at once) lost the place
        inside, heading = self.watch.counts()
        if bulletin is None:
            self.heading.setText(self.tr("No active storm."))
        else:
            self.heading.setText(f"<b>{title(bulletin)}</b><br>"
                                 f"{subtitle(bulletin, self.watch.clock.now())}")
        self.count.setText(self.tr("%1 inside, %2 heading in")
                           .replace("%1", bulletin_fmt.number(inside, 0))
                           .replace("%2", bulletin_fmt.number(heading, 0)))
        has_rows = self.model.rowCount() > 0
        self.export_csv.setEnabled(has_rows)
        self.export_pdf.setEnabled(has_rows)

    def _current_vessel(self) -> str | None:
        index = self.view.currentIndex()
        return self.model.vessel_at(index.row()).vessel_id if index.isValid() else None

    def _select(self, vessel_id: str) -> None:
        view_row = self.model.view_row_of(vessel_id)
        if view_row is not None:
            flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                     | QItemSelectionModel.SelectionFlag.Rows)
            self.view.selectionModel().setCurrentIndex(self.model.index(view_row, 0), flags)

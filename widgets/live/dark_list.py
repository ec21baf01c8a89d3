"""Dark vessels: at sea and silent past the 'lost signal' threshold, longest first, with
how long each has been silent and its last known position. Rebuilt every few seconds
(ages grow without new data) from console.rules.dark.

Signals: `zoom_requested(str)` (vessel id); `report_requested(str)` (vessel id): the
operator wants to record the captain's manual position report (button or the row's
context menu; the feature that records it connects here and sets `report_enabled`).
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console import bulletin
from console.live.timers import timer
from console.model.freshness import VmsState
from console.rules.dark import DarkVessel, dark_count, dark_vessels
from console.timefmt import format_age, format_local
from layers.vessels.layer import VesselLayer
from widgets.live.item_list import ItemList
from widgets.live.simple_table import ID_ROLE, Cell, RowCache, row_table

MAX_ROWS = 1000  # longest silent first; the count shows the total


class DarkVesselList(ItemList):
    report_requested = Signal(str)

    def __init__(self, layer: VesselLayer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layer = layer
        self._cache = RowCache()
        self._lost, self._must = self.tr("Signal lost"), self.tr("Must return to port")
        self._red, self._purple = QColor("#d62728"), QColor("#8e24aa")
        self.model, self.proxy, self.view = row_table(
            [
                self.tr("Registration"),
                self.tr("Name"),
                self.tr("Silent for"),
                self.tr("Last fix"),
                self.tr("Last known position"),
                self.tr("State"),
            ],
            self,
        )
        # rows come longest-silent first (console.rules.dark); no proxy re-sort per rebuild
        self.view.doubleClicked.connect(self._zoom)
        self.count = QLabel()
        zoom = QPushButton(self.tr("Zoom to"))
        zoom.clicked.connect(self._zoom)
        self.report = QPushButton(self.tr("Position report…"))
        self.report.setObjectName("darkVesselReport")
        self.report.setToolTip(self.tr("Record the position the captain reported by radio or "
                                       "phone"))
        self.report.clicked.connect(self._report)
        self.report.setVisible(False)  # until a feature records reports (set_report_rights)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.menu: QMenu | None = None  # the last context menu (tests)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count, 1)
        buttons.addWidget(self.report)
        buttons.addWidget(zoom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        self._timer = timer(self, 5000, self.refresh, start=True)
        self._rebuild_on(layer.store.changed, 3000)

    def stop(self) -> None:
        self._timer.stop()
        super().stop()

    def _rebuild(self) -> None:
        layer = self.layer
        total = dark_count(layer.store, layer.clock.now(), layer.policy)
        rows = dark_vessels(layer.store, layer.clock.now(), layer.policy, MAX_ROWS)
        ids = [d.vessel_id for d in rows]
        # "silent for" is computed when drawn (it grows with time alone): rows only
        # change when the vessel or its state does
        signatures = [(d.registration, d.name, d.fix_time, d.state) for d in rows]
        self.model.set_rows(ids, self._cache.rows(ids, signatures,
                                                  lambda k: self._cells(rows[k])))
        self.view.viewport().update()  # the visible ages, current again
        self.count.setText(self.tr("%1 dark vessels").replace("%1", str(total)))

    def _silent_for(self, fix_time: float) -> str:
        return format_age(self.layer.clock.now() - fix_time)

    def _cells(self, d: DarkVessel) -> list[Cell]:
        must = d.state == VmsState.MUST_RETURN
        return [
            Cell(d.registration),
            Cell(d.name),
            # longest silent = oldest fix; a sort key stable between rebuilds
            Cell(partial(self._silent_for, d.fix_time), -d.fix_time),
            Cell(format_local(d.fix_time), d.fix_time),
            Cell(f"{bulletin.number(d.lat, 4)}° N, {bulletin.number(d.lon, 4)}° E"),
            Cell(
                self._must if must else self._lost,
                int(d.state.value),
                foreground=self._purple if must else self._red,
            ),
        ]


    def set_report_rights(self, permitted: bool, reason: str) -> None:
        """Show the report action; disabled with `reason` when the role may not."""
        self.report.setVisible(True)
        self.report.setEnabled(permitted)
        self.report.setToolTip(
            self.tr("Record the position the captain reported by radio or phone")
            if permitted else reason)

    def _report(self, *_a: object) -> None:
        index = self.view.currentIndex()
        if index.isValid() and self.report.isEnabled():
            self.report_requested.emit(self.proxy.data(index, ID_ROLE))

    def _context_menu(self, pos) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid():
            return
        self.view.setCurrentIndex(index)
        menu = QMenu(self)
        menu.setToolTipsVisible(True)  # a disabled action says why
        zoom = menu.addAction(self.tr("Zoom to"))
        zoom.triggered.connect(self._zoom)
        if self.report.isVisible():
            report = menu.addAction(self.report.text())
            report.setObjectName("darkVesselReportAction")
            report.setEnabled(self.report.isEnabled())
            report.setToolTip(self.report.toolTip())
            report.triggered.connect(self._report)
        self.menu = menu
        menu.popup(self.view.viewport().mapToGlobal(pos))

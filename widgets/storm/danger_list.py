"""The danger-zone list: vessels inside a storm's danger zone (deepest in first) and
those heading into it (soonest first), with owner, position, distance to the zone's
edge and VMS state — what the border guard calls round and sends out. Rebuilt when the
storm watch re-assesses the fleet (at most once a second) and only while shown.

Signals: `zoom_requested(str)` (vessel id), `export_requested(str)` ("csv" or "pdf").
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from console import bulletin as bulletin_fmt
from console.model.freshness import VmsState
from console.storm.export import headers, row, subtitle, title, vms_text, where_text
from console.storm.watch import DangerVessel, StormWatch
from widgets.live.item_list import ItemList
from widgets.live.simple_table import Cell, RowCache, row_table

MAX_ROWS = 2000


class DangerList(ItemList):
    export_requested = Signal(str)

    def __init__(self, watch: StormWatch, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.watch = watch
        self._cache = RowCache()
        self._inside_colour, self._heading_colour = QColor("#c62828"), QColor("#e65100")
        self._dark_colour = QColor("#d62728")
        self.model, self.proxy, self.view = row_table(headers(), self)
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
        rows = self.watch.at_risk()[:MAX_ROWS]
        ids = [v.vessel_id for v in rows]
        signatures = [(v.inside, round(v.distance_km), v.vms, v.fix_time) for v in rows]
        self.model.set_rows(ids, self._cache.rows(ids, signatures,
                                                  lambda k: self._cells(rows[k])))
        inside, heading = self.watch.counts()
        if bulletin is None:
            self.heading.setText(self.tr("No active storm."))
        else:
            self.heading.setText(f"<b>{title(bulletin)}</b><br>"
                                 f"{subtitle(bulletin, self.watch.clock.now())}")
        self.count.setText(self.tr("%1 inside, %2 heading in")
                           .replace("%1", bulletin_fmt.number(inside, 0))
                           .replace("%2", bulletin_fmt.number(heading, 0)))
        has_rows = bool(rows)
        self.export_csv.setEnabled(has_rows)
        self.export_pdf.setEnabled(has_rows)

    def _cells(self, v: DangerVessel) -> list[Cell]:
        texts = row(v)
        colour = self._inside_colour if v.inside else self._heading_colour
        lost = v.vms in (VmsState.LOST, VmsState.MUST_RETURN)
        sort_where = -v.distance_km if v.inside else 1e6 + (v.hours_to_enter or 0.0)
        return [
            Cell(texts[0]),
            Cell(texts[1]),
            Cell(texts[2]),
            Cell(texts[3]),
            Cell(where_text(v), sort_where, foreground=colour),
            Cell(vms_text(v.vms), int(v.vms.value),
                 foreground=self._dark_colour if lost else None),
            Cell(texts[6], v.fix_time),
        ]


"""The incident list dock: filters (status, type, age), a live table, "zoom to", and the
outbox badge ("1 action waiting to be sent").

Selecting a row (or "Zoom to") shows the incident in the inspector; "Zoom to" also
centres the map on it. GUI thread only; `close_widget()` disconnects and stops the
age timer.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from console.actions.outbox import Outbox
from console.live.clock import SourceClock
from console.live.timers import timer
from console.model.incident import OPEN_STATUSES, STATUSES, Incident
from console.model.incident_labels import incident_status_label, incident_type_label
from console.stores.records import RecordStore
from layers.incidents.layer import TYPES
from widgets.incidents.filters import IncidentFilter
from widgets.incidents.table_model import IncidentFilterProxy, IncidentTableModel
from widgets.operator_state import keep

AGE_CHOICES_H = (None, 1, 6, 24, 72, 24 * 7)


class OutboxBadge(QLabel):
    """'2 actions waiting to be sent' / '1 action needs your decision'; hidden when empty."""

    def __init__(self, outbox: Outbox, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outboxBadge")
        self._outbox = outbox
        outbox.changed.connect(self.update_text)
        self.update_text()

    def update_text(self, *_args: object) -> None:
        waiting, attention = self._outbox.waiting_count(), self._outbox.attention_count()
        parts = []
        if waiting:
            parts.append(
                self.tr("⏳ 1 action waiting to be sent")
                if waiting == 1
                else self.tr("⏳ %1 actions waiting to be sent").replace("%1", str(waiting))
            )
        if attention:
            parts.append(
                self.tr("⚠ 1 action needs your decision")
                if attention == 1
                else self.tr("⚠ %1 actions need your decision").replace("%1", str(attention))
            )
        self.setText(" · ".join(parts))
        if self._outbox.last_error and waiting:
            self.setToolTip(self.tr("Last error: %1").replace("%1", self._outbox.last_error))
        else:
            self.setToolTip("")
        colour = "#b71c1c" if attention else "#8a5a00"
        self.setStyleSheet(
            f"QLabel {{ color: white; background: {colour}; border-radius: 3px; "
            "padding: 2px 6px; }"
        )
        self.setVisible(bool(parts))

    def close_badge(self) -> None:
        self._outbox.changed.disconnect(self.update_text)


class IncidentListWidget(QWidget):
    """Signals: `incident_activated(str)` (selected), `zoom_requested(str)`."""

    incident_activated = Signal(str)
    zoom_requested = Signal(str)

    def __init__(
        self,
        store: RecordStore[Incident],
        clock: SourceClock,
        outbox: Outbox,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("incidentList")
        self.model = IncidentTableModel(store, clock, outbox, self)
        self.proxy = IncidentFilterProxy(self.model, self)

        self._build_filters()
        self._build_table()
        self.zoom_button = QPushButton(self.tr("Zoom to"))
        self.zoom_button.setEnabled(False)
        self.zoom_button.clicked.connect(self._zoom)
        self.count_label = QLabel()
        self.badge = OutboxBadge(outbox)
        self.badge.setWordWrap(True)
        self.retry_button = QPushButton(self.tr("Send now"))
        self.retry_button.setToolTip(self.tr("Try to send the waiting actions now"))
        self.retry_button.clicked.connect(outbox.retry_now)
        outbox.changed.connect(self._update_retry)
        self._outbox = outbox

        filters = QHBoxLayout()
        for label, combo in (
            (self.tr("Status"), self.status_combo),
            (self.tr("Type"), self.type_combo),
            (self.tr("Age"), self.age_combo),
        ):
            combo.setToolTip(label)  # no label beside it: the dock may be narrow
            filters.addWidget(combo, 1)
        filters.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addWidget(self.badge)
        bottom.addWidget(self.retry_button)
        bottom.addStretch(1)
        bottom.addWidget(self.zoom_button)
        self._bottom = bottom
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset):
            signal.connect(self._update_count)
        self._ages = timer(self, 30_000, self._tick, start=True)
        self._update_count()
        self._update_retry()

    # --- filters -----------------------------------------------------------------------

    def _build_table(self) -> None:
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        # what needs acting on first: the most severe, new before handled, newest first
        # (by age, a new critical incident sat 18 rows down under older low ones)
        self.table.sortByColumn(IncidentTableModel.COL_SEVERITY, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)  # one line per incident; the tooltip has it all
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.resizeSection(IncidentTableModel.COL_SEVERITY, 90)
        header.resizeSection(IncidentTableModel.COL_TITLE, 260)
        header.resizeSection(IncidentTableModel.COL_STATUS, 110)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _i: self._zoom())
        self.table.selectionModel().selectionChanged.connect(self._on_selection)

    def _build_filters(self) -> None:
        self.status_combo = QComboBox()
        self.status_combo.addItem(self.tr("Open"), sorted(OPEN_STATUSES))
        self.status_combo.addItem(self.tr("All statuses"), None)
        for status in STATUSES:
            self.status_combo.addItem(incident_status_label(status), [status])
        self.type_combo = QComboBox()
        self.type_combo.addItem(self.tr("All types"), None)
        for kind in TYPES:
            self.type_combo.addItem(incident_type_label(kind), kind)
        self.age_combo = QComboBox()
        for hours in AGE_CHOICES_H:
            label = (
                self.tr("Any age")
                if hours is None
                else self.tr("Last %1 h").replace("%1", str(hours))
            )
            self.age_combo.addItem(label, hours)
        keep(self.status_combo, "incidentStatusFilter")
        keep(self.type_combo, "incidentTypeFilter")
        keep(self.age_combo, "incidentAgeFilter")
        for combo in (self.status_combo, self.type_combo, self.age_combo):
            combo.currentIndexChanged.connect(self._apply_filter)
            # shrinkable: the dock may share a narrow side area with other panels
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(5)

    def set_filter(self, criteria: IncidentFilter) -> None:
        self.proxy.set_filter(criteria)
        self._update_count()

    def _apply_filter(self, *_args: object) -> None:
        statuses = self.status_combo.currentData()
        kind = self.type_combo.currentData()
        hours = self.age_combo.currentData()
        self.set_filter(
            IncidentFilter(
                statuses=frozenset(statuses) if statuses is not None else None,
                types=frozenset({kind}) if kind is not None else None,
                max_age_s=hours * 3600.0 if hours is not None else None,
            )
        )

    def visible_ids(self) -> list[str]:
        return [self.proxy.incident_id(r) for r in range(self.proxy.rowCount())]

    def _update_count(self, *_args: object) -> None:
        self.count_label.setText(
            self.tr("%1 of %2 incidents")
            .replace("%1", str(self.proxy.rowCount()))
            .replace("%2", str(self.model.rowCount()))
        )

    def _update_retry(self, *_args: object) -> None:
        self.retry_button.setVisible(self._outbox.waiting_count() > 0)

    def _tick(self) -> None:
        self.model.refresh_ages()
        if self.proxy.criteria.max_age_s is not None:
            self.proxy.refilter()
            self._update_count()

    # --- selection ----------------------------------------------------------------------

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.proxy.incident_id(rows[0].row()) if rows else None

    def select(self, incident_id: str) -> bool:
        for r in range(self.proxy.rowCount()):
            if self.proxy.incident_id(r) == incident_id:
                self.table.selectRow(r)
                return True
        return False

    def id_at(self, index: QModelIndex) -> str | None:
        return self.proxy.incident_id(index.row()) if index.isValid() else None

    def index_of(self, incident_id: str) -> QModelIndex | None:
        """The table row of an incident, or None when it is filtered out."""
        row = self.model.store.row_of(incident_id)
        if row is None:
            return None
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        return index if index.isValid() else None

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        incident_id = self.selected_id()
        self.zoom_button.setEnabled(incident_id is not None)
        if incident_id is not None:
            self.incident_activated.emit(incident_id)

    def _zoom(self) -> None:
        incident_id = self.selected_id()
        if incident_id is not None:
            self.zoom_requested.emit(incident_id)

    def add_action_button(self, action: QAction) -> QToolButton:
        """A button for another feature's action (e.g. New incident) beside Zoom to: it
        follows the action's text, enabled state and tooltip."""
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._bottom.insertWidget(self._bottom.count() - 1, button)
        return button

    def close_widget(self) -> None:
        self._ages.stop()
        self._outbox.changed.disconnect(self._update_retry)
        self.badge.close_badge()
        self.model.close()

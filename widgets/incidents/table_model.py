"""The incident list's table model (live from `app.incidents`) and its filter proxy.

`IncidentTableModel` mirrors the RecordStore's rows (the store only appends, so row i
of the model is row i of the store): new ids become `rowsInserted`, updated ones
`dataChanged`, on the store's batched `changed(list[str])`. It also marks incidents
with actions waiting in the outbox. GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from console.actions.outbox import Outbox
from console.live.clock import SourceClock
from console.model.incident import Incident
from console.model.incident_labels import incident_status_label, incident_type_label, severity_label
from console.stores.records import RecordStore
from console.timefmt import format_age
from layers.incidents.layer import SEVERITY_CLASS, SEVERITY_FILL
from widgets.incidents.filters import IncidentFilter
from widgets.titled_model import TitledTableModel

ModelIndex = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
INCIDENT_ID_ROLE = Qt.ItemDataRole.UserRole + 2


class IncidentTableModel(TitledTableModel):
    # what an operator scans first comes first (the dock is often narrow)
    COL_SEVERITY, COL_TITLE, COL_STATUS, COL_AGE, COL_PENDING, COL_TYPE, COL_ASSIGNEE = range(7)

    def __init__(
        self,
        store: RecordStore[Incident],
        clock: SourceClock,
        outbox: Outbox | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.clock, self.outbox = store, clock, outbox
        self._rows = len(store)
        store.changed.connect(self._on_store_changed)
        if outbox is not None:
            outbox.changed.connect(self._on_store_changed)
        self.titles = [
            self.tr("Severity"),
            self.tr("Title"),
            self.tr("Status"),
            self.tr("Age"),
            self.tr("Waiting"),
            self.tr("Type"),
            self.tr("Assigned to"),
        ]

    def close(self) -> None:
        self.store.changed.disconnect(self._on_store_changed)
        if self.outbox is not None:
            self.outbox.changed.disconnect(self._on_store_changed)

    def incident(self, row: int) -> Incident:
        return self.store.at(row)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._rows

    def _waiting(self, incident_id: str) -> int:
        return len(self.outbox.actions_for(incident_id)) if self.outbox else 0

    def data(self, index: ModelIndex, role: int = 0) -> Any:
        if not index.isValid() or index.row() >= self._rows:
            return None
        i = self.store.at(index.row())
        col = index.column()
        if role == INCIDENT_ID_ROLE:
            return i.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(i, col)
        if role == SORT_ROLE:
            return self._sort_key(i, col)
        if role == Qt.ItemDataRole.BackgroundRole and col == self.COL_SEVERITY:
            return QBrush(QColor(SEVERITY_FILL.get(i.severity, ("#ffffff", 0))[0]))
        if role == Qt.ItemDataRole.FontRole and (
            i.status == "new" or (col == self.COL_PENDING and self._waiting(i.id))
        ):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{i.title}\n{i.description}"
        return None

    def _display(self, i: Incident, col: int) -> str:
        if col == self.COL_SEVERITY:
            return severity_label(i.severity)
        if col == self.COL_TYPE:
            return incident_type_label(i.type)
        if col == self.COL_TITLE:
            return i.title
        if col == self.COL_STATUS:
            return incident_status_label(i.status)
        if col == self.COL_AGE:
            return format_age(self.clock.now() - i.reported_at)
        if col == self.COL_ASSIGNEE:
            return i.assignee or ""
        if col == self.COL_PENDING:
            n = self._waiting(i.id)
            return self.tr("⏳ %1 waiting").replace("%1", str(n)) if n else ""
        return ""

    def _sort_key(self, i: Incident, col: int) -> Any:
        if col == self.COL_SEVERITY:  # within a severity, new ones, then the newest
            # one number (the proxy compares numbers, not tuples); times < 1e10 s
            rank = 2 * SEVERITY_CLASS.get(i.severity, 0) + (i.status == "new")
            return rank * 1e10 + i.reported_at
        if col == self.COL_AGE:
            return -i.reported_at
        if col == self.COL_PENDING:
            return self._waiting(i.id)
        return self._display(i, col)

    def _on_store_changed(self, ids: list[str]) -> None:
        total = len(self.store)
        if total > self._rows:
            self.beginInsertRows(QModelIndex(), self._rows, total - 1)
            self._rows = total
            self.endInsertRows()
        rows = [r for r in (self.store.row_of(i) for i in ids) if r is not None]
        if rows:
            last = self.columnCount() - 1
            self.dataChanged.emit(self.index(min(rows), 0), self.index(max(rows), last))

    def refresh_ages(self) -> None:
        """Ages move with the clock: repaint that column (called by a slow timer)."""
        if self._rows:
            self.dataChanged.emit(
                self.index(0, self.COL_AGE), self.index(self._rows - 1, self.COL_AGE)
            )


class IncidentFilterProxy(QSortFilterProxyModel):
    """Filters rows with an `IncidentFilter`; sorts by `SORT_ROLE`."""

    def __init__(self, model: IncidentTableModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self.criteria = IncidentFilter()
        self.setSourceModel(model)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_filter(self, criteria: IncidentFilter) -> None:
        self.refilter(lambda: setattr(self, "criteria", criteria))

    def refilter(self, change: Callable[[], object] = lambda: None) -> None:
        """Apply `change` and re-run the filter (Qt >= 6.10 wants begin/endFilterChange)."""
        if hasattr(self, "endFilterChange"):
            self.beginFilterChange()
            change()
            self.endFilterChange()
        else:  # older Qt
            change()
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, _parent: ModelIndex) -> bool:
        incident = self._model.incident(source_row)
        return self.criteria.accepts(incident, self._model.clock.now())

    def incident_id(self, proxy_row: int) -> str:
        source = self.mapToSource(self.index(proxy_row, 0))
        return self._model.incident(source.row()).id

"""Vessel list: 3,242+ rows updating live, searchable with or without diacritics.

`VesselTableModel` reads straight from the VesselStore's numpy columns, so Qt only asks
for the visible cells; live updates are coalesced into one `dataChanged` per second
(not one per vessel). Search: each row has a folded key (registration, name, owner;
see console/textnorm) and the proxy filters against a precomputed boolean mask, so
typing stays instant. Sorting uses numeric sort roles; the proxy is not dynamic (a
full re-sort every poll would stall the GUI), it re-sorts on a slow timer instead.

Signals: `VesselList.zoom_requested(str)` (vessel id), `selected(str)`.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console import bulletin
from console.live.timers import timer
from console.textnorm import fold
from console.timefmt import format_age
from layers.vessels.layer import SYMBOLS, VesselLayer, source_label
from widgets.operator_state import keep
from widgets.titled_model import TitledTableModel

Index = QModelIndex | QPersistentModelIndex


class VesselTableModel(TitledTableModel):
    COLUMNS = ("registration", "name", "owner", "state", "age", "speed", "violation", "source")
    INSERT_CHUNK = 2000

    def __init__(self, layer: VesselLayer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layer = layer
        self.store = layer.store
        self._rows = 0
        self._keys: list[str] = []
        self._states = np.empty(0, dtype=np.int8)
        self._viol = np.empty(0, dtype=bool)
        self._pending = False
        self._perm = np.empty(0, dtype=np.int64)  # view row -> store row (sorted order)
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self.titles = (
            self.tr("Registration"),
            self.tr("Name"),
            self.tr("Owner"),
            self.tr("VMS state"),
            self.tr("Fix age"),
            self.tr("Speed (kn)"),
            self.tr("Zone rule"),
            self.tr("Source"),  # VMS, AIS A / B, or both: which systems report it
        )
        self._state_names = [s.label for s in layer.styles[:5]]
        self.store.changed.connect(self._on_changed)
        self._timer = timer(self, 1000, self.flush, start=True)
        self._more = QTimer(self)  # next chunk of inserted rows, on the next loop turn
        self._more.setSingleShot(True)
        self._more.setInterval(0)
        self._more.timeout.connect(self.flush)
        self.flush()

    def close(self) -> None:
        self._timer.stop()
        self._more.stop()
        self.store.changed.disconnect(self._on_changed)

    def _on_changed(self, _ids: list[str]) -> None:
        # search keys are folded once per new row: registration, name and owner are
        # identity data that do not change with positions (10,000 fixes/s stay cheap)
        self._pending = True

    def flush(self) -> None:
        """Apply what changed since the last flush (inserted rows, then one dataChanged).

        New rows go in at most INSERT_CHUNK per event-loop turn: folding the search keys
        and the proxy's per-row filtering of 20,000 arriving vessels would otherwise
        stall the GUI for ~100 ms in one go."""
        n = len(self.store)
        if n > self._rows:
            end = min(n, self._rows + self.INSERT_CHUNK)
            self.beginInsertRows(QModelIndex(), self._rows, end - 1)
            for row in range(self._rows, end):
                v = self.store.at(row)
                self._keys.append(fold(f"{v.registration} {v.name} {v.owner}"))
            self._rows = end
            self._recompute()
            self.endInsertRows()
            if end < n:
                self._more.start()
        else:
            self._recompute()
        if self._rows and self._pending:
            last = self._rows - 1
            self.dataChanged.emit(self.index(0, 3), self.index(last, len(self.COLUMNS) - 1))
        self._pending = False

    def _recompute(self) -> None:
        self._states = self.layer.classes()
        v = self.layer.violations() if self.layer.violations is not None else None
        self._viol = v if v is not None and len(v) == self._rows else np.zeros(self._rows, bool)
        if len(self._perm) != self._rows:
            self._perm = np.arange(self._rows, dtype=np.int64)

    def _sort_keys(self, column: int) -> np.ndarray | list:
        name = self.COLUMNS[column]
        c = self.store.columns()
        if name == "state":
            return self._states.astype(np.int64)
        if name == "age":
            return self.layer.clock.now() - c["fix_time"]
        if name == "speed":
            return c["speed"]
        if name == "violation":
            return self._viol.astype(np.int64)
        if name == "source":
            return self.store.sources[: self._rows].astype(np.int64)
        records = self.store.records()
        attr = {"registration": "registration", "name": "name", "owner": "owner"}[name]
        return [fold(getattr(v, attr)) for v in records]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in numpy (one argsort), not row-by-row through Python callbacks: with
        tens of thousands of rows a proxy sort would call `data()` millions of times."""
        if column < 0 or self._rows == 0:
            return
        self._sort = (column, order)
        keys = self._sort_keys(column)
        if isinstance(keys, list):
            perm = np.array(sorted(range(len(keys)), key=keys.__getitem__), dtype=np.int64)
        else:
            perm = np.argsort(keys, kind="stable")
        if order == Qt.SortOrder.DescendingOrder:
            perm = perm[::-1]
        self.layoutAboutToBeChanged.emit()
        self._perm = np.ascontiguousarray(perm)
        self.layoutChanged.emit()

    def resort(self) -> None:
        if self._sort is not None:
            self.sort(*self._sort)

    def view_row(self, store_row: int) -> int | None:
        """The model row showing a store row (the inverse of the sort permutation)."""
        if store_row >= self._rows:
            return None
        hits = np.flatnonzero(self._perm == store_row)
        return int(hits[0]) if len(hits) else None

    def store_row(self, view_row: int) -> int:
        return int(self._perm[view_row]) if view_row < len(self._perm) else view_row

    def search_keys(self) -> list[str]:
        return self._keys

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._rows

    def vessel_id(self, row: int) -> str:
        return self.store.at(self.store_row(row)).id

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= self._rows:
            return None
        row, col = self.store_row(index.row()), index.column()
        name = self.COLUMNS[col]
        if role == Qt.ItemDataRole.DisplayRole:
            v = self.store.at(row)
            if name == "registration":
                return v.registration
            if name == "name":
                return v.name
            if name == "owner":
                return v.owner
            if name == "state":
                return self._state_names[int(self._states[row])] if row < len(self._states) else ""
            if name == "age":
                return format_age(self.layer.clock.now() - self.store.fix_time[row])
            if name == "speed":
                return bulletin.number(float(self.store.speed[row]), 1)
            if name == "violation":
                return self.tr("Violation") if row < len(self._viol) and self._viol[row] else ""
            if name == "source":
                return source_label(int(self.store.sources[row]))
        if role == Qt.ItemDataRole.DecorationRole and name == "state" and row < len(self._states):
            return QColor(SYMBOLS[int(self._states[row])].fill)
        if role == Qt.ItemDataRole.ForegroundRole and name == "violation":
            return QColor("#c2185b")
        return None


class VesselFilterProxy(QSortFilterProxyModel):
    """Filters by a precomputed mask (folded search keys), sorts by SORT_ROLE."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDynamicSortFilter(False)
        self._mask: np.ndarray | None = None
        self.extra: np.ndarray | None = None  # optional additional row mask

    def set_query(self, query: str) -> None:
        model = self.sourceModel()
        q = fold(query)
        self.beginFilterChange()
        if q:
            keys = model.search_keys()
            self._mask = np.fromiter((q in k for k in keys), bool, len(keys))
        else:
            self._mask = None
        self.endFilterChange()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The source model sorts (numpy); the proxy keeps its order and only filters."""
        self.sourceModel().sort(column, order)

    def filterAcceptsRow(self, row: int, _parent: Index) -> bool:
        store_row = self.sourceModel().store_row(row)
        if self._mask is not None and (store_row >= len(self._mask) or not self._mask[store_row]):
            return False
        return self.extra is None or (store_row < len(self.extra) and bool(self.extra[store_row]))


class VesselList(QWidget):
    zoom_requested = Signal(str)
    selected = Signal(str)

    def __init__(self, layer: VesselLayer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = VesselTableModel(layer, self)
        self.proxy = VesselFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search registration, name or owner…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search)
        keep(self.search, "vesselSearch")
        self.count = QLabel()
        self.zoom = QPushButton(self.tr("Zoom to"))
        self.zoom.clicked.connect(self._zoom)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(22)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.doubleClicked.connect(self._zoom)
        self.view.selectionModel().currentRowChanged.connect(self._on_current)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.zoom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(top)
        layout.addWidget(self.view)
        layout.addWidget(self.count)
        self.model.modelReset.connect(self._update_count)
        self.model.rowsInserted.connect(self._on_rows_inserted)
        self._resort = timer(self, 5000, self._refresh_sort, start=True)

    def close_list(self) -> None:
        self._resort.stop()
        self.model.close()

    def _refresh_sort(self) -> None:
        if self.isVisible():
            self.model.resort()

    def _on_rows_inserted(self, *_a: object) -> None:
        if self.search.text():  # new vessels are matched against the active search
            self.proxy.set_query(self.search.text())
        self._update_count()

    def _on_search(self, text: str) -> None:
        self.proxy.set_query(text)
        self._update_count()

    def _update_count(self, *_a: object) -> None:
        self.count.setText(
            self.tr("%1 of %2 vessels")
            .replace("%1", str(self.proxy.rowCount()))
            .replace("%2", str(self.model.rowCount()))
        )

    def current_vessel(self) -> str | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self.model.vessel_id(self.proxy.mapToSource(index).row())

    def id_at(self, index: QModelIndex) -> str | None:
        if not index.isValid():
            return None
        return self.model.vessel_id(self.proxy.mapToSource(index).row())

    def index_of(self, vessel_id: str) -> QModelIndex | None:
        """The view index of a vessel, or None (not arrived yet, or filtered out)."""
        store_row = self.model.store.row_of(vessel_id)
        row = self.model.view_row(store_row) if store_row is not None else None
        if row is None:
            return None
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        return index if index.isValid() else None

    def _on_current(self, current: QModelIndex, _prev: QModelIndex) -> None:
        if current.isValid():
            self.selected.emit(self.model.vessel_id(self.proxy.mapToSource(current).row()))

    def _zoom(self, *_a: object) -> None:
        vessel_id = self.current_vessel()
        if vessel_id is not None:
            self.zoom_requested.emit(vessel_id)

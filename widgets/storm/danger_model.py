"""The danger-zone list's table model: thousands of vessels at risk, re-assessed every
second while the fleet moves, and only the rows on screen formatted.

Why not the shared `RowsModel`: it holds every row's formatted cells, so each
re-assessment formatted every vessel whose fix had changed — with 20,000 vessels and a
storm over the fishing grounds that was ~2,000 rows of positions, distances and times a
second, up to 100 ms of the GUI thread while fixes poured in. Here the rows are the
storm watch's arrays (`AtRisk`); a cell is formatted when the view asks for it.

Updates keep the operator's place: vessels that left are removed and new ones inserted
(the selection and the scroll position stay on the vessels they were on), then the
rows are put in order with `layoutChanged`, which carries the persistent indexes along.
Sorting is a numpy argsort over the arrays, never a per-row Python comparison.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from console.model.freshness import VmsState
from console.storm.export import headers, row, where_text
from console.storm.watch import AtRisk, DangerVessel, StormWatch
from console.textnorm import fold
from widgets.live.simple_table import ID_ROLE
from widgets.titled_model import TitledTableModel

Index = QModelIndex | QPersistentModelIndex
MAX_REMOVE_RUNS = 32  # beyond this many separate runs, one reset is cheaper for the view
WHERE_COLUMN = 4  # "Danger zone": the list's own order (deepest in, then soonest in)
DARK = (VmsState.LOST.value, VmsState.MUST_RETURN.value)


class DangerTableModel(TitledTableModel):
    def __init__(self, watch: StormWatch, parent: Any = None) -> None:
        super().__init__(parent)
        self.watch = watch
        self.titles = headers()
        self._table = AtRisk.empty()
        self._shown = np.empty(0, np.int64)  # store row of each view row
        self._position = np.empty(0, np.int64)  # store row -> index in `_table` (-1: none)
        self._sort: tuple[int, Qt.SortOrder] = (WHERE_COLUMN, Qt.SortOrder.AscendingOrder)
        self._formatted: dict[int, tuple[DangerVessel, list[str]]] = {}
        self._folded: dict[tuple[int, int], str] = {}  # (column, store row) -> sort text
        self._inside_colour, self._heading_colour = QColor("#c62828"), QColor("#e65100")
        self._dark_colour = QColor("#d62728")

    # --- updates ----------------------------------------------------------------------

    def set_table(self, table: AtRisk) -> None:
        """Show `table` (the watch's latest assessment) in the current sort order."""
        wanted = table.rows[self._order(table)]
        self._formatted.clear()
        if np.array_equal(wanted, self._shown):
            self._adopt(table)
            self._announce_values()
            return
        if not self._remove_gone(wanted):
            self.beginResetModel()
            self._adopt(table)
            self._shown = wanted
            self.endResetModel()
            return
        self._adopt(table)
        self._insert_new(wanted)
        self._reorder(wanted)
        self._announce_values()

    def _adopt(self, table: AtRisk) -> None:
        self._table = table
        size = int(table.rows.max()) + 1 if len(table) else 0
        self._position = np.full(size, -1, np.int64)
        self._position[table.rows] = np.arange(len(table))

    def _remove_gone(self, wanted: np.ndarray) -> bool:
        """Remove the rows of vessels no longer at risk, bottom up, one signal per run.
        False (nothing removed) when they are too scattered: the caller resets."""
        gone = ~np.isin(self._shown, wanted)
        if not gone.any():
            return True
        edges = np.flatnonzero(np.diff(np.concatenate(([0], gone.view(np.int8), [0]))))
        runs = list(zip(edges[::2], edges[1::2] - 1, strict=True))
        if len(runs) > MAX_REMOVE_RUNS:
            return False
        for first, last in reversed(runs):
            self.beginRemoveRows(QModelIndex(), int(first), int(last))
            self._shown = np.delete(self._shown, np.s_[first : last + 1])
            self.endRemoveRows()
        return True

    def _insert_new(self, wanted: np.ndarray) -> None:
        new = wanted[~np.isin(wanted, self._shown)]
        if not len(new):
            return
        n = len(self._shown)
        self.beginInsertRows(QModelIndex(), n, n + len(new) - 1)
        self._shown = np.concatenate((self._shown, new))
        self.endInsertRows()

    def _reorder(self, wanted: np.ndarray) -> None:
        """Put the (same) rows in `wanted`'s order; persistent indexes (the selection,
        the current row) follow their vessels."""
        if np.array_equal(wanted, self._shown):
            return
        self.layoutAboutToBeChanged.emit()
        new_place = np.empty(int(wanted.max()) + 1, np.int64)
        new_place[wanted] = np.arange(len(wanted))
        before = self.persistentIndexList()
        after = [self.index(int(new_place[self._shown[i.row()]]), i.column()) for i in before]
        self._shown = wanted
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _announce_values(self) -> None:
        if len(self._shown):
            last_column = len(self.titles) - 1
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._shown) - 1,
                                                               last_column))

    # --- sorting ----------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column < 0:
            return
        self._sort = (column, order)
        self.set_table(self._table)

    def _order(self, table: AtRisk) -> np.ndarray:
        """Indexes into `table` in the view's order (the watch's own order is the
        "Danger zone" column ascending)."""
        column, order = self._sort
        if column == WHERE_COLUMN or not len(table):
            perm = np.arange(len(table))
        else:
            keys = self._keys(table, column)
            if isinstance(keys, list):
                perm = np.array(sorted(range(len(keys)), key=keys.__getitem__), np.int64)
            else:
                perm = np.argsort(keys, kind="stable")
        return perm[::-1].copy() if order == Qt.SortOrder.DescendingOrder else perm

    def _keys(self, table: AtRisk, column: int) -> np.ndarray | list[str]:
        if column == 3:  # position: north to south reads like the chart
            return self.watch.vessels.columns()["y"][table.rows]
        if column == 5:
            return table.states
        if column == 6:
            return table.fix_time
        attr = ("registration", "name", "owner")[column]
        out = []
        for store_row in table.rows:
            key = (column, int(store_row))
            text = self._folded.get(key)
            if text is None:  # identity data: folded once per vessel
                text = self._folded[key] = fold(getattr(self.watch.vessels.at(int(store_row)),
                                                        attr))
            out.append(text)
        return out

    # --- reading ----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def vessel_at(self, view_row: int) -> DangerVessel:
        return self._row(view_row)[0]

    def view_row_of(self, vessel_id: str) -> int | None:
        store_row = self.watch.vessels.row_of(vessel_id)
        hits = np.flatnonzero(self._shown == store_row) if store_row is not None else []
        return int(hits[0]) if len(hits) else None

    def _row(self, view_row: int) -> tuple[DangerVessel, list[str]]:
        store_row = int(self._shown[view_row])
        hit = self._formatted.get(store_row)
        if hit is None:
            v = self.watch.danger_vessel(self._table, int(self._position[store_row]))
            hit = self._formatted[store_row] = (v, row(v))
        return hit

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._shown):
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._row(index.row())[1][column]
        if role == ID_ROLE:
            return self._row(index.row())[0].vessel_id
        if role == Qt.ItemDataRole.ToolTipRole and column == WHERE_COLUMN:
            return where_text(self._row(index.row())[0])
        if role == Qt.ItemDataRole.ForegroundRole:
            k = int(self._position[self._shown[index.row()]])
            if column == WHERE_COLUMN:
                return self._inside_colour if self._table.inside[k] else self._heading_colour
            if column == 5 and int(self._table.states[k]) in DARK:
                return self._dark_colour
        return None

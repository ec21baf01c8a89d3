"""A small sortable table model over a list of row tuples (display, sort key) — for the
dark-vessel, station and alert lists, whose rows are rebuilt (tens to a thousand rows)
on a timer or a store signal.

Rebuilt rows are applied by id, not by resetting the model: rows that left are removed,
new ones inserted, the rest updated in place. A reset would drop the operator's
selection and scroll position every few seconds (an alert being read would vanish from
under the cursor) and make the proxy and view redo all their per-row work."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from itertools import pairwise
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from widgets.titled_model import TitledTableModel

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex


class Cell:
    """One table cell. `text` may be a function, evaluated when the cell is drawn: for
    values that change with time alone ("silent for 7 h 12 min"), so a rebuild need not
    touch every row to keep them current; only the visible rows compute them."""

    __slots__ = ("background", "decoration", "foreground", "sort", "text", "tooltip")

    def __init__(
        self,
        text: str,
        sort: Any = None,
        background: Any = None,
        foreground: Any = None,
        decoration: Any = None,
        tooltip: str | None = None,
    ) -> None:
        self.text, self.sort = text, text if sort is None else sort
        self.background, self.foreground, self.decoration = background, foreground, decoration
        self.tooltip = tooltip  # the full text of a row whose column is cut off


MAX_CHANGE_RUNS = 32


class RowsModel(TitledTableModel):
    def __init__(self, titles: list[str], parent: Any = None) -> None:
        super().__init__(parent)
        self.titles = titles
        self.rows: list[list[Cell]] = []
        self.ids: list[Any] = []
        self._applying = False  # a change is being announced (see set_rows)
        self._asked: tuple[list[Any], list[list[Cell]]] | None = None

    def set_rows(self, ids: list[Any], rows: list[list[Cell]]) -> None:
        """Show `rows` (one per id, ids unique). Removes and inserts by id; if the rows
        that stay changed their relative order, falls back to a reset.

        Called again while a change is being announced (a slot on the model's, the
        proxy's or the selection model's signals rebuilds: Qt's selection model reports
        a removed selected row from inside `rowsAboutToBeRemoved`), the rows asked for
        are shown right after the change under way, not inside it. A change begun
        inside another breaks the item-model contract; the sorting proxy's bookkeeping
        then points past its rows and the process crashes in `beginRemoveRows`."""
        if self._applying:
            self._asked = (list(ids), list(rows))  # the latest request wins
            return
        self._applying = True
        try:
            self._apply(ids, rows)
            while self._asked is not None:
                asked, self._asked = self._asked, None
                self._apply(*asked)
        finally:
            self._applying = False
            self._asked = None

    def _apply(self, ids: list[Any], rows: list[list[Cell]]) -> None:
        if ids != self.ids:
            self._remove_missing(set(ids))
            position = {row_id: k for k, row_id in enumerate(ids)}
            kept = [position[row_id] for row_id in self.ids]
            if any(a > b for a, b in pairwise(kept)):
                self.beginResetModel()
                self.ids, self.rows = list(ids), list(rows)
                self.endResetModel()
                return
            self._insert_new(ids, rows)
        old, self.rows = self.rows, list(rows)
        self._announce_changes(old)

    def _announce_changes(self, old: list[list[Cell]]) -> None:
        """dataChanged for the rows whose cells are new objects (RowCache hands back the
        same list for an unchanged row), one signal per run. Why not one signal over the
        whole table: the sorting proxy re-sorts and the view repaints on every
        dataChanged, ~10 ms a second for an alert list where nothing changed."""
        changed = [k for k, (a, b) in enumerate(zip(old, self.rows, strict=True)) if a is not b]
        if not changed:
            return
        runs: list[tuple[int, int]] = []
        for k in changed:
            if runs and k == runs[-1][1] + 1:
                runs[-1] = (runs[-1][0], k)
            else:
                runs.append((k, k))
        if len(runs) > MAX_CHANGE_RUNS:  # scattered: one signal is cheaper than many
            runs = [(changed[0], changed[-1])]
        last_column = len(self.titles) - 1
        for first, last in runs:
            self.dataChanged.emit(self.index(first, 0), self.index(last, last_column))

    def _remove_missing(self, wanted: set[Any]) -> None:
        """Remove rows whose id is not wanted, bottom up, one signal per contiguous run."""
        end = len(self.ids) - 1
        while end >= 0:
            if self.ids[end] in wanted:
                end -= 1
                continue
            start = end
            while start > 0 and self.ids[start - 1] not in wanted:
                start -= 1
            self.beginRemoveRows(QModelIndex(), start, end)
            del self.ids[start : end + 1]
            del self.rows[start : end + 1]
            self.endRemoveRows()
            end = start - 1

    def _insert_new(self, ids: list[Any], rows: list[list[Cell]]) -> None:
        """Insert the ids not yet shown at their places in `ids` (the kept ones are
        already in the same relative order), one signal per contiguous run."""
        shown = set(self.ids)
        k = 0
        while k < len(ids):
            if ids[k] in shown:
                k += 1
                continue
            stop = k
            while stop + 1 < len(ids) and ids[stop + 1] not in shown:
                stop += 1
            self.beginInsertRows(QModelIndex(), k, stop)
            self.ids[k:k] = ids[k : stop + 1]
            self.rows[k:k] = rows[k : stop + 1]
            self.endInsertRows()
            k = stop + 1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        cell = self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.text() if callable(cell.text) else cell.text
        if role == SORT_ROLE:
            return cell.sort
        if role == ID_ROLE:
            return self.ids[index.row()]
        if role == Qt.ItemDataRole.BackgroundRole:
            return cell.background
        if role == Qt.ItemDataRole.ForegroundRole:
            return cell.foreground
        if role == Qt.ItemDataRole.DecorationRole:
            return cell.decoration
        if role == Qt.ItemDataRole.ToolTipRole:
            return cell.tooltip
        return None


class RowCache:
    """Reuses the cells of rows whose content did not change since the last rebuild.

    Building a row's cells (formatting times, colours) costs tens of microseconds in
    Python; a list of a thousand rows rebuilt every few seconds would spend most of
    that on rows that look exactly as before. A row is rebuilt when its `signature`
    (any hashable summary of what it shows) differs."""

    def __init__(self) -> None:
        self._rows: dict[Any, tuple[Hashable, list[Cell]]] = {}

    def rows(
        self, ids: list[Any], signatures: list[Hashable], build: Callable[[int], list[Cell]]
    ) -> list[list[Cell]]:
        """Cells for each id (`build(k)` for the k-th when it is new or changed)."""
        fresh: dict[Any, tuple[Hashable, list[Cell]]] = {}
        out = []
        for k, (row_id, signature) in enumerate(zip(ids, signatures, strict=True)):
            hit = self._rows.get(row_id)
            cells = hit[1] if hit is not None and hit[0] == signature else build(k)
            fresh[row_id] = (signature, cells)
            out.append(cells)
        self._rows = fresh
        return out


def row_table(
    headers: list[str], parent: QWidget
) -> tuple[RowsModel, QSortFilterProxyModel, QTableView]:
    """The read-only list table the live panels share: RowsModel behind a proxy sorting
    by SORT_ROLE, whole-row selection, no row numbers."""
    model = RowsModel(headers, parent)
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    view = QTableView()
    view.setModel(proxy)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.verticalHeader().setVisible(False)
    return model, proxy, view


def id_at(proxy: QSortFilterProxyModel) -> Callable[[QModelIndex], Any]:
    """The row id under a view index of a `row_table` (for `ListFollower`)."""

    def find(index: QModelIndex) -> Any:
        return proxy.data(index, ID_ROLE) if index.isValid() else None

    return find


def index_of(model: RowsModel, proxy: QSortFilterProxyModel) -> Callable[[Any], Any]:
    """The view index of a row id of a `row_table`, or None when it is not listed."""

    def find(row_id: Any) -> QModelIndex | None:
        try:
            row = model.ids.index(row_id)
        except ValueError:
            return None
        index = proxy.mapFromSource(model.index(row, 0))
        return index if index.isValid() else None

    return find

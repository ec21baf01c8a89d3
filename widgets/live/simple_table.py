"""A small sortable table model over a list of row tuples (display, sort key) — for the
dark-vessel, station and alert lists, whose rows are rebuilt wholesale (tens to a few
hundred rows) on a timer or a store signal."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex


class Cell:
    __slots__ = ("background", "decoration", "foreground", "sort", "text")

    def __init__(
        self,
        text: str,
        sort: Any = None,
        background: Any = None,
        foreground: Any = None,
        decoration: Any = None,
    ) -> None:
        self.text, self.sort = text, text if sort is None else sort
        self.background, self.foreground, self.decoration = background, foreground, decoration


class RowsModel(QAbstractTableModel):
    def __init__(self, titles: list[str], parent: Any = None) -> None:
        super().__init__(parent)
        self.titles = titles
        self.rows: list[list[Cell]] = []
        self.ids: list[Any] = []

    def set_rows(self, ids: list[Any], rows: list[list[Cell]]) -> None:
        self.beginResetModel()
        self.ids, self.rows = ids, rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.titles)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.titles[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        cell = self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.text
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
        return None


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

"""Attribute table of a user vector layer, with 'zoom to feature'.

A read-only table model over the layer's rows (display strings prepared on the
worker at load). Selecting rows selects the features on the map; double-click or
the button zooms to them.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QDialog, QPushButton, QTableView, QVBoxLayout, QWidget

from layers.vector_file.layer import VectorFileLayer
from widgets.map_canvas import MapCanvas


class AttributeModel(QAbstractTableModel):
    def __init__(self, layer: VectorFileLayer, parent=None) -> None:
        super().__init__(parent)
        self.layer = layer
        # a remote layer's refresh replaces every row: start over
        layer.data_replaced.connect(self._reset)

    def _reset(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.layer.table.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.layer.table.columns)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and index.isValid():
            return self.layer.table.rows[index.row()][index.column()]
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.layer.table.columns[section]
        return str(section + 1)


class AttributeTable(QDialog):
    def __init__(self, layer: VectorFileLayer, canvas: MapCanvas, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("attributeTable")
        self.setWindowTitle(self.tr("Attributes — %1").replace("%1", layer.title))
        self.layer = layer
        self.canvas = canvas
        self.model = AttributeModel(layer, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.doubleClicked.connect(lambda _i: self.zoom_to_selected())
        self.view.selectionModel().selectionChanged.connect(self._sync_selection)
        zoom = QPushButton(self.tr("Zoom to feature"), self)
        zoom.clicked.connect(self.zoom_to_selected)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(zoom)
        self.resize(720, 420)

    def selected_rows(self) -> set[int]:
        rows = self.view.selectionModel().selectedRows()
        return {self.proxy.mapToSource(i).row() for i in rows}

    def select_row(self, row: int) -> None:
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.view.selectRow(index.row())

    def _sync_selection(self, *_args) -> None:
        self.layer.set_selection(self.selected_rows())

    def zoom_to_selected(self) -> bool:
        rows = self.selected_rows()
        if not rows:
            return False
        self.layer.set_selection(rows)
        return self.canvas.zoom_to_selection()

"""Layer panel: the layers in draw order (top of the list = drawn on top), a
visibility check box each, and the legend of each layer beneath it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from layers.base import MapLayer
from layers.layer_list import LayerList
from widgets.legend_icons import legend_icon

LAYER_ROLE = Qt.ItemDataRole.UserRole + 1


class LayerPanel(QWidget):
    def __init__(self, layers: LayerList, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("layerPanel")
        self.layers = layers
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(True)
        self.tree.setIndentation(14)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.tree)
        self.tree.itemChanged.connect(self._on_item_changed)
        layers.inserted.connect(self.rebuild)
        layers.removed.connect(self.rebuild)
        layers.moved.connect(self.rebuild)
        self.rebuild()

    def rebuild(self, *_args: object) -> None:
        self.tree.blockSignals(True)
        self.tree.clear()
        for layer in reversed(list(self.layers)):
            item = QTreeWidgetItem([layer.title])
            item.setData(0, LAYER_ROLE, layer.layer_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                0, Qt.CheckState.Checked if layer.visible else Qt.CheckState.Unchecked
            )
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
            for entry in layer.legend():
                child = QTreeWidgetItem([entry.label])
                child.setIcon(0, legend_icon(entry))
                child.setFlags(Qt.ItemFlag.ItemIsEnabled)
                item.addChild(child)
            self.tree.addTopLevelItem(item)
            item.setExpanded(True)
        self.tree.blockSignals(False)

    def layer_item(self, layer: MapLayer) -> QTreeWidgetItem | None:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item.data(0, LAYER_ROLE) == layer.layer_id:
                return item
        return None

    def _on_item_changed(self, item: QTreeWidgetItem, _column: int) -> None:
        layer = self.layers.by_id(item.data(0, LAYER_ROLE))
        if layer is not None:
            layer.set_visible(item.checkState(0) == Qt.CheckState.Checked)

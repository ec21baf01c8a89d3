"""Layer panel: the layers in draw order (top of the list = drawn on top), a
visibility check box each, and the legend of each layer beneath it.

Drag a layer to reorder it; double-click its name to rename it (user layers); the
context menu (built by whoever connects `context_requested`) offers zoom, style,
attributes, opacity and remove.

Signals: `context_requested(object, QPoint)`: layer and global position.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from layers.base import MapLayer
from layers.layer_list import LayerList
from layers.map_theme import LIGHT, MapTheme
from widgets.legend_icons import legend_icon

LAYER_ROLE = Qt.ItemDataRole.UserRole + 1


class _LayerTree(QTreeWidget):
    """Reorders top-level items only; tells the panel the new order after a drop."""

    def __init__(self, panel: LayerPanel) -> None:
        super().__init__(panel)
        self._panel = panel
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)

    def dropEvent(self, event) -> None:
        super().dropEvent(event)
        self._panel.apply_tree_order()


class LayerPanel(QWidget):
    context_requested = Signal(object, QPoint)

    def __init__(self, layers: LayerList, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("layerPanel")
        self.layers = layers
        self.theme: MapTheme = LIGHT  # legend symbols as the map draws them
        self.tree = _LayerTree(self)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(True)
        self.tree.setIndentation(14)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._on_context)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.tree)
        self.tree.itemChanged.connect(self._on_item_changed)
        layers.inserted.connect(self._on_inserted)
        layers.removed.connect(self.rebuild)
        layers.moved.connect(self.rebuild)
        for layer in layers:
            self._watch(layer)
        self.rebuild()

    def _watch(self, layer: MapLayer) -> None:
        # only user layers can be renamed / restyled; live layers change every poll
        if hasattr(layer, "set_title"):
            layer.changed.connect(self._maybe_retitle)

    def _on_inserted(self, _index: int, layer: MapLayer) -> None:
        self._watch(layer)
        self.rebuild()

    def _maybe_retitle(self) -> None:
        """Titles and legends of user layers follow renames and restyles."""
        for layer in self.layers:
            if not hasattr(layer, "set_title"):
                continue
            item = self.layer_item(layer)
            if item is not None and item.text(0) != layer.title:
                self.rebuild()
                return
            if item is not None:
                self._fill_legend(item, layer)

    def rebuild(self, *_args: object) -> None:
        self.tree.blockSignals(True)
        self.tree.clear()
        for layer in reversed(list(self.layers)):
            item = QTreeWidgetItem([layer.title])
            item.setData(0, LAYER_ROLE, layer.layer_id)
            flags = (
                item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsDragEnabled
            ) & ~Qt.ItemFlag.ItemIsDropEnabled
            if hasattr(layer, "set_title"):
                flags |= Qt.ItemFlag.ItemIsEditable
            item.setFlags(flags)
            item.setCheckState(
                0, Qt.CheckState.Checked if layer.visible else Qt.CheckState.Unchecked
            )
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
            self._fill_legend(item, layer)
            self.tree.addTopLevelItem(item)
            item.setExpanded(True)
        self.tree.blockSignals(False)

    def _fill_legend(self, item: QTreeWidgetItem, layer: MapLayer) -> None:
        blocked = self.tree.blockSignals(True)
        item.takeChildren()
        for entry in layer.legend():
            child = QTreeWidgetItem([entry.label])
            child.setIcon(0, legend_icon(entry, self.theme))
            child.setFlags(Qt.ItemFlag.ItemIsEnabled)
            item.addChild(child)
        self.tree.blockSignals(blocked)

    def set_theme(self, theme: MapTheme) -> None:
        if theme is not self.theme:
            self.theme = theme
            self.rebuild()

    def layer_item(self, layer: MapLayer) -> QTreeWidgetItem | None:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item.data(0, LAYER_ROLE) == layer.layer_id:
                return item
        return None

    def apply_tree_order(self) -> None:
        """Make the layer list follow the tree (top item = drawn on top)."""
        ids = [
            self.tree.topLevelItem(i).data(0, LAYER_ROLE)
            for i in range(self.tree.topLevelItemCount())
        ]
        for target, layer_id in enumerate(reversed(ids)):
            layer = self.layers.by_id(layer_id)
            if layer is not None and self.layers.index(layer) != target:
                self.layers.move(self.layers.index(layer), target)
        self.rebuild()

    def _on_context(self, pos: QPoint) -> None:
        item = self.tree.itemAt(pos)
        while item is not None and item.parent() is not None:
            item = item.parent()
        if item is None:
            return
        layer = self.layers.by_id(item.data(0, LAYER_ROLE))
        if layer is not None:
            self.context_requested.emit(layer, self.tree.viewport().mapToGlobal(pos))

    def _on_item_changed(self, item: QTreeWidgetItem, _column: int) -> None:
        layer = self.layers.by_id(item.data(0, LAYER_ROLE))
        if layer is None:
            return
        layer.set_visible(item.checkState(0) == Qt.CheckState.Checked)
        if item.text(0) != layer.title and hasattr(layer, "set_title"):
            layer.set_title(item.text(0).strip())

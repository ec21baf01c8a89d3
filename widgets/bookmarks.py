"""Bookmarks panel: named views. 'Add' stores the current view under a name;
double-click (or 'Go') returns to it. Saved with the workspace.

Signals: `changed()` when the list changed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.workspace import Bookmark
from widgets.map_canvas import MapCanvas

EXTENT_ROLE = Qt.ItemDataRole.UserRole + 1


class BookmarksPanel(QWidget):
    changed = Signal()

    def __init__(self, canvas: MapCanvas, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bookmarksPanel")
        self.canvas = canvas
        self.list = QListWidget(self)
        self.list.itemDoubleClicked.connect(self._go_item)
        add = QPushButton(self.tr("Add current view…"), self)
        add.clicked.connect(self._ask_add)
        go = QPushButton(self.tr("Go"), self)
        go.clicked.connect(lambda: self._go_item(self.list.currentItem()))
        remove = QPushButton(self.tr("Remove"), self)
        remove.clicked.connect(self._remove_current)
        buttons = QHBoxLayout()
        for b in (add, go, remove):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.list)
        layout.addLayout(buttons)

    def bookmarks(self) -> list[Bookmark]:
        return [
            Bookmark(self.list.item(i).text(), tuple(self.list.item(i).data(EXTENT_ROLE)))
            for i in range(self.list.count())
        ]

    def set_bookmarks(self, bookmarks: list[Bookmark]) -> None:
        self.list.clear()
        for b in bookmarks:
            self._append(b.name, b.extent)
        self.changed.emit()

    def add(self, name: str) -> Bookmark:
        extent = self.canvas.extent()
        self._append(name, extent)
        self.changed.emit()
        return Bookmark(name, extent)

    def go(self, name: str) -> bool:
        for b in self.bookmarks():
            if b.name == name:
                self.canvas.set_extent(b.extent, padding=0)
                return True
        return False

    def _append(self, name: str, extent) -> None:
        item = QListWidgetItem(name)
        item.setData(EXTENT_ROLE, list(extent))
        self.list.addItem(item)

    def _ask_add(self) -> None:
        name, ok = QInputDialog.getText(
            self,
            self.tr("New bookmark"),
            self.tr("Name:"),
            text=self.tr("View %1").replace("%1", str(self.list.count() + 1)),
        )
        if ok and name.strip():
            self.add(name.strip())

    def _go_item(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.canvas.set_extent(tuple(item.data(EXTENT_ROLE)), padding=0)

    def _remove_current(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            self.changed.emit()

"""Inspector: the attributes of what the operator clicked on the map."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from layers.base import Hit


class Inspector(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inspector")
        self.heading = QLabel(self.tr("Click a vessel, station, camera or incident on the map."))
        self.heading.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Attribute"), self.tr("Value")])
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.heading)
        layout.addWidget(self.tree)
        self.hits: list[Hit] = []

    def show_hits(self, hits: list[Hit]) -> None:
        self.hits = hits
        self.tree.clear()
        if not hits:
            self.heading.setText(self.tr("Nothing here."))
            return
        first = hits[0]
        self.heading.setText(f"<b>{_escape(first.title)}</b>")
        for index, hit in enumerate(hits[:10]):
            parent = QTreeWidgetItem([hit.title, ""])
            font = parent.font(0)
            font.setBold(True)
            parent.setFont(0, font)
            for key, value in hit.attributes:
                child = QTreeWidgetItem([key, value])
                child.setToolTip(1, value)
                parent.addChild(child)
            self.tree.addTopLevelItem(parent)
            parent.setExpanded(index == 0)
        self.tree.resizeColumnToContents(0)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

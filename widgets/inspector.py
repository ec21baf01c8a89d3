"""Inspector: the attributes of what the operator clicked, plus per-kind detail panels.

The attribute tree works for every layer (it shows `Hit.attributes`). What a kind
needs beyond that (incident actions and audit trail, a camera's snapshot, a station's
chart button) plugs in through a registry instead of special cases here:

    shell.inspector.register_panel("cameras", lambda hit: CameraPanel(...))

Drill-down ("the camera beside this incident") goes through `drill_down(layer_id,
item_id)`: the inspector remembers what it showed, and "← Back" returns to it (a small
navigation history, cleared when the operator picks something new on the map or in a
list). `navigate` is how it shows an item: the installer makes it select the item in
the map model, so the map and the lists follow the drill-down too.

A factory gets the selected `Hit` and returns a `QWidget` (or None for "nothing to
add"). Several factories may serve one layer id; their panels stack in registration
order. A panel is created when its hit is selected in the inspector and deleted when
another one is; if it defines `dispose()`, that is called first (disconnect signals,
cancel work there). GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from layers.base import Hit

PanelFactory = Callable[[Hit], QWidget | None]
Navigate = Callable[[str, str], object]
HISTORY_MAX = 20

_HIT_ROLE = Qt.ItemDataRole.UserRole + 1
PANEL_MIN_WIDTH = 430  # room for the action buttons and snapshot pictures


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
        self.tree.currentItemChanged.connect(self._on_current_changed)

        self._panel_host = QWidget()
        self._panel_layout = QVBoxLayout(self._panel_host)
        self._panel_layout.setContentsMargins(0, 0, 0, 0)
        self._panel_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("inspectorPanels")
        self.scroll.setWidgetResizable(True)
        self.scroll.setMinimumWidth(PANEL_MIN_WIDTH)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self._panel_host)
        self.scroll.setVisible(False)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.scroll)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.back = QToolButton()
        self.back.setObjectName("inspectorBack")
        self.back.setText(self.tr("← Back"))
        self.back.setVisible(False)
        self.back.clicked.connect(self.go_back)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.back, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.heading, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        self.hits: list[Hit] = []
        self.panels: list[QWidget] = []
        self._factories: dict[str, list[PanelFactory]] = {}
        self._panel_hit: Hit | None = None
        self.history: list[tuple[str, str]] = []  # (layer id, item id), oldest first
        self.navigate: Navigate | None = None
        self._drilling = False

    # --- registry ---------------------------------------------------------------------------

    def register_panel(self, layer_id: str, factory: PanelFactory) -> None:
        """Add a detail panel factory for hits of `layer_id`."""
        self._factories.setdefault(layer_id, []).append(factory)

    def unregister_panel(self, layer_id: str, factory: PanelFactory) -> None:
        factories = self._factories.get(layer_id, [])
        if factory in factories:
            factories.remove(factory)
        if self._panel_hit is not None and self._panel_hit.layer_id == layer_id:
            self._show_panels(self._panel_hit)

    # --- navigation -------------------------------------------------------------------------

    def drill_down(self, layer_id: str, item_id: str) -> None:
        """Show a related item (from a detail panel), remembering the current one."""
        current = self._panel_hit
        if self.navigate is None or current is None:
            return
        key = (current.layer_id, current.item_id)
        if key == (layer_id, item_id):
            return
        self.history = [*self.history, key][-HISTORY_MAX:]
        self._go(layer_id, item_id)

    def go_back(self) -> None:
        """'← Back': the item shown before the last drill-down."""
        if self.history and self.navigate is not None:
            layer_id, item_id = self.history.pop()
            self._go(layer_id, item_id)

    def _go(self, layer_id: str, item_id: str) -> None:
        self._drilling = True
        try:
            assert self.navigate is not None
            self.navigate(layer_id, item_id)
        finally:
            self._drilling = False
        self.back.setVisible(bool(self.history))

    def choose(self, layer_id: str, item_id: str) -> bool:
        """Make a hit already listed (a click found several) the chosen one."""
        for index, hit in enumerate(self.hits[:10]):
            if (hit.layer_id, hit.item_id) == (layer_id, item_id):
                item = self.tree.topLevelItem(index)
                if item is not None:
                    self.tree.setCurrentItem(item)
                    return True
        return False

    # --- hits -------------------------------------------------------------------------------

    def show_hits(self, hits: list[Hit]) -> None:
        """Show what was identified; the first hit is selected and gets its panels."""
        if not self._drilling:  # a new pick, not a step along a drill-down
            self.history = []
            self.back.setVisible(False)
        self.hits = hits
        self.tree.blockSignals(True)
        self.tree.clear()
        self.tree.blockSignals(False)
        if not hits:
            self.heading.setText(self.tr("Nothing here."))
            self._show_panels(None)
            return
        first = hits[0]
        self.heading.setText(f"<b>{_escape(first.title)}</b>")
        self.tree.blockSignals(True)
        for index, hit in enumerate(hits[:10]):
            parent = QTreeWidgetItem([hit.title, ""])
            parent.setData(0, _HIT_ROLE, index)
            font = parent.font(0)
            font.setBold(True)
            parent.setFont(0, font)
            for key, value in hit.attributes:
                parent.addChild(_attribute_item(key, value, hit.colours.get(key), index))
            self.tree.addTopLevelItem(parent)
            parent.setFirstColumnSpanned(True)  # a long title must not push values away
            parent.setExpanded(index == 0)
            if index == 0:
                self.tree.setCurrentItem(parent)
        self.tree.blockSignals(False)
        self.tree.resizeColumnToContents(0)
        # keep the values readable: the attribute column takes at most ~45 % of the width
        limit = max(120, int(self.tree.viewport().width() * 0.45))
        self.tree.setColumnWidth(0, min(self.tree.columnWidth(0), limit))
        self._show_panels(first)

    def update_hit(self, hit: Hit) -> bool:
        """Refresh the attributes of a shown hit (same layer and item) in place, keeping
        its panels: the item changed while the operator looks at it."""
        for index, old in enumerate(self.hits[:10]):
            if (old.layer_id, old.item_id) != (hit.layer_id, hit.item_id):
                continue
            self.hits[index] = hit
            parent = self.tree.topLevelItem(index)
            if parent is None:
                return False
            parent.setText(0, hit.title)
            parent.takeChildren()
            for key, value in hit.attributes:
                parent.addChild(_attribute_item(key, value, hit.colours.get(key), index))
            if self._panel_hit is old:
                self._panel_hit = hit
                self.heading.setText(f"<b>{_escape(hit.title)}</b>")
            return True
        return False

    def selected_hit(self) -> Hit | None:
        return self._panel_hit

    def _on_current_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        if current is None:
            return
        index = current.data(0, _HIT_ROLE)
        if isinstance(index, int) and 0 <= index < len(self.hits):
            hit = self.hits[index]
            if hit is not self._panel_hit:
                self.heading.setText(f"<b>{_escape(hit.title)}</b>")
                self._show_panels(hit)

    def _show_panels(self, hit: Hit | None) -> None:
        self.clear_panels()
        self._panel_hit = hit
        if hit is None:
            return
        for factory in self._factories.get(hit.layer_id, []):
            panel = factory(hit)
            if panel is not None:
                self._panel_layout.insertWidget(self._panel_layout.count() - 1, panel)
                self.panels.append(panel)
        self.scroll.setVisible(bool(self.panels))
        if self.panels:  # the panels carry the work: give them most of the height
            total = max(1, self.splitter.height())
            self.splitter.setSizes([total // 4, total - total // 4])

    def clear_panels(self) -> None:
        """Dispose and delete the current panels (also called when the window closes)."""
        for panel in self.panels:
            dispose = getattr(panel, "dispose", None)
            if callable(dispose):
                dispose()
            self._panel_layout.removeWidget(panel)
            panel.hide()
            panel.deleteLater()
        self.panels = []
        self._panel_hit = None
        self.scroll.setVisible(False)


def _attribute_item(key: str, value: str, colour: str | None, index: int) -> QTreeWidgetItem:
    """One attribute row; `colour` adds a swatch (an official risk-level colour)."""
    child = QTreeWidgetItem([key, value])
    child.setToolTip(1, value)
    child.setData(0, _HIT_ROLE, index)
    if colour:
        swatch = QPixmap(12, 12)
        swatch.fill(QColor(colour))
        child.setIcon(1, QIcon(swatch))
    return child


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

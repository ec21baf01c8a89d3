"""The camera wall: 1, 2×2 or 3×3 live tiles and the list of cameras to fill them from.

A camera is dragged onto a tile from this list or from the map (widgets/cameras/
map_drag.py), or double-clicked in the list (first empty tile). Nine assignments are
kept whatever the grid, so going from 3×3 to 2×2 and back loses nothing; only the tiles
shown decode, and none does while the wall itself is hidden (a closed or tabbed-away
dock costs no CPU). All visible tiles are polled on one timer so that their repaints
land in one pass of the event loop.

Saved with the workspace as `CameraWallLayout` (console/workspace.py).
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QColor, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from console.app import ConsoleApp
from console.live.timers import timer
from console.workspace import WALL_GRIDS, WALL_TILES, CameraWallLayout
from widgets.cameras.record_mime import record_mime
from widgets.cameras.video_tile import POLL_MS, VideoTile

_ID_ROLE = Qt.ItemDataRole.UserRole


class CameraList(QListWidget):
    """Every camera by name (offline ones greyed); items drag out as camera records."""

    def __init__(self, app: ConsoleApp, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cameraList")
        self._app = app
        self._items: dict[str, QListWidgetItem] = {}
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        app.cameras.changed.connect(self.refresh)
        self.refresh()

    def refresh(self, ids: list[str] | None = None) -> None:
        """Cameras in name order; a poll that changed a few updates only those items."""
        store = self._app.cameras
        if ids is not None and all(i in self._items for i in ids):
            for camera in store.present(ids):
                self._show(self._items[camera.id], camera)
            return
        cameras = sorted(store.records(), key=lambda c: (c.name, c.id))
        self.clear()
        self._items = {}
        for camera in cameras:
            item = QListWidgetItem()
            item.setData(_ID_ROLE, camera.id)
            item.setToolTip(camera.id)
            self._show(item, camera)
            self.addItem(item)
            self._items[camera.id] = item

    def _show(self, item: QListWidgetItem, camera) -> None:
        online = camera.status == "online"
        offline = self.tr("%1 (offline)").replace("%1", camera.name)
        item.setText(camera.name if online else offline)
        # online: the theme's own text colour (light or dark); offline: greyed
        item.setData(Qt.ItemDataRole.ForegroundRole, None if online else QColor("#808080"))

    def mimeData(self, items: list[QListWidgetItem]) -> QMimeData:
        item = items[0]
        return record_mime("cameras", item.data(_ID_ROLE), item.text())

    def dispose(self) -> None:
        self._app.cameras.changed.disconnect(self.refresh)


class CameraWall(QWidget):
    layout_changed = Signal()

    def __init__(self, app: ConsoleApp, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cameraWall")
        self._app = app
        self.assignments: list[str | None] = [None] * WALL_TILES
        self.grid_size = 2
        self.tiles = [VideoTile(app, accept_drops=True) for _ in range(WALL_TILES)]
        for index, tile in enumerate(self.tiles):
            tile.camera_dropped.connect(lambda camera_id, i=index: self.assign(i, camera_id))
            tile.suspend(True)
        self.grid_box = QComboBox()
        self.grid_box.setObjectName("wallGrid")
        for n in WALL_GRIDS:
            self.grid_box.addItem(self.tr("1 camera") if n == 1 else f"{n}×{n}", n)
        self.grid_box.setCurrentIndex(WALL_GRIDS.index(self.grid_size))
        self.grid_box.currentIndexChanged.connect(
            lambda i: self.set_grid(int(self.grid_box.itemData(i)))
        )
        clear = QPushButton(self.tr("Clear wall"))
        clear.clicked.connect(self.clear_all)
        self.camera_list = CameraList(app)
        self.camera_list.itemDoubleClicked.connect(
            lambda item: self.show_camera(str(item.data(_ID_ROLE)))
        )
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Layout")))
        bar.addWidget(self.grid_box)
        bar.addStretch(1)
        bar.addWidget(clear)
        self._grid_host = QWidget()
        self._grid = QGridLayout(self._grid_host)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(2)
        self._grid_host.setStyleSheet("background:#000;")
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(bar)
        right_layout.addWidget(self._grid_host, 1)
        hint = QLabel(self.tr("Drag a camera onto a tile"))
        hint.setWordWrap(True)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(hint)
        left_layout.addWidget(self.camera_list, 1)
        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([180, 900])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.splitter)
        self._poll = timer(self, POLL_MS, self.poll)
        self._arrange()

    # --- layout ----------------------------------------------------------------------------

    def visible_tiles(self) -> list[VideoTile]:
        return self.tiles[: self.grid_size**2]

    def _arrange(self) -> None:
        for tile in self.tiles:
            self._grid.removeWidget(tile)
            tile.hide()
        n = self.grid_size
        for index, tile in enumerate(self.visible_tiles()):
            self._grid.addWidget(tile, index // n, index % n)
            tile.show()
        for row in range(3):
            self._grid.setRowStretch(row, 1 if row < n else 0)
            self._grid.setColumnStretch(row, 1 if row < n else 0)
        self._sync_playing()

    def set_grid(self, n: int) -> None:
        if n not in WALL_GRIDS:
            raise ValueError(f"grid must be one of {WALL_GRIDS}")
        if n == self.grid_size:
            return
        self.grid_size = n
        self.grid_box.blockSignals(True)
        self.grid_box.setCurrentIndex(WALL_GRIDS.index(n))
        self.grid_box.blockSignals(False)
        self._arrange()
        self.layout_changed.emit()

    def assign(self, index: int, camera_id: str | None) -> None:
        """Put a camera (None: nothing) on tile `index`."""
        self.assignments[index] = camera_id
        tile = self.tiles[index]
        if camera_id is None:
            tile.clear()
        else:
            camera = self._app.cameras.get(camera_id)
            tile.play(camera_id, camera.name if camera else camera_id)
        self._sync_playing()
        self.layout_changed.emit()

    def show_camera(self, camera_id: str) -> int:
        """Put a camera on the first empty visible tile (the last one when all are full);
        returns the tile's index."""
        visible = range(self.grid_size**2)
        if camera_id in [self.assignments[i] for i in visible]:
            return self.assignments.index(camera_id)
        index = next((i for i in visible if self.assignments[i] is None), visible[-1])
        self.assign(index, camera_id)
        return index

    def clear_all(self) -> None:
        for index in range(WALL_TILES):
            if self.assignments[index] is not None:
                self.assign(index, None)

    # --- workspace -------------------------------------------------------------------------

    def wall_layout(self) -> CameraWallLayout:
        return CameraWallLayout(self.grid_size, list(self.assignments))

    def apply_layout(self, wall: CameraWallLayout) -> None:
        self.set_grid(wall.grid)
        for index, camera_id in enumerate(wall.tiles):
            if camera_id != self.assignments[index]:
                self.assign(index, camera_id)

    # --- playing only what is seen ---------------------------------------------------------

    def _sync_playing(self) -> None:
        seen = self.isVisible()
        shown = set(range(self.grid_size**2))
        for index, tile in enumerate(self.tiles):
            tile.suspend(not (seen and index in shown))
        if seen:
            self._poll.start()
        else:
            self._poll.stop()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._sync_playing()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._sync_playing()

    def poll(self) -> None:
        for tile in self.visible_tiles():
            tile.poll()

    def dispose(self) -> None:
        self._poll.stop()
        self.camera_list.dispose()
        for tile in self.tiles:
            tile.dispose()

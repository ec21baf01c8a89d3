"""Feature installer: the live camera panel in the inspector, the camera wall dock, and
dragging cameras from the map onto the wall."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QWidget

from layers.base import Hit
from widgets.cameras.map_drag import MapRecordDrag
from widgets.cameras.panel import CameraPanel
from widgets.cameras.wall import CameraWall
from widgets.record_items import keep_fresh

if TYPE_CHECKING:
    from widgets.shell import FeatureShell

_tr = QCoreApplication.translate


def install(shell: FeatureShell) -> None:
    wall = CameraWall(shell.app)
    dock = shell.add_dock(wall, "cameraWallDock", _tr("CameraWall", "Camera wall"),
                          Qt.DockWidgetArea.BottomDockWidgetArea)
    dock.hide()  # opened from View › Panels or a camera's panel; hidden, it decodes nothing
    shell.services.camera_wall = wall

    def open_on_wall(camera_id: str) -> None:
        dock.show()
        dock.raise_()
        wall.show_camera(camera_id)

    def factory(hit: Hit) -> QWidget | None:
        return CameraPanel(shell.app, hit.item_id, open_on_wall)

    shell.inspector.register_panel("cameras", factory)
    keep_fresh(shell, "cameras")
    MapRecordDrag(shell.canvas, ("cameras",))
    shell.on_close(wall.dispose)

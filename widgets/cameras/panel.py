"""The camera detail panel of the inspector: the camera's live video (name, time and
stream state drawn on it), a button that saves a still, one that puts the camera on the
camera wall, and a clear message when the camera is offline.

Threads: the video decodes on its stream's thread (console/video/stream.py); the tile
polls the latest frame on the GUI thread. Listens to `app.cameras.changed` to follow the
camera going offline / online; `dispose()` stops the stream and disconnects.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from console.app import ConsoleApp
from console.timefmt import format_local
from widgets.cameras.video_tile import VideoTile


class CameraPanel(QWidget):
    def __init__(
        self,
        app: ConsoleApp,
        camera_id: str,
        open_on_wall: Callable[[str], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cameraPanel")
        self._app, self.camera_id = app, camera_id
        self.video = VideoTile(app, autopoll=True)
        self.video.setMinimumSize(320, 180)
        self.video.still_saved.connect(self._on_still_saved)
        self.video.still_failed.connect(self._on_still_failed)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("cameraMessage")
        self.still_button = QPushButton(self.tr("Save still"))
        self.still_button.clicked.connect(self.video.save_still)
        self.wall_button = QPushButton(self.tr("Show on camera wall"))
        self.wall_button.setEnabled(open_on_wall is not None)
        if open_on_wall is not None:
            self.wall_button.clicked.connect(lambda: open_on_wall(self.camera_id))
        row = QHBoxLayout()
        row.addWidget(self.still_button)
        row.addWidget(self.wall_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        caption = self.tr("Live video")  # outside the f-string, where lupdate sees it
        layout.addWidget(QLabel(f"<b>{caption}</b>"))
        layout.addWidget(self.video)
        layout.addLayout(row)
        layout.addWidget(self.message)
        camera = app.cameras.get(camera_id)
        self.video.play(camera_id, camera.name if camera else camera_id)
        app.cameras.changed.connect(self._on_cameras_changed)
        self._show_status()

    def _is_offline(self) -> bool:
        camera = self._app.cameras.get(self.camera_id)
        return camera is not None and camera.status != "online"

    def _show_status(self) -> None:
        if self._is_offline():
            camera = self._app.cameras.get(self.camera_id)
            seen = format_local(camera.last_seen) if camera else "—"
            self.message.setText(
                self.tr("This camera is offline: no picture. Last seen %1.").replace("%1", seen)
            )
            self.message.setStyleSheet("color:#b71c1c; font-weight:bold;")
        else:
            self.message.setText("")
            self.message.setStyleSheet("")

    def _on_still_saved(self, path: Path) -> None:
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Still saved: %1").replace("%1", str(path)))

    def _on_still_failed(self, reason: str) -> None:
        self.message.setStyleSheet("color:#b71c1c; font-weight:bold;")
        self.message.setText(self.tr("The still could not be saved: %1").replace("%1", reason))

    def _on_cameras_changed(self, ids: list[str]) -> None:
        if self.camera_id in ids:
            self._show_status()

    def dispose(self) -> None:
        self.video.dispose()
        self._app.cameras.changed.disconnect(self._on_cameras_changed)

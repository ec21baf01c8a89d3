"""The camera detail panel of the inspector: the current snapshot with its time, a
refresh button, and a clear message when the camera is offline or the fetch failed.

Threads: the snapshot is fetched and decoded on `app.runner` (latest refresh wins);
results are applied on the GUI thread. Listens to `app.cameras.changed` to follow the
camera going offline / online; `dispose()` disconnects.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from console.app import ConsoleApp
from console.timefmt import format_local
from widgets.cameras.snapshot import request_snapshot


class CameraPanel(QWidget):
    def __init__(self, app: ConsoleApp, camera_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cameraPanel")
        self._app, self.camera_id = app, camera_id
        self._disposed = False
        self.fetched_at: float | None = None
        self.image = QLabel()
        self.image.setObjectName("cameraSnapshot")
        self.image.setMinimumSize(320, 180)
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setStyleSheet("background:#263238; color:#eceff1;")
        self.image.setWordWrap(True)
        self.time_label = QLabel()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("cameraMessage")
        self.refresh_button = QPushButton(self.tr("Refresh picture"))
        self.refresh_button.clicked.connect(self.refresh)
        row = QHBoxLayout()
        row.addWidget(self.time_label, 1)
        row.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        caption = self.tr("Camera picture")  # outside the f-string, where lupdate sees it
        title = QLabel(f"<b>{caption}</b>")
        layout.addWidget(title)
        layout.addWidget(self.image)
        layout.addLayout(row)
        layout.addWidget(self.message)
        app.cameras.changed.connect(self._on_cameras_changed)
        if self._is_offline():
            self._show_offline()
        else:
            self.refresh()

    def _is_offline(self) -> bool:
        camera = self._app.cameras.get(self.camera_id)
        return camera is not None and camera.status != "online"

    def _show_offline(self) -> None:
        camera = self._app.cameras.get(self.camera_id)
        seen = format_local(camera.last_seen) if camera else "—"
        self.image.setPixmap(QPixmap())
        self.image.setText(self.tr("Camera offline"))
        self.message.setText(
            self.tr("This camera is offline: no picture. Last seen %1.").replace("%1", seen)
        )
        self.message.setStyleSheet("color:#b71c1c; font-weight:bold;")

    def refresh(self) -> None:
        """Fetch a new snapshot on a worker (a newer refresh supersedes an older one)."""
        client = self._app.client
        if self._is_offline():
            # the backend answers 503 + Retry-After for an offline camera, and the shared
            # session honours Retry-After on GETs: asking would park a worker for minutes
            self._show_offline()
            return
        if client is None:
            self.message.setText(self.tr("Not connected to the backend: no picture."))
            return
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Loading picture…"))
        self.refresh_button.setEnabled(False)
        request_snapshot(self._app, f"camera-snapshot:{id(self)}", self.camera_id,
                         self._on_image, self._on_error)

    def _on_image(self, image: QImage) -> None:
        if self._disposed:
            return
        self.refresh_button.setEnabled(True)
        self.fetched_at = self._app.clock.now()
        pixmap = QPixmap.fromImage(image)
        width = max(320, min(self.image.width(), 640))
        self.image.setPixmap(
            pixmap.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
        )
        self.time_label.setText(
            self.tr("Picture of %1").replace("%1", format_local(self.fetched_at, seconds=True))
        )
        self.message.setText("")

    def _on_error(self, exc: Exception) -> None:
        if self._disposed:
            return
        self.refresh_button.setEnabled(True)
        if self._is_offline():
            self._show_offline()
            return
        self.image.setPixmap(QPixmap())
        self.image.setText(self.tr("No picture"))
        self.message.setText(
            self.tr("The picture could not be fetched: %1").replace("%1", str(exc))
        )
        self.message.setStyleSheet("color:#b71c1c; font-weight:bold;")

    def _on_cameras_changed(self, ids: list[str]) -> None:
        if self.camera_id not in ids:
            return
        if self._is_offline():
            self._show_offline()
        elif self.fetched_at is None:
            self.refresh()

    def dispose(self) -> None:
        self._disposed = True
        self._app.cameras.changed.disconnect(self._on_cameras_changed)

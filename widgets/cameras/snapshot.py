"""Camera snapshots: fetched on a worker, decoded there into a QImage, shown on the GUI
thread. `SnapshotThumb` is the small lazily-fetched picture used in lists.

QImage (unlike QPixmap) may be created on any thread, so the decode stays off the GUI
thread too; the pixmap is made when the result arrives.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QImage, QPixmap, QShowEvent
from PySide6.QtWidgets import QLabel, QWidget

from console.app import ConsoleApp
from console.sources.errors import BadResponse
from console.sources.rest_v1 import RestClient

_tr = QCoreApplication.translate


def fetch_snapshot(client: RestClient, camera_id: str) -> QImage:
    """Worker thread: GET the snapshot and decode it."""
    image = QImage.fromData(client.snapshot(camera_id))
    if image.isNull():
        raise BadResponse(f"camera snapshot of {camera_id}: the image cannot be decoded")
    return image


def request_snapshot(app, key: str, camera_id: str, on_image, on_error) -> None:
    """Fetch a camera's snapshot on a worker; `on_image(QImage)` or `on_error(exc)` run on
    the GUI thread (a newer request with the same `key` supersedes an older one)."""
    client = app.client
    app.runner.submit(
        key,
        partial(fetch_snapshot, client, camera_id),  # no QObject in worker code
        on_image,
        on_error,
    )


class SnapshotThumb(QLabel):
    """A small snapshot, fetched the first time the label is shown (lazily), on a worker."""

    SIZE = (112, 63)

    def __init__(
        self, app: ConsoleApp, camera_id: str, online: bool, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self._app, self.camera_id, self._online = app, camera_id, online
        self._requested = False
        self._disposed = False
        self.setFixedSize(*self.SIZE)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setStyleSheet("background:#263238; color:#eceff1; font-size:10px;")
        self.setWordWrap(True)
        self.setText(_tr("SnapshotThumb", "…") if online else _tr("SnapshotThumb", "Offline"))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.request()

    def request(self) -> None:
        client = self._app.client
        if self._requested or not self._online or client is None:
            return
        self._requested = True
        request_snapshot(self._app, f"camera-thumb:{self.camera_id}:{id(self)}",
                         self.camera_id, self._on_image, self._on_error)

    def _on_image(self, image: QImage) -> None:
        if self._disposed:
            return
        w, h = self.SIZE
        self.setPixmap(
            QPixmap.fromImage(image).scaled(
                w, h, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        )

    def _on_error(self, exc: Exception) -> None:
        if self._disposed:
            return
        self.setText(_tr("SnapshotThumb", "No picture"))
        self.setToolTip(str(exc))

    def dispose(self) -> None:
        self._disposed = True

    @property
    def has_image(self) -> bool:
        pixmap = self.pixmap()
        return pixmap is not None and not pixmap.isNull()

"""The photos attached to an incident, in its detail panel: thumbnails fetched from the
backend on the job runner's thread (never on the GUI thread), a click opens the photo
at full size. A photo that cannot be fetched (backend away, an archive under review,
which keeps none) says so in its place; nothing else of the panel waits for it.

The bytes of each photo are fetched once per panel (photos never change once attached:
the backend serves them as immutable)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from console.app import ConsoleApp
from console.model.incident import Incident
from widgets.shared.photos import THUMB_PX, decode, thumbnail, thumbnail_strip


class IncidentPhotosView(QWidget):
    def __init__(self, app: ConsoleApp, incident: Incident,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("incidentPhotosView")
        self._app = app
        self.incident_id = incident.id
        self.images: dict[int, QImage] = {}
        self.problems: dict[int, str] = {}
        self.viewer: QDialog | None = None  # the full-size photo, when open
        title = self.tr("Photos (%1)").replace("%1", str(len(incident.photos)))
        self.title = QLabel(f"<b>{title}</b>")
        self.list = thumbnail_strip("incidentPhotoList", label_px=34)
        self.list.itemActivated.connect(self._open)
        self.list.itemClicked.connect(self._open)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.list)
        for photo in incident.photos:
            item = QListWidgetItem(self.tr("loading…"))
            item.setData(Qt.ItemDataRole.UserRole, photo.n)
            item.setSizeHint(QSize(THUMB_PX + 12, THUMB_PX + 28))
            self.list.addItem(item)
            self._fetch(photo.n)

    def _fetch(self, n: int) -> None:
        client = self._app.client
        fetch = getattr(client, "incident_photo", None)
        if fetch is None:
            self._failed(n, self.tr("not connected to the backend") if client is None
                         else self.tr("not kept in this archive"))
            return
        incident_id = self.incident_id

        def job() -> QImage:
            image = decode(fetch(incident_id, n))
            if image.isNull():
                raise ValueError("not a picture")
            return image

        self._app.runner.submit(f"incident-photo:{incident_id}/{n}", job,
                                lambda image: self._shown(n, image),
                                lambda exc: self._failed(n, str(exc)))

    def _item(self, n: int) -> QListWidgetItem | None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == n:
                return item
        return None

    def _shown(self, n: int, image: QImage) -> None:
        self.images[n] = image
        item = self._item(n)
        if item is not None:
            item.setIcon(QIcon(QPixmap.fromImage(thumbnail(image))))
            item.setText(str(n))
            item.setToolTip(self.tr("Click to see it full size"))

    def _failed(self, n: int, reason: str) -> None:
        self.problems[n] = reason
        item = self._item(n)
        if item is not None:
            item.setText(self.tr("unavailable"))
            item.setToolTip(reason)

    def _open(self, item: QListWidgetItem) -> None:
        n = item.data(Qt.ItemDataRole.UserRole)
        image = self.images.get(n)
        if image is None:
            return
        dialog = QDialog(self)
        dialog.setObjectName("incidentPhotoDialog")
        dialog.setWindowTitle(self.tr("Photo %1 of incident %2").replace("%1", str(n))
                              .replace("%2", self.incident_id))
        label = QLabel()
        screen = self.screen().availableGeometry() if self.screen() else None
        fit = QSize(1400, 900) if screen is None else screen.size() * 0.8
        label.setPixmap(QPixmap.fromImage(image.scaled(
            fit, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
            if image.width() > fit.width() or image.height() > fit.height() else image))
        scroll = QScrollArea()
        scroll.setWidget(label)
        scroll.setWidgetResizable(True)
        QVBoxLayout(dialog).addWidget(scroll)
        dialog.resize(min(image.width(), fit.width()) + 40, min(image.height(), fit.height()) + 40)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.viewer = dialog
        dialog.show()

"""Photos an operator attaches to a new incident: read, turned upright, made small enough
to send (and for the outbox to keep) on a worker thread.

Why downscale: a phone photo is 3-8 MB at 4000 px; the control room needs to see what
happened, not print it. 1600 px on the long side at JPEG quality 85 is ~0.3-0.8 MB and
stays sharp on a 1080-line screen. EXIF orientation is applied while reading
(`QImageReader.setAutoTransform`), so a photo taken upright shows upright everywhere.

`prepare_photo` runs on the job runner's thread (QImage is safe off the GUI thread,
QPixmap is not); the dialog gets (media type, bytes, thumbnail).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QImageReader
from PySide6.QtWidgets import QListWidget

LONG_SIDE_PX = 1600
THUMB_PX = 96
QUALITY = 85
FILTER = "Images (*.jpg *.jpeg *.png *.heic *.webp *.bmp)"


@dataclass(frozen=True)
class PreparedPhoto:
    name: str  # the file's name, for the operator
    media_type: str
    data: bytes
    thumbnail: QImage


def prepare_photo(path: str | Path) -> PreparedPhoto:
    """Read, orient, downscale and encode one picture. Raises ValueError with the reader's
    reason when the file is not a picture Qt can read."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    image = reader.read()
    if image.isNull():
        raise ValueError(f"{Path(path).name}: {reader.errorString()}")
    if max(image.width(), image.height()) > LONG_SIDE_PX:
        image = image.scaled(LONG_SIDE_PX, LONG_SIDE_PX, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    return PreparedPhoto(Path(path).name, "image/jpeg", encode_jpeg(image), thumbnail(image))


def encode_jpeg(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    flat = image.convertToFormat(QImage.Format.Format_RGB32)  # JPEG has no alpha
    if not flat.save(buffer, "JPEG", QUALITY):
        raise ValueError("the picture could not be encoded as JPEG")
    buffer.close()
    return bytes(data.data())


def thumbnail(image: QImage) -> QImage:
    return image.scaled(THUMB_PX, THUMB_PX, Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation)


def decode(data: bytes) -> QImage:
    """A received photo's bytes as an image (null when they are not a picture)."""
    return QImage.fromData(data)


def thumbnail_strip(name: str, label_px: int = 30) -> QListWidget:
    """A one-row strip of photo thumbnails (the new-incident dialog's and the incident
    panel's), `label_px` high enough for the text under each."""
    strip = QListWidget()
    strip.setObjectName(name)
    strip.setViewMode(QListWidget.ViewMode.IconMode)
    strip.setIconSize(QSize(THUMB_PX, THUMB_PX))
    strip.setFixedHeight(THUMB_PX + label_px)
    strip.setMovement(QListWidget.Movement.Static)
    return strip

"""Dragging a map record (a camera) between views: one MIME type for the map, the camera
list and the camera wall, so any source can feed any target."""

from __future__ import annotations

from PySide6.QtCore import QMimeData

RECORD_MIME = "application/x-ioc-record"


def record_mime(layer_id: str, item_id: str, title: str = "") -> QMimeData:
    """MIME data naming one record; the plain text (its title) helps other programs."""
    data = QMimeData()
    data.setData(RECORD_MIME, f"{layer_id}\n{item_id}".encode())
    data.setText(title or item_id)
    return data


def dropped_record(data: QMimeData) -> tuple[str, str] | None:
    """(layer_id, item_id) of dragged MIME data, or None when it names no record."""
    if not data.hasFormat(RECORD_MIME):
        return None
    layer_id, _, item_id = bytes(data.data(RECORD_MIME).data()).decode(errors="replace").partition(
        "\n"
    )
    return (layer_id, item_id) if layer_id and item_id else None

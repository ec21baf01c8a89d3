"""Cameras: online / offline."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from console import bulletin
from console.live.clock import SourceClock
from console.model.camera import Camera
from console.stores.records import RecordStore
from console.timefmt import format_age, format_local
from layers.base import PointStyle
from layers.records import RecordPointLayer

_tr = QCoreApplication.translate


ONLINE, OFFLINE = 0, 1


class CameraLayer(RecordPointLayer):
    classes_follow_records = True  # online / offline, as the record says

    def __init__(self, store: RecordStore[Camera], clock: SourceClock) -> None:
        super().__init__("cameras", _tr("CameraLayer", "Cameras"), store)
        self.clock = clock
        self.styles = (
            PointStyle(_tr("CameraLayer", "Camera online"), "s", 6, "#00897b", "#003d36"),
            PointStyle(_tr("CameraLayer", "Camera offline"), "x", 8, "#7f7f7f", "#3f3f3f"),
        )

    def classify(self, c: Camera) -> int:
        return ONLINE if c.status == "online" else OFFLINE

    def describe_record(self, c: Camera) -> tuple[str, list[tuple[str, str]]]:
        kinds = {
            "traffic": _tr("CameraLayer", "Traffic"),
            "security": _tr("CameraLayer", "Security"),
        }
        status = (
            _tr("CameraLayer", "Online") if c.status == "online" else _tr("CameraLayer", "Offline")
        )
        return c.name, [
            (_tr("CameraLayer", "Type"), kinds.get(c.kind, c.kind)),
            (_tr("CameraLayer", "Status"), status),
            (_tr("CameraLayer", "Last seen"), format_local(c.last_seen)),
            (_tr("CameraLayer", "Age"), format_age(self.clock.now() - c.last_seen)),
            (_tr("CameraLayer", "Position"),
             f"{bulletin.number(c.lat, 5)}° N, {bulletin.number(c.lon, 5)}° E"),
        ]

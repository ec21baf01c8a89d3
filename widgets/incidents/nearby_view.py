""" "Nearby" section of the incident panel: nearest cameras (with lazily fetched snapshot
thumbnails), the nearest hydrology station, and other open incidents close by, possible
duplicates first. The geometry is `console.nearby` (pure); this only lays it out.

Clicking an entry asks the inspector to show that item (`show_item(layer_id, item_id)`).
GUI thread only; `dispose()` stops the thumbnails from touching deleted widgets.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from console import bulletin
from console.app import ConsoleApp
from console.model.incident import Incident
from console.model.incident_labels import incident_status_label, incident_type_label
from console.nearby import nearby_open_incidents, nearest
from widgets.cameras.snapshot import SnapshotThumb

ShowItem = Callable[[str, str], None]


def format_distance(metres: float) -> str:
    return bulletin.quantity(metres, "m", 0) if metres < 1000 else bulletin.quantity(
        metres / 1000, "km", 1)


class NearbyView(QWidget):
    def __init__(
        self,
        app: ConsoleApp,
        incident: Incident,
        show_item: ShowItem | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("incidentNearby")
        self._app, self._show_item = app, show_item
        self.thumbs: list[SnapshotThumb] = []
        cfg = app.settings.nearby
        self.cameras = nearest(
            app.cameras.records(), incident.lon, incident.lat, cfg.camera_count, cfg.camera_radius_m
        )
        stations = nearest(
            app.stations.records(), incident.lon, incident.lat, 1, cfg.station_radius_m
        )
        self.station = stations[0] if stations else None
        self.incidents = nearby_open_incidents(incident, app.incidents.records(), cfg)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self._heading(self.tr("Nearest cameras")))
        layout.addWidget(self._camera_grid() if self.cameras else self._none())
        layout.addWidget(self._heading(self.tr("Nearest hydrology station")))
        layout.addWidget(self._station_row())
        layout.addWidget(self._heading(self.tr("Open incidents nearby")))
        if not self.incidents:
            layout.addWidget(self._none())
        for near in self.incidents:
            other = near.incident
            text = f"{incident_type_label(other.type)} · {other.title} · " + format_distance(
                near.distance_m
            )
            text += f" · {incident_status_label(other.status)}"
            if near.possible_duplicate:
                text = "⚠ " + self.tr("Possible duplicate") + ": " + text
            layout.addWidget(self._link(text, "incidents", other.id, near.possible_duplicate))

    def _heading(self, text: str) -> QLabel:
        return QLabel(f"<b>{text}</b>")

    def _none(self) -> QLabel:
        label = QLabel(self.tr("None within range."))
        label.setStyleSheet("color:#616161;")
        return label

    def _link(self, text: str, layer_id: str, item_id: str, warn: bool = False) -> QLabel:
        """A wrapped, clickable line: long Vietnamese titles must not widen the panel."""
        colour = "#b71c1c" if warn else "#0d47a1"
        safe = html.escape(text).replace("\n", "<br>")
        label = QLabel(
            f'<a href="{layer_id}/{item_id}" style="color:{colour}; text-decoration:none">'
            f"{safe}</a>"
        )
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setProperty("item_id", item_id)
        label.setToolTip(self.tr("Show in the inspector"))
        if self._show_item is not None:
            show = self._show_item
            label.linkActivated.connect(lambda href: show(*href.split("/", 1)))
        return label

    def _camera_grid(self) -> QWidget:
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        for row, (camera, distance) in enumerate(self.cameras):
            thumb = SnapshotThumb(self._app, camera.id, camera.status == "online")
            self.thumbs.append(thumb)
            grid.addWidget(thumb, row, 0)
            status = self.tr("online") if camera.status == "online" else self.tr("offline")
            text = f"{camera.name}\n{format_distance(distance)} · {status}"
            grid.addWidget(self._link(text, "cameras", camera.id), row, 1)
        grid.setColumnStretch(1, 1)
        return box

    def _station_row(self) -> QWidget:
        if self.station is None:
            return self._none()
        station, distance = self.station
        value = (
            bulletin.level_phrase(station.latest_value, station.alarm_levels, station.unit)
            if station.latest_value is not None
            else "—"
        )
        text = f"{station.name} · {format_distance(distance)} · {value}"
        return self._link(text, "stations", station.id)

    def dispose(self) -> None:
        for thumb in self.thumbs:
            thumb.dispose()

"""New incident, opened by an operator: type, severity, title, description, a
position typed or picked on the map, and up to four photos (optional). Not modal: the
map stays usable while it is open (the position is picked there). A value the backend
would refuse is named in the dialog, which stays open with everything typed.

Signals: `submitted()` when the operator sends it (the owner queues it and closes the
dialog, or calls `show_problem`); `photos_requested()` when the operator asks to attach
photos (the owner picks the files and prepares them off the GUI thread, then calls
`add_photo`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from layers.incidents.layer import SEVERITIES, TYPES, incident_type_label, severity_label
from widgets.shared.photos import PreparedPhoto, thumbnail_strip
from widgets.shared.position_field import PositionField
from widgets.shared.send_form import SendForm

TITLE_MAX = 300
DESCRIPTION_MAX = 4000
MAX_PHOTOS = 4  # the backend's limit (wire.MAX_PHOTOS)


class NewIncidentDialog(SendForm):
    photos_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newIncidentDialog")
        self.setWindowTitle(self.tr("New incident"))
        self.setModal(False)
        self.kind = QComboBox()
        self.kind.setObjectName("incidentType")
        for kind in TYPES:
            self.kind.addItem(incident_type_label(kind), kind)
        self.kind.setCurrentIndex(TYPES.index("field_report"))
        self.severity = QComboBox()
        self.severity.setObjectName("incidentSeverity")
        for sev in SEVERITIES:
            self.severity.addItem(severity_label(sev), sev)
        self.severity.setCurrentIndex(SEVERITIES.index("medium"))
        self.title = QLineEdit()
        self.title.setObjectName("incidentTitle")
        self.title.setMaxLength(TITLE_MAX)
        self.title.setPlaceholderText(self.tr("What happened, where (short)"))
        self.description = QPlainTextEdit()
        self.description.setObjectName("incidentDescription")
        self.description.setPlaceholderText(self.tr("Details, who reported it, what is needed"))
        self.description.setMinimumHeight(90)
        self.description.setMaximumHeight(140)
        self.position = PositionField()
        self.photo_data: list[PreparedPhoto] = []
        photos = self._build_photos()
        form = QFormLayout(self)
        form.addRow(self.tr("Type"), self.kind)
        form.addRow(self.tr("Severity"), self.severity)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Description"), self.description)
        form.addRow(self.tr("Position"), self.position)
        form.addRow(self.tr("Photos (optional)"), photos)
        self._add_send_rows(form, self.tr("Open incident"), "incidentProblem", "sendIncident")
        self._photos_changed()
        self.title.setFocus(Qt.FocusReason.OtherFocusReason)

    def _build_photos(self) -> QWidget:
        self.photo_list = thumbnail_strip("incidentPhotos")
        self.add_photos = QPushButton(self.tr("Add photos…"))
        self.add_photos.setObjectName("addIncidentPhotos")
        self.add_photos.clicked.connect(self.photos_requested)
        self.remove_photo = QPushButton(self.tr("Remove"))
        self.remove_photo.clicked.connect(self._remove_selected)
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.photo_list, 1)
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_photos)
        buttons.addWidget(self.remove_photo)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        return row

    def room_for_photos(self) -> int:
        return MAX_PHOTOS - len(self.photo_data)

    def add_photo(self, photo: PreparedPhoto) -> bool:
        """Attach a prepared photo; False (and a sentence) when four are attached."""
        if self.room_for_photos() <= 0:
            self.show_problem(self.tr("At most %1 photos per incident.").replace(
                "%1", str(MAX_PHOTOS)))
            return False
        self.photo_data.append(photo)
        item = QListWidgetItem(QIcon(QPixmap.fromImage(photo.thumbnail)), "")
        item.setToolTip(f"{photo.name} · {len(photo.data) // 1024} kB")
        self.photo_list.addItem(item)
        self._photos_changed()
        return True

    def _remove_selected(self) -> None:
        row = self.photo_list.currentRow()
        if 0 <= row < len(self.photo_data):
            del self.photo_data[row]
            self.photo_list.takeItem(row)
        self._photos_changed()

    def _photos_changed(self) -> None:
        self.add_photos.setEnabled(self.room_for_photos() > 0)
        self.remove_photo.setEnabled(bool(self.photo_data))

    def values(self) -> dict:
        lon, lat = self.position.position()
        return {
            "kind": self.kind.currentData(),
            "severity": self.severity.currentData(),
            "title": self.title.text().strip(),
            "description": self.description.toPlainText().strip()[:DESCRIPTION_MAX],
            "lon": lon,
            "lat": lat,
            "photos": [(p.media_type, p.data) for p in self.photo_data],
        }

    def _check(self) -> bool:
        if not self.title.text().strip():
            self.show_problem(self.tr("Give the incident a title."))
            self.title.setFocus()
            return False
        self.show_problem("")
        return True

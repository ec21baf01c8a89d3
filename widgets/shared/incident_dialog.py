"""New incident, opened by an operator: type, severity, title, description and a
position typed or picked on the map. Not modal: the map stays usable while it is open
(the position is picked there). A value the backend would refuse is named in the
dialog, which stays open with everything typed.

Signals: `submitted()` when the operator sends it (the owner queues it and closes the
dialog, or calls `show_problem`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from layers.incidents.layer import SEVERITIES, TYPES, incident_type_label, severity_label
from widgets.shared.position_field import PositionField
from widgets.shared.send_form import SendForm

TITLE_MAX = 300
DESCRIPTION_MAX = 4000


class NewIncidentDialog(SendForm):
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
        form = QFormLayout(self)
        form.addRow(self.tr("Type"), self.kind)
        form.addRow(self.tr("Severity"), self.severity)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Description"), self.description)
        form.addRow(self.tr("Position"), self.position)
        self._add_send_rows(form, self.tr("Open incident"), "incidentProblem", "sendIncident")
        self.title.setFocus(Qt.FocusReason.OtherFocusReason)

    def values(self) -> dict:
        lon, lat = self.position.position()
        return {
            "kind": self.kind.currentData(),
            "severity": self.severity.currentData(),
            "title": self.title.text().strip(),
            "description": self.description.toPlainText().strip()[:DESCRIPTION_MAX],
            "lon": lon,
            "lat": lat,
        }

    def _check(self) -> bool:
        if not self.title.text().strip():
            self.show_problem(self.tr("Give the incident a title."))
            self.title.setFocus()
            return False
        self.show_problem("")
        return True

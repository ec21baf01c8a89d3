"""New incident, opened by an operator: type, severity, title, description and a
position typed or picked on the map. Not modal: the map stays usable while it is open
(the position is picked there). A value the backend would refuse is named in the
dialog, which stays open with everything typed.

Signals: `submitted()` when the operator sends it (the owner queues it and closes the
dialog, or calls `show_problem`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from layers.incidents.layer import SEVERITIES, TYPES, incident_type_label, severity_label
from widgets.shared.position_field import PositionField

TITLE_MAX = 300
DESCRIPTION_MAX = 4000


class NewIncidentDialog(QDialog):
    submitted = Signal()

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
        self.problem = QLabel()
        self.problem.setObjectName("incidentProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("QLabel { color: #b71c1c; font-weight: bold; }")
        self.problem.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.send = self.buttons.addButton(self.tr("Open incident"),
                                           QDialogButtonBox.ButtonRole.AcceptRole)
        self.send.setObjectName("sendIncident")
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Type"), self.kind)
        form.addRow(self.tr("Severity"), self.severity)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Description"), self.description)
        form.addRow(self.tr("Position"), self.position)
        form.addRow(self.problem)
        form.addRow(self.buttons)
        self.setMinimumWidth(480)
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

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def _submit(self) -> None:
        if not self.title.text().strip():
            self.show_problem(self.tr("Give the incident a title."))
            self.title.setFocus()
            return
        self.show_problem("")
        self.submitted.emit()

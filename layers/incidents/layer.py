"""Incidents by severity; resolved ones greyed, closed ones hidden from the map."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication

from console.live.clock import SourceClock
from console.model.incident import Incident
from console.stores.records import RecordStore
from console.timefmt import format_age, format_local
from layers.base import PointStyle
from layers.records import RecordPointLayer

_tr = QCoreApplication.translate


SEVERITY_CLASS = {"low": 0, "medium": 1, "high": 2, "critical": 3}
RESOLVED = 4
HIDDEN = 5


def incident_type_label(kind: str) -> str:
    return {
        "traffic_accident": _tr("IncidentLayer", "Traffic accident"),
        "congestion": _tr("IncidentLayer", "Congestion"),
        "flooding": _tr("IncidentLayer", "Flooding"),
        "fire": _tr("IncidentLayer", "Fire"),
        "public_order": _tr("IncidentLayer", "Public order"),
        "field_report": _tr("IncidentLayer", "Field report"),
    }.get(kind, kind)


def incident_status_label(status: str) -> str:
    return {
        "new": _tr("IncidentLayer", "New"),
        "acknowledged": _tr("IncidentLayer", "Acknowledged"),
        "assigned": _tr("IncidentLayer", "Assigned"),
        "resolved": _tr("IncidentLayer", "Resolved"),
        "closed": _tr("IncidentLayer", "Closed"),
    }.get(status, status)


class IncidentLayer(RecordPointLayer):
    def __init__(self, store: RecordStore[Incident], clock: SourceClock) -> None:
        super().__init__("incidents", _tr("IncidentLayer", "Incidents"), store)
        self.clock = clock
        self.styles = (
            PointStyle(
                _tr("IncidentLayer", "Incident, low severity"), "d", 9, "#a6d96a", "#1d3d00"
            ),
            PointStyle(
                _tr("IncidentLayer", "Incident, medium severity"), "d", 10, "#fee08b", "#5c4a00"
            ),
            PointStyle(
                _tr("IncidentLayer", "Incident, high severity"), "d", 12, "#f46d43", "#4d1300", 1.5
            ),
            PointStyle(
                _tr("IncidentLayer", "Incident, critical"), "d", 14, "#b2182b", "#2d0000", 2.0
            ),
            PointStyle(_tr("IncidentLayer", "Incident resolved"), "d", 8, "#d0d0d0", "#707070"),
            PointStyle("", "d", 0, "#00000000", "#00000000", 0.0),
        )

    def legend(self):  # the hidden class has no legend entry
        return super().legend()[:HIDDEN]

    def classify(self, i: Incident) -> int:
        if i.status == "closed":
            return HIDDEN
        if i.status == "resolved":
            return RESOLVED
        return SEVERITY_CLASS.get(i.severity, 1)

    def coords(self) -> tuple[np.ndarray, np.ndarray]:
        x, y = super().coords()
        hidden = np.fromiter(
            (i.status == "closed" for i in self.store.records()), bool, count=len(self.store)
        )
        if not hidden.any():
            return x, y
        x, y = x.copy(), y.copy()
        x[hidden] = np.nan  # never drawn, never hit
        y[hidden] = np.nan
        return x, y

    def describe_record(self, i: Incident) -> tuple[str, list[tuple[str, str]]]:
        severity = {
            "low": _tr("IncidentLayer", "Low"),
            "medium": _tr("IncidentLayer", "Medium"),
            "high": _tr("IncidentLayer", "High"),
            "critical": _tr("IncidentLayer", "Critical"),
        }
        rows = [
            (_tr("IncidentLayer", "Type"), incident_type_label(i.type)),
            (_tr("IncidentLayer", "Severity"), severity.get(i.severity, i.severity)),
            (_tr("IncidentLayer", "Status"), incident_status_label(i.status)),
            (_tr("IncidentLayer", "Reported"), format_local(i.reported_at)),
            (_tr("IncidentLayer", "Age"), format_age(self.clock.now() - i.reported_at)),
            (_tr("IncidentLayer", "Description"), i.description),
        ]
        if i.assignee:
            rows.append((_tr("IncidentLayer", "Assigned to"), i.assignee))
        for event in i.history:
            rows.append(
                (
                    format_local(event.at),
                    f"{incident_status_label(event.to_status)} "
                    f"— {event.actor}" + (f": {event.note}" if event.note else ""),
                )
            )
        return i.title, rows

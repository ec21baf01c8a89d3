"""Incidents: glyph by type, fill by severity, outline by status; resolved ones greyed,
closed ones hidden from the map.

All of it is the one general PointLayer mechanism: every (type, severity, status)
combination is a PointStyle (one scatter item each, so pyqtgraph draws cached
symbols); the legend lists the three dimensions separately instead of every combination.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication

from console.live.clock import SourceClock
from console.model.incident import Incident
from console.model.incident_labels import (
    incident_status_label,
    incident_type_label,
    severity_label,
)
from console.stores.records import RecordStore
from console.symbology import INCIDENT_SEVERITY
from console.timefmt import format_age, format_local
from layers.base import LegendEntry, PointStyle
from layers.records import RecordPointLayer

_tr = QCoreApplication.translate


SEVERITIES = ("low", "medium", "high", "critical")
SEVERITY_CLASS = {name: i for i, name in enumerate(SEVERITIES)}
TYPES = (
    "traffic_accident",
    "congestion",
    "flooding",
    "landslide",
    "fire",
    "public_order",
    "field_report",
)
TYPE_INDEX = {name: i for i, name in enumerate(TYPES)}
# one glyph per type (pyqtgraph symbol names), the fill says the severity
TYPE_SYMBOL = {
    "traffic_accident": "t1",
    "congestion": "s",
    "flooding": "o",
    "landslide": "p",
    "fire": "star",
    "public_order": "d",
    "field_report": "t",
}
# fill, outline per severity; size grows with severity
SEVERITY_SIZE = {"low": 10.0, "medium": 11.0, "high": 13.0, "critical": 15.0}
SEVERITY_FILL = {sev: (INCIDENT_SEVERITY[sev], size) for sev, size in SEVERITY_SIZE.items()}
# open statuses are drawn by outline: new = heavy black ring (needs someone),
# acknowledged = thin dark, assigned = blue ring (someone is on it)
OPEN_STATUS_OUTLINE = (
    ("acknowledged", "#303030", 1.2, 0.0),
    ("assigned", "#1e63d6", 2.2, 0.0),
    ("new", "#000000", 2.6, 2.0),
)
OPEN_STATUS_INDEX = {name: i for i, (name, *_rest) in enumerate(OPEN_STATUS_OUTLINE)}
N_TYPES = len(TYPES)
N_OPEN = len(OPEN_STATUS_OUTLINE)
# class layout (draw order = index, later on top): resolved per type, then per severity
# (low first) per open status (new last) per type, then the hidden class for closed ones
RESOLVED = 0
OPEN_BASE = N_TYPES
HIDDEN = OPEN_BASE + len(SEVERITIES) * N_OPEN * N_TYPES


def incident_class(severity: str, status: str, kind: str) -> int:
    """Style index of an incident (pure: see the class layout above)."""
    t = TYPE_INDEX.get(kind, TYPE_INDEX["public_order"])
    if status == "closed":
        return HIDDEN
    if status == "resolved":
        return RESOLVED + t
    sev = SEVERITY_CLASS.get(severity, 1)
    st = OPEN_STATUS_INDEX.get(status, OPEN_STATUS_INDEX["new"])
    return OPEN_BASE + (sev * N_OPEN + st) * N_TYPES + t



def _build_styles() -> tuple[PointStyle, ...]:
    """Every (status, severity, type) class as a PointStyle, in the class layout order."""
    styles = [
        PointStyle(
            _tr("IncidentLayer", "Incident resolved"), TYPE_SYMBOL[kind], 8, "#e0e0e0", "#8a8a8a"
        )
        for kind in TYPES
    ]
    for sev in SEVERITIES:
        fill, size = SEVERITY_FILL[sev]
        for status, outline, width, grow in OPEN_STATUS_OUTLINE:
            for kind in TYPES:
                label = f"{incident_type_label(kind)}, {severity_label(sev)}, "
                label += incident_status_label(status)
                styles.append(
                    PointStyle(label, TYPE_SYMBOL[kind], size + grow, fill, outline, width)
                )
    styles.append(PointStyle("", "o", 0, "#00000000", "#00000000", 0.0))  # closed: hidden
    return tuple(styles)


class IncidentLayer(RecordPointLayer):
    classes_follow_records = True  # severity, status and type, as the record says

    def __init__(self, store: RecordStore[Incident], clock: SourceClock) -> None:
        super().__init__("incidents", _tr("IncidentLayer", "Incidents"), store)
        self._coords: tuple[int, np.ndarray, np.ndarray] | None = None  # (revision, x, y)
        self.clock = clock
        self.styles = _build_styles()

    def legend(self) -> list[LegendEntry]:
        """Compact legend: severity colours, type glyphs, status outlines (not every
        combination of the three)."""
        grey = "#bdbdbd"
        entries = [
            LegendEntry(severity_label(sev), style=PointStyle("", "o", size, fill, "#202020"))
            for sev, (fill, size) in SEVERITY_FILL.items()
        ]
        entries += [
            LegendEntry(incident_type_label(kind), style=PointStyle("", sym, 10, grey, "#202020"))
            for kind, sym in TYPE_SYMBOL.items()
        ]
        entries += [
            LegendEntry(
                incident_status_label(status), style=PointStyle("", "o", 10, grey, color, width)
            )
            for status, color, width, _grow in reversed(OPEN_STATUS_OUTLINE)
        ]
        entries.append(
            LegendEntry(
                incident_status_label("resolved"),
                style=PointStyle("", "o", 8, "#e0e0e0", "#8a8a8a"),
            )
        )
        return entries

    def classify(self, i: Incident) -> int:
        return incident_class(i.severity, i.status, i.type)

    def coords(self) -> tuple[np.ndarray, np.ndarray]:
        """The store's coordinates with closed incidents' NaN (never drawn, never hit),
        made once per change of the store."""
        cached = self._coords
        if cached is not None and cached[0] == self.store.revision:
            return cached[1], cached[2]
        x, y = super().coords()
        hidden = np.fromiter(
            (i.status == "closed" for i in self.store.records()), bool, count=len(self.store)
        )
        if hidden.any():
            x, y = x.copy(), y.copy()
            x[hidden] = np.nan
            y[hidden] = np.nan
        self._coords = (self.store.revision, x, y)
        return x, y

    def describe_record(self, i: Incident) -> tuple[str, list[tuple[str, str]]]:
        rows = [
            (_tr("IncidentLayer", "Type"), incident_type_label(i.type)),
            (_tr("IncidentLayer", "Severity"), severity_label(i.severity)),
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

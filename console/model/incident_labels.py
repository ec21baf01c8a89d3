"""The words shown for an incident's type, status and severity, one table for every
view that shows them (map legend and tooltip, lists, details panel, shift report), so
that a control room never reads two names for one state.

Qt-free: `_tr` is console.i18n's translate. The context stays "IncidentLayer", where the
translations have always lived.
"""

from __future__ import annotations

from console.i18n import translate as _tr


def incident_type_label(kind: str) -> str:
    return {
        "traffic_accident": _tr("IncidentLayer", "Traffic accident"),
        "congestion": _tr("IncidentLayer", "Congestion"),
        "flooding": _tr("IncidentLayer", "Flooding"),
        "landslide": _tr("IncidentLayer", "Landslide"),
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


def severity_label(severity: str) -> str:
    """Incident and alert severities (alerts also have "info")."""
    return {
        "info": _tr("IncidentLayer", "Info"),
        "low": _tr("IncidentLayer", "Low"),
        "medium": _tr("IncidentLayer", "Medium"),
        "high": _tr("IncidentLayer", "High"),
        "critical": _tr("IncidentLayer", "Critical"),
    }.get(severity, severity)

"""What the signed-in role may not do, said the same way everywhere: every action the
backend would refuse is disabled, and its tooltip names the account, its role and what
to do (the backend's PERMISSIONS table is mirrored by GET /api/v1/me)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from console.model.identity import Identity

_tr = QCoreApplication.translate


def role_label(role: str) -> str:
    return {
        "viewer": _tr("IncidentPanel", "viewer"),
        "operator": _tr("IncidentPanel", "operator"),
        "supervisor": _tr("IncidentPanel", "supervisor"),
    }.get(role, role)


def not_permitted_text(identity: Identity | None) -> str:
    """The tooltip of a disabled action (empty while the identity is unknown)."""
    if identity is None:
        return ""
    return (_tr("IncidentPanel", "Not allowed for your account %1 (role: %2); ask a supervisor.")
            .replace("%1", identity.name).replace("%2", role_label(identity.role)))

"""Incidents with their status lifecycle and audit trail."""

from __future__ import annotations

from dataclasses import dataclass

STATUSES = ("new", "acknowledged", "assigned", "resolved", "closed")
OPEN_STATUSES = frozenset({"new", "acknowledged", "assigned"})


@dataclass(frozen=True, slots=True)
class IncidentEvent:
    """One audit-trail step: who did what, and when (epoch seconds UTC)."""

    action: str
    actor: str
    at: float
    from_status: str | None
    to_status: str
    assignee: str | None
    note: str | None


@dataclass(frozen=True, slots=True)
class IncidentPhoto:
    """A photo attached to the incident (its bytes are fetched when shown)."""

    n: int
    media_type: str
    size: int
    sha256: str


@dataclass(frozen=True, slots=True)
class Incident:
    id: str
    type: str
    severity: str
    status: str
    title: str
    description: str
    lon: float
    lat: float
    reported_at: float
    updated_at: float
    version: int
    assignee: str | None
    history: tuple[IncidentEvent, ...]
    photos: tuple[IncidentPhoto, ...] = ()

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

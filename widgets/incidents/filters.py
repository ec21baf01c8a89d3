"""Which incidents the list shows (pure: no Qt, tested directly)."""

from __future__ import annotations

from dataclasses import dataclass

from console.model.incident import OPEN_STATUSES, Incident


@dataclass(frozen=True, slots=True)
class IncidentFilter:
    """None means "any". Age is judged against the source clock (`now`)."""

    statuses: frozenset[str] | None = OPEN_STATUSES
    types: frozenset[str] | None = None
    max_age_s: float | None = None

    def accepts(self, incident: Incident, now: float) -> bool:
        if self.statuses is not None and incident.status not in self.statuses:
            return False
        if self.types is not None and incident.type not in self.types:
            return False
        return self.max_age_s is None or now - incident.reported_at <= self.max_age_s

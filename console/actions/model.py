"""An operator action waiting in the outbox (pure data).

The idempotency key and the request body (action, expected version, actor, assignee,
note) are fixed when the operator acts and never change afterwards, so however many
times the outbox retries, the backend applies the action at most once.
"""

from __future__ import annotations

from dataclasses import dataclass

from console.model.incident import Incident
from console.sources import wire

PENDING = "pending"  # waiting to be sent (or being retried)
CONFLICT = "conflict"  # 409: someone else changed the incident; the operator decides
REJECTED = "rejected"  # the backend refused it for good (e.g. invalid transition)

# status reached by each action, to project the incident's state while actions wait
TARGET_STATUS = {
    "acknowledge": "acknowledged",
    "assign": "assigned",
    "resolve": "resolved",
    "close": "closed",
}
ALLOWED_FROM = {
    "acknowledge": frozenset({"new"}),
    "assign": frozenset({"new", "acknowledged", "assigned"}),
    "resolve": frozenset({"acknowledged", "assigned"}),
    "close": frozenset({"resolved"}),
}


@dataclass(frozen=True, slots=True)
class QueuedAction:
    key: str
    incident_id: str
    action: str
    expected_version: int
    actor: str
    assignee: str | None
    note: str | None
    created_at: float
    state: str = PENDING
    attempts: int = 0
    error: str | None = None

    def request(self) -> wire.IncidentActionRequest:
        return wire.IncidentActionRequest(
            action=self.action,  # type: ignore[arg-type]
            expected_version=self.expected_version,
            actor=self.actor,
            assignee=self.assignee,
            note=self.note,
        )

    @property
    def needs_operator(self) -> bool:
        return self.state in (CONFLICT, REJECTED)


def allowed_actions(status: str) -> list[str]:
    """Actions the lifecycle allows from `status` (same rules as the backend)."""
    return [a for a, sources in ALLOWED_FROM.items() if status in sources]


def projected(incident: Incident, queued: list[QueuedAction]) -> tuple[str, int]:
    """(status, version) the incident will have once its waiting actions are applied."""
    status, version = incident.status, incident.version
    for action in queued:
        # an action based on an older version is already in `incident` (a poll brought
        # our own change before the POST's answer) or will get a 409: either way the
        # next action builds on the incident as it is now
        if action.state == PENDING and action.expected_version >= version:
            status = TARGET_STATUS.get(action.action, status)
            version = action.expected_version + 1
    return status, version

"""An operator action waiting in the outbox (pure data).

The idempotency key and the request body (action, expected version, actor, assignee,
note) are fixed when the operator acts and never change afterwards, so however many
times the outbox retries, the backend applies the action at most once.

Two families of actions share the outbox (one queue, one retry policy, one file):
- `kind == "incident"`: a lifecycle step on an incident (versioned, may conflict);
- decision kinds (`DECISION_KINDS`): alert acknowledgement / shelving, a new incident, a
  manual position report, a crossing closure. Their request is stored whole as JSON in
  `body` (a wire model), and `incident_id` holds their *subject* prefixed by the kind
  (`alert:<condition key>`, `report:<vessel id>`...) so actions on one subject keep the
  operator's order without ever colliding with an incident id.
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


INCIDENT = "incident"
ALERT, NEW_INCIDENT, REPORT, CLOSURE = "alert", "new_incident", "report", "closure"
DECISION_KINDS = (ALERT, NEW_INCIDENT, REPORT, CLOSURE)


def subject_of(kind: str, subject: str) -> str:
    """The outbox subject of a decision (see the module doc)."""
    return f"{kind}:{subject}"


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
    kind: str = INCIDENT
    body: str | None = None  # decision kinds: the wire request as JSON

    @property
    def subject(self) -> str:
        """What a decision is about, without the kind prefix (alert key, vessel id...)."""
        prefix = self.kind + ":"
        return self.incident_id.removeprefix(prefix)

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
        if (action.kind == INCIDENT and action.state == PENDING
                and action.expected_version >= version):
            status = TARGET_STATUS.get(action.action, status)
            version = action.expected_version + 1
    return status, version

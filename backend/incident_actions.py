"""Operator actions on incidents: lifecycle rules, optimistic concurrency, idempotency.

Lifecycle: new -> acknowledged -> assigned -> resolved -> closed (assign may also
come straight from new, or re-assign). Two operators acting on one incident must
not silently overwrite each other, so every action names the version it was
based on and a stale one gets 409 with the current state. Clients retry through
an outbox, so each action carries an Idempotency-Key: a retry replays the stored
answer instead of acting twice.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime

from backend import features
from backend.db import IdempotencyRecord, Store
from backend.errors import error_body
from console.sources import wire

TRANSITIONS: dict[str, tuple[frozenset[str], str]] = {
    "acknowledge": (frozenset({"new"}), "acknowledged"),
    "assign": (frozenset({"new", "acknowledged", "assigned"}), "assigned"),
    "resolve": (frozenset({"acknowledged", "assigned"}), "resolved"),
    "close": (frozenset({"resolved"}), "closed"),
}


@dataclass(frozen=True)
class Outcome:
    status: int
    body: str  # JSON text
    replayed: bool = False


class UnknownIncidentError(LookupError):
    pass


def fingerprint(incident_id: str, request: wire.IncidentActionRequest) -> str:
    """Identity of a request for idempotency: target + canonical body (not raw bytes)."""
    canonical = json.dumps({"incident": incident_id, "body": request.model_dump(mode="json")},
                           sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def apply(current: wire.IncidentFeature, request: wire.IncidentActionRequest,
          now: float) -> wire.IncidentFeature | Outcome:
    """The updated incident, or an error Outcome (422/409) explaining why not."""
    props = current.properties
    if request.action == "assign" and not (request.assignee and request.assignee.strip()):
        return _error(422, "assignee_required", "assign needs an assignee")
    if request.expected_version != props.version:
        conflict = wire.IncidentConflict(
            error=wire.ErrorDetail(
                code="version_conflict",
                message=f"incident is at version {props.version}, not {request.expected_version}",
            ),
            current=current,
        )
        return Outcome(409, conflict.model_dump_json())
    allowed_from, target = TRANSITIONS[request.action]
    if props.status not in allowed_from:
        return _error(422, "invalid_transition",
                      f"cannot {request.action} an incident that is {props.status}")
    at = datetime.fromtimestamp(round(now, 3), UTC)
    assignee = request.assignee.strip() if request.action == "assign" and request.assignee else None
    event = wire.IncidentEvent(
        action=request.action, actor=request.actor, at=at, from_status=props.status,
        to_status=target, assignee=assignee, note=request.note,
    )
    updated = props.model_copy(update={
        "status": target,
        "updated_at": at,
        "version": props.version + 1,
        "assignee": assignee if assignee is not None else props.assignee,
        "history": [*props.history, event],
    })
    # Round-trip through validation: the stored document must always be a valid wire model.
    candidate = current.model_copy(update={"properties": updated})
    return wire.IncidentFeature.model_validate(candidate.model_dump())


def perform(store: Store, incident_id: str, key: str, request: wire.IncidentActionRequest,
            now: float) -> Outcome:
    """Check idempotency, apply the action and record the answer, all in one transaction."""
    fp = fingerprint(incident_id, request)
    with store.write(durable=True) as tx:  # an operator's decision: fsync at commit
        seen = tx.idempotency(key)
        if seen is not None:
            if seen.fingerprint != fp:
                return _error(422, "idempotency_key_reused",
                              "this Idempotency-Key was already used for a different request")
            return Outcome(seen.status, seen.body, replayed=True)
        stored = tx.feature("incidents", incident_id)
        if stored is None:
            raise UnknownIncidentError(incident_id)
        result = apply(wire.IncidentFeature.model_validate_json(stored), request, now)
        if isinstance(result, Outcome):
            outcome = result
        else:
            row = features.incident_row(0, result)
            tx.update_feature("incidents", incident_id, row.status, row.feature)
            outcome = Outcome(200, row.feature)
        tx.remember(key, IdempotencyRecord(fp, outcome.status, outcome.body), now)
        return outcome


def _error(status: int, code: str, message: str) -> Outcome:
    return Outcome(status, json.dumps(error_body(code, message), ensure_ascii=False))

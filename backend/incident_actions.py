"""Operator actions on incidents: lifecycle rules, optimistic concurrency, idempotency.

Lifecycle: new -> acknowledged -> assigned -> resolved -> closed (assign may also
come straight from new, or re-assign). Two operators acting on one incident must
not silently overwrite each other, so every action names the version it was
based on and a stale one gets 409 with the current state. Clients retry through
an outbox, so each action carries an Idempotency-Key: a retry replays the stored
answer instead of acting twice.

Who acted is the signed-in user (a shared account records the ``actor`` its console
names); every applied action also goes into the hash-chained audit log, in the same
transaction.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from backend import audit, features
from backend.db import IdempotencyRecord, Store, Tx
from backend.errors import error_body
from backend.users import User
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


def actor_of(user: User, request: wire.IncidentActionRequest) -> str:
    """The name the incident's history records: a personal account's own name, whatever
    the body claims; on a shared account, the operator its console names."""
    if user.shared and request.actor:
        return request.actor
    return user.name


def fingerprint(incident_id: str, request: wire.IncidentActionRequest,
                user: str = "") -> str:
    """Identity of a request for idempotency: user + target + canonical body (not raw
    bytes); another user reusing a key gets 422, never someone else's answer."""
    canonical = json.dumps({"incident": incident_id, "body": request.model_dump(mode="json"),
                            "user": user},
                           sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def apply(current: wire.IncidentFeature, request: wire.IncidentActionRequest,
          now: float, actor: str | None = None) -> wire.IncidentFeature | Outcome:
    """The updated incident, or an error Outcome (422/409) explaining why not."""
    props = current.properties
    if request.action == "assign" and not (request.assignee and request.assignee.strip()):
        return error(422, "assignee_required", "assign needs an assignee")
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
        return error(422, "invalid_transition",
                      f"cannot {request.action} an incident that is {props.status}")
    at = datetime.fromtimestamp(round(now, 3), UTC)
    assignee = request.assignee.strip() if request.action == "assign" and request.assignee else None
    event = wire.IncidentEvent(
        action=request.action, actor=actor or request.actor or "unknown", at=at,
        from_status=props.status, to_status=target, assignee=assignee, note=request.note,
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
            now: float, user: User) -> Outcome:
    """Check idempotency, apply the action, audit it and record the answer, all in one
    transaction."""
    actor = actor_of(user, request)

    def act(tx: Tx) -> Outcome:
        stored = tx.feature("incidents", incident_id)
        if stored is None:
            raise UnknownIncidentError(incident_id)
        result = apply(wire.IncidentFeature.model_validate_json(stored), request, now, actor)
        if isinstance(result, Outcome):
            return result
        row = features.incident_row(0, result)
        tx.update_feature("incidents", incident_id, row.status, row.feature)
        audit.append(tx, user.name, f"incident.{request.action}", incident_id, {
            "actor": actor, "from": current_status(stored), "to": row.status,
            "version": result.properties.version, "assignee": request.assignee,
            "note": request.note, "sim_at": round(now, 3)})
        return Outcome(200, row.feature)

    return once(store, key, fingerprint(incident_id, request, user.name), act, now)


def once(store: Store, key: str, fp: str, act: Callable[[Tx], Outcome],
         now: float) -> Outcome:
    """An operator's request under an Idempotency-Key, in one durable transaction (fsync
    at commit): a retry of the same request gets the recorded answer again, a different
    request under a used key is 422, a new one is `act`ed and its answer recorded (stamped
    `now`, in sim time, because retention prunes keys by sim time)."""
    with store.write(durable=True) as tx:
        seen = tx.idempotency(key)
        if seen is not None:
            if seen.fingerprint != fp:
                return error(422, "idempotency_key_reused",
                              "this Idempotency-Key was already used for a different request")
            return Outcome(seen.status, seen.body, replayed=True)
        outcome = act(tx)
        tx.remember(key, IdempotencyRecord(fp, outcome.status, outcome.body), now)
        return outcome


def current_status(feature_json: str) -> str:
    return str(json.loads(feature_json)["properties"]["status"])


def error(status: int, code: str, message: str) -> Outcome:
    return Outcome(status, json.dumps(error_body(code, message), ensure_ascii=False))

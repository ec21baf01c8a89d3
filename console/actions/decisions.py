"""Sending the decision kinds of outbox actions (alert acknowledgement / shelving, a new
incident, a manual position report, a crossing closure) through the REST client.

Kept apart from the outbox's queueing logic: one table from kind to endpoint, run on a
worker thread. Each returns what the console applies: a `DecisionBatch` (the backend's
record of the decision) or, for a new incident, the `Incident` the backend made.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from console.actions.model import ALERT, CLOSURE, NEW_INCIDENT, REPORT, QueuedAction
from console.model.decisions import DecisionBatch, from_wire
from console.model.incident import Incident
from console.sources import wire
from console.sources.errors import Rejected
from console.sources.rest_v1 import RestClient

REQUEST_MODELS: dict[str, type[wire.BaseModel]] = {
    ALERT: wire.AlertActionRequest,
    NEW_INCIDENT: wire.IncidentCreateRequest,
    REPORT: wire.PositionReportRequest,
    CLOSURE: wire.CrossingCloseRequest,
}


def _alert(client: RestClient, a: QueuedAction, body: Any) -> DecisionBatch:
    return from_wire(client.alert_action(body, a.key))


def _new_incident(client: RestClient, a: QueuedAction, body: Any) -> Incident:
    return client.create_incident(body, a.key)


def _report(client: RestClient, a: QueuedAction, body: Any) -> DecisionBatch:
    return from_wire(client.report_position(a.subject, body, a.key))


def _closure(client: RestClient, a: QueuedAction, body: Any) -> DecisionBatch:
    return from_wire(client.close_crossing(body, a.key))


_SENDERS: dict[str, Callable[[RestClient, QueuedAction, Any], DecisionBatch | Incident]] = {
    ALERT: _alert,
    NEW_INCIDENT: _new_incident,
    REPORT: _report,
    CLOSURE: _closure,
}


def request_of(action: QueuedAction) -> wire.BaseModel:
    """The stored request of a decision action, validated again (the file may be old or
    damaged: then it can never be sent, and is refused for good instead of retried)."""
    model = REQUEST_MODELS.get(action.kind)
    if model is None:
        raise Rejected(f"unknown kind of stored action: {action.kind}", 0)
    try:
        return model.model_validate_json(action.body or "{}")
    except ValueError as exc:
        raise Rejected(f"stored {action.kind} action unreadable: {exc}", 0) from exc


def send(client: RestClient, action: QueuedAction) -> DecisionBatch | Incident:
    """POST the decision (worker thread). Raises what the client raises: `Conflict` with
    the backend's current record, `Forbidden` / `Rejected`, or a transient error."""
    body = request_of(action)
    return _SENDERS[action.kind](client, action, body)

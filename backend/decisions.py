"""Operators' decisions besides incident actions: alert acknowledgement and shelving,
incidents opened by an operator, manual position reports, crossing closures.

Each one, like an incident action, is applied in one durable transaction that also
checks the Idempotency-Key (a retried request replays its first answer), appends to
the hash-chained audit log and takes a change-sequence number, so every console
sees it at its next poll and it survives restarts. Rights are checked by the route
before anything here runs.
"""

from __future__ import annotations

import base64
import hashlib
import json
import time
from collections.abc import Callable
from datetime import UTC, datetime

from backend import audit, features
from backend.db import Store, Tx
from backend.errors import error_body
from backend.incident_actions import Outcome, error, once
from backend.users import User
from console.sources import wire

ALERTS, REPORTS, CLOSURES, PHOTOS = "alert", "report", "closure", "photo"
OPERATOR_INCIDENT_IDX = 1_000_000_000  # idx space above the simulator's incident numbers
RETURN_WINDOW_S = 2 * 3600  # "returned within 2 h" (DESIGN.md, Decree 41/2026)
FUTURE_SLACK_S = 300  # a report may be a few minutes ahead of the server's clock


def actor_of(user: User, claimed: str | None) -> str:
    """A personal account acts under its own name; a shared one under the name its
    console gives (the audit log names the account either way)."""
    return claimed if user.shared and claimed else user.name


def run(store: Store, key: str, what: str, body: wire.BaseModel, user: User,
        apply: Callable[[Tx], Outcome], sim_now: float) -> Outcome:
    """Idempotency + ``apply`` in one durable transaction (as incident actions);
    ``apply`` audits itself."""
    canonical = json.dumps({"what": what, "body": body.model_dump(mode="json"),
                            "user": user.name}, sort_keys=True, ensure_ascii=False)
    fp = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    return once(store, key, fp, apply, sim_now)


def _utc(epoch: float) -> datetime:
    return datetime.fromtimestamp(round(epoch, 3), UTC)


# --- alerts -------------------------------------------------------------------------------


def alert_action(tx: Tx, user: User, request: wire.AlertActionRequest) -> Outcome:
    """Acknowledge (once per occurrence; a second one is 409 with who did it), shelve for a
    limited time, or unshelve. Times are wall-clock: see wire.AlertDecision."""
    now = time.time()
    actor = actor_of(user, request.actor)
    stored = tx.record(ALERTS, request.key)
    current = wire.AlertDecision.model_validate_json(stored) if stored else None
    if current is not None and request.raised_at < current.raised_at:
        return error(409, "stale_occurrence", "a later occurrence of this alert exists")
    new_occurrence = current is None or request.raised_at > current.raised_at
    base = (wire.AlertDecision.model_construct(
        key=request.key, version=0, raised_at=request.raised_at, ack_by=None, ack_at=None,
        ack_comment=None, shelved_by=None, shelved_until=None, shelve_comment=None, history=[])
        if new_occurrence else current)
    assert base is not None
    update: dict = {}
    until = None
    if request.action == "acknowledge":
        if base.ack_at is not None:
            return Outcome(409, json.dumps({
                **error_body("already_acknowledged",
                             f"already acknowledged by {base.ack_by}"),
                "current": base.model_dump(mode="json")}, ensure_ascii=False))
        update = {"ack_by": actor, "ack_at": _utc(now), "ack_comment": request.comment}
    elif request.action == "shelve":
        if request.shelve_minutes is None:
            return error(422, "shelve_minutes_required", "shelve needs shelve_minutes")
        until = _utc(now + 60 * request.shelve_minutes)
        update = {"shelved_by": actor, "shelved_until": until,
                  "shelve_comment": request.comment}
    else:
        if base.shelved_until is None or base.shelved_until.timestamp() <= now:
            return error(422, "not_shelved", "this alert is not shelved")
        update = {"shelved_by": None, "shelved_until": None, "shelve_comment": None}
    event = wire.AlertEvent(action=request.action, actor=actor, at=_utc(now),
                            comment=request.comment, until=until)
    # validated whole: the stored document must always be a valid wire model
    decision = wire.AlertDecision.model_validate({
        **base.model_dump(), **update, "version": base.version + 1,
        "history": [*base.history, event]})
    text = decision.model_dump_json()
    tx.put_record(ALERTS, request.key, text)
    audit.append(tx, user.name, f"alert.{request.action}", request.key, {
        "actor": actor, "raised_at": request.raised_at.isoformat(), "comment": request.comment,
        "until": until.isoformat() if until else None})
    return Outcome(200, text)


# --- incidents opened by an operator --------------------------------------------------------


def create_incident(tx: Tx, user: User, request: wire.IncidentCreateRequest,
                    sim_now: float) -> Outcome:
    count = int((tx.execute("SELECT value FROM meta WHERE key = 'operator_incidents'")
                 or [("0",)])[0][0]) + 1
    tx.set_meta("operator_incidents", str(count))
    actor = actor_of(user, request.actor)
    at = _utc(sim_now)
    event = wire.IncidentEvent(action="report", actor=actor, at=at, to_status="new",
                               note="opened by an operator")
    incident_id = f"op-{count:05d}"
    photos: list[wire.PhotoRef] = []
    for n, photo in enumerate(request.photos, 1):  # every photo checked before any write
        try:
            raw = photo.raw()
        except ValueError as exc:
            return error(422, "invalid_photo", f"photo {n}: {exc}")
        photos.append(wire.PhotoRef(n=n, media_type=photo.media_type, size=len(raw),
                                    sha256=hashlib.sha256(raw).hexdigest()))
    for ref, photo in zip(photos, request.photos, strict=True):
        tx.put_record(PHOTOS, f"{incident_id}/{ref.n}", json.dumps(
            {"media_type": photo.media_type, "data": photo.data}))
    feature = wire.IncidentFeature(
        id=incident_id, geometry=request.geometry,
        properties=wire.IncidentProperties(
            type=request.type, severity=request.severity, status="new", title=request.title,
            description=request.description, reported_at=at, updated_at=at, version=1,
            history=[event], photos=photos))
    row = features.incident_row(OPERATOR_INCIDENT_IDX + count, feature)
    tx.insert_feature("incidents", row)
    audit.append(tx, user.name, "incident.create", feature.id, {
        "actor": actor, "type": request.type, "severity": request.severity,
        "title": request.title, "lon": request.geometry.coordinates[0],
        "lat": request.geometry.coordinates[1], "sim_at": round(sim_now, 3),
        "photos": [{"n": p.n, "size": p.size, "sha256": p.sha256} for p in photos]})
    return Outcome(201, row.feature)


# --- manual position reports ----------------------------------------------------------------


def photo(store: Store, incident_id: str, n: int) -> tuple[str, bytes] | None:
    """(media type, bytes) of an incident's photo `n`, or None."""
    rows = store.query("SELECT body FROM records WHERE kind = ? AND key = ?",
                       (PHOTOS, f"{incident_id}/{n}"))
    if not rows:
        return None
    body = json.loads(rows[0][0])
    return body["media_type"], base64.b64decode(body["data"])


def report_position(tx: Tx, user: User, vessel_id: str, request: wire.PositionReportRequest,
                    sim_now: float) -> Outcome:
    """Positions are sim time, like VMS fixes, so they sort with the vessel's track."""
    if request.reported_at.timestamp() > sim_now + FUTURE_SLACK_S:
        return error(422, "report_in_future", "reported_at is later than the server's clock")
    count = int((tx.execute("SELECT COUNT(*) FROM records WHERE kind = ? AND key >= ? "
                            "AND key < ?", (REPORTS, vessel_id + "/", vessel_id + "/\uffff"))
                 )[0][0]) + 1
    actor = actor_of(user, request.actor)
    report = wire.PositionReport(
        id=f"{vessel_id}/{count:04d}", vessel_id=vessel_id, reported_at=request.reported_at,
        geometry=request.geometry, channel=request.channel, note=request.note,
        recorded_by=actor, recorded_at=_utc(sim_now))
    text = report.model_dump_json()
    tx.put_record(REPORTS, report.id, text)
    audit.append(tx, user.name, "vessel.report", report.id, {
        "actor": actor, "reported_at": request.reported_at.isoformat(),
        "lon": request.geometry.coordinates[0], "lat": request.geometry.coordinates[1],
        "channel": request.channel, "note": request.note})
    return Outcome(201, text)


# --- crossing closures ----------------------------------------------------------------------


def crossing_id(vessel_id: str, crossed_at: datetime) -> str:
    return f"{vessel_id}@{int(crossed_at.timestamp())}"


def close_crossing(tx: Tx, user: User, request: wire.CrossingCloseRequest,
                   sim_now: float) -> Outcome:
    key = crossing_id(request.vessel_id, request.crossed_at)
    stored = tx.record(CLOSURES, key)
    if stored is not None:
        current = json.loads(stored)
        return Outcome(409, json.dumps({
            **error_body("already_closed", f"already closed by {current['closed_by']}"),
            "current": current}, ensure_ascii=False))
    if request.reason == "returned_within_2h" and (
            request.returned_at is None
            or (request.returned_at - request.crossed_at).total_seconds() > RETURN_WINDOW_S
            or request.returned_at < request.crossed_at):
        return error(422, "not_returned_in_time",
                     "returned_within_2h needs a return no later than 2 h after the crossing")
    actor = actor_of(user, request.actor)
    closure = wire.CrossingClosure(
        id=key, vessel_id=request.vessel_id, crossed_at=request.crossed_at,
        returned_at=request.returned_at, reason=request.reason, comment=request.comment,
        closed_by=actor, closed_at=_utc(sim_now))
    text = closure.model_dump_json()
    tx.put_record(CLOSURES, key, text)
    audit.append(tx, user.name, "crossing.close", key, {
        "actor": actor, "reason": request.reason, "comment": request.comment})
    return Outcome(201, text)

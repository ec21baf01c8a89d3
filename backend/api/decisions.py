"""Routes for operators' decisions kept on the backend: alert acknowledgement and
shelving, incidents opened by an operator, manual position reports, crossing closures.

Every POST needs an Idempotency-Key (retries through a console's outbox replay the first
answer) and a role that may do it (403 naming the role otherwise); every list takes the
`since` cursor like the feature collections.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Header, Query, Response

from backend import changes, decisions, users
from backend.api.auth import CurrentUser
from backend.api.context import Context, Ctx
from backend.db import Tx
from backend.errors import ApiError, not_found
from backend.incident_actions import Outcome
from console.sources import wire

router = APIRouter()

_ERR = {"model": wire.ErrorBody}
IdempotencyKey = Annotated[str, Header(
    alias="Idempotency-Key",
    description="1-128 characters, unique per intended action; retries reuse it")]
Since = Annotated[int | None, Query(ge=0, le=2**62, description="cursor of a previous answer: "
                                    "only what changed after it")]


def _forbidden(what: str) -> dict:
    return {**_ERR, "description": f"{what} needs the operator role (`error.required_role`)"}


def _posted(ctx: Context, user: users.User, key: str, what: str, body: wire.BaseModel,
            apply: Callable[[Tx], Outcome]) -> Response:
    if not key.strip() or len(key) > 128:
        raise ApiError(400, "invalid_idempotency_key", "Idempotency-Key must be 1-128 characters")
    outcome = decisions.run(ctx.store, key, what, body, user, apply, ctx.now())
    headers = {"Idempotency-Replayed": "true"} if outcome.replayed else None
    return Response(content=outcome.body.encode("utf-8"), status_code=outcome.status,
                    media_type="application/json", headers=headers)


def _listing(ctx: Context, kind: str, field: str, since: int | None,
             prefix: str | None = None) -> Response:
    page = changes.record_page(ctx, kind, field, since, prefix)
    return Response(content=page.body.encode("utf-8"), media_type="application/json")


# --- alerts -------------------------------------------------------------------------------


@router.get("/alerts/decisions", response_model=wire.AlertDecisions, tags=["alerts"],
            summary="Acknowledgements and shelving of alerts, changed after `since`")
def alert_decisions(ctx: Ctx, since: Since = None) -> Response:
    return _listing(ctx, decisions.ALERTS, "decisions", since)


@router.post("/alerts/actions", response_model=wire.AlertDecision, tags=["alerts"],
             summary="Acknowledge (with a comment), shelve for a time, or un-shelve an alert",
             responses={403: _forbidden("acting on an alert"),
                        409: {"description": "already acknowledged (`current` holds who and "
                                             "when) or a later occurrence exists"},
                        422: {**_ERR, "description": "shelve_minutes_required, not_shelved, "
                                                     "idempotency_key_reused or invalid body"}})
def alert_action(body: wire.AlertActionRequest, ctx: Ctx, user: CurrentUser,
                 idempotency_key: IdempotencyKey) -> Response:
    users.check(user, f"alert.{body.action}")
    return _posted(ctx, user, idempotency_key, "alert", body,
                   lambda tx: decisions.alert_action(tx, user, body))


# --- incidents opened by an operator --------------------------------------------------------


@router.post("/incidents", response_model=wire.IncidentFeature, status_code=201,
             tags=["incidents"], summary="Open an incident (position picked or typed)",
             responses={403: _forbidden("opening an incident"),
                        422: {**_ERR, "description": "invalid body or idempotency_key_reused"}})
def create_incident(body: wire.IncidentCreateRequest, ctx: Ctx, user: CurrentUser,
                    idempotency_key: IdempotencyKey) -> Response:
    users.check(user, "incident.create")
    return _posted(ctx, user, idempotency_key, "incident", body,
                   lambda tx: decisions.create_incident(tx, user, body, ctx.now()))


# --- manual position reports ----------------------------------------------------------------


@router.get("/reports", response_model=wire.PositionReports, tags=["vessels"],
            summary="Manual position reports of every vessel, changed after `since`")
def reports(ctx: Ctx, since: Since = None) -> Response:
    return _listing(ctx, decisions.REPORTS, "reports", since)


@router.get("/vessels/{vessel_id}/reports", response_model=wire.PositionReports,
            tags=["vessels"], summary="One vessel's manual position reports",
            responses={404: {**_ERR, "description": "unknown vessel"}})
def vessel_reports(vessel_id: str, ctx: Ctx) -> Response:
    if ctx.store.lookup("vessels", vessel_id) is None:
        raise not_found("vessel", vessel_id)
    return _listing(ctx, decisions.REPORTS, "reports", None, vessel_id + "/")


@router.post("/vessels/{vessel_id}/reports", response_model=wire.PositionReport,
             status_code=201, tags=["vessels"],
             summary="Record a position the captain reported by radio or phone",
             responses={403: _forbidden("recording a position report"),
                        404: {**_ERR, "description": "unknown vessel"},
                        422: {**_ERR, "description": "report_in_future, invalid body or "
                                                     "idempotency_key_reused"}})
def report_position(vessel_id: str, body: wire.PositionReportRequest, ctx: Ctx,
                    user: CurrentUser, idempotency_key: IdempotencyKey) -> Response:
    users.check(user, "vessel.report")
    if ctx.store.lookup("vessels", vessel_id) is None:
        raise not_found("vessel", vessel_id)
    return _posted(ctx, user, idempotency_key, f"report:{vessel_id}", body,
                   lambda tx: decisions.report_position(tx, user, vessel_id, body, ctx.now()))


# --- crossing closures ----------------------------------------------------------------------


@router.get("/crossings/closures", response_model=wire.CrossingClosures, tags=["vessels"],
            summary="Closed boundary-crossing cases, changed after `since`")
def closures(ctx: Ctx, since: Since = None) -> Response:
    return _listing(ctx, decisions.CLOSURES, "closures", since)


@router.post("/crossings/closures", response_model=wire.CrossingClosure, status_code=201,
             tags=["vessels"], summary="Close a boundary-crossing case with a reason",
             responses={403: _forbidden("closing a crossing"),
                        404: {**_ERR, "description": "unknown vessel"},
                        409: {"description": "already closed (`current` holds by whom)"},
                        422: {**_ERR, "description": "not_returned_in_time, invalid body or "
                                                     "idempotency_key_reused"}})
def close_crossing(body: wire.CrossingCloseRequest, ctx: Ctx, user: CurrentUser,
                   idempotency_key: IdempotencyKey) -> Response:
    users.check(user, "crossing.close")
    if ctx.store.lookup("vessels", body.vessel_id) is None:
        raise not_found("vessel", body.vessel_id)
    return _posted(ctx, user, idempotency_key, "closure", body,
                   lambda tx: decisions.close_crossing(tx, user, body, ctx.now()))

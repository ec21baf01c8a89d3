"""Incident detail and operator actions (acknowledge / assign / resolve / close)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Response

from backend import decisions, errors, incident_actions, users
from backend.api.auth import CurrentUser
from backend.api.context import Ctx
from backend.errors import not_found
from console.sources import wire

router = APIRouter()

_ERR = {"model": wire.ErrorBody}
IDEMPOTENCY_KEY = "Idempotency-Key"
# required, 1-128 characters, at least one of them not a space: declared here (so the
# OpenAPI document states it) and enforced by the same declaration; errors.py answers
# a missing or malformed key with its own codes
errors.header_rule(
    IDEMPOTENCY_KEY,
    missing=("idempotency_key_required", "send an Idempotency-Key header"),
    invalid=("invalid_idempotency_key",
             "Idempotency-Key must be 1-128 characters, not only spaces"),
)
IdempotencyKey = Annotated[str, Header(
    alias=IDEMPOTENCY_KEY, min_length=1, max_length=128, pattern=r"\S",
    description="required: 1-128 characters, not only spaces, unique per intended action; "
    "retries reuse it")]


@router.get("/incidents/{incident_id}", response_model=wire.IncidentFeature, tags=["incidents"],
            responses={404: {**_ERR, "description": "unknown incident"}},
            summary="One incident with its full audit trail")
def incident(incident_id: str, ctx: Ctx) -> Response:
    found = ctx.store.lookup("incidents", incident_id)
    if found is None:
        raise not_found("incident", incident_id)
    return Response(content=found[2].encode("utf-8"), media_type="application/json")


@router.get("/incidents/{incident_id}/photos/{n}", tags=["incidents"],
            response_class=Response,
            responses={200: {"content": {"image/jpeg": {}, "image/png": {}},
                             "description": "the photo's bytes, as attached"},
                       404: {**_ERR, "description": "no such incident or photo"}},
            summary="A photo attached to an incident (see its `photos`)")
def incident_photo(incident_id: str, n: int, ctx: Ctx) -> Response:
    found = decisions.photo(ctx.store, incident_id, n)
    if found is None:
        raise not_found("photo", f"{incident_id}/{n}")
    media_type, body = found
    return Response(content=body, media_type=media_type,
                    headers={"Cache-Control": "private, max-age=86400, immutable"})


@router.post(
    "/incidents/{incident_id}/actions",
    response_model=wire.IncidentFeature,
    tags=["incidents"],
    summary="Apply an operator action (idempotent with Idempotency-Key)",
    responses={
        400: {**_ERR, "description": "`idempotency_key_required`: no Idempotency-Key header; "
                                     "`invalid_idempotency_key`: not 1-128 characters or only "
                                     "spaces; `malformed_json`: the body is not JSON"},
        403: {**_ERR, "description": "the user's role may not do this action "
                                     "(`error.required_role` names the one needed: "
                                     "operator, or supervisor to close)"},
        404: {**_ERR, "description": "unknown incident"},
        409: {"model": wire.IncidentConflict, "description": "expected_version is stale"},
        422: {**_ERR, "description": "invalid_transition, assignee_required, "
                                     "idempotency_key_reused or invalid body"},
    },
)
def act(
    incident_id: str,
    body: wire.IncidentActionRequest,
    ctx: Ctx,
    user: CurrentUser,
    idempotency_key: IdempotencyKey,
) -> Response:
    users.check(user, f"incident.{body.action}")
    try:
        outcome = incident_actions.perform(ctx.store, incident_id, idempotency_key, body,
                                           ctx.now(), user)
    except incident_actions.UnknownIncidentError:
        raise not_found("incident", incident_id) from None
    headers = {"Idempotency-Replayed": "true"} if outcome.replayed else None
    return Response(content=outcome.body.encode("utf-8"), status_code=outcome.status,
                    media_type="application/json", headers=headers)

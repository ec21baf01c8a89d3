"""Camera snapshot endpoint (PNG), refusing politely when the camera is offline."""

from __future__ import annotations

from fastapi import APIRouter, Response

from backend.api.context import Ctx
from backend.errors import ApiError, not_found
from backend.snapshot import render
from console.sources import wire

router = APIRouter()


@router.get(
    "/cameras/{camera_id}/snapshot",
    tags=["cameras"],
    summary="Current picture of an online camera",
    response_class=Response,
    responses={
        200: {"content": {"image/png": {}}, "description": "PNG image (320x180)"},
        404: {"model": wire.ErrorBody, "description": "unknown camera"},
        503: {"model": wire.ErrorBody, "description": "camera offline"},
    },
)
def snapshot(camera_id: str, ctx: Ctx) -> Response:
    found = ctx.store.lookup("cameras", camera_id)
    if found is None:
        raise not_found("camera", camera_id)
    idx, status, _ = found
    if status != "online":
        raise ApiError(503, "camera_offline", f"camera {camera_id} is offline",
                       {"Retry-After": "60"})
    png = render(camera_id, idx, ctx.now(), ctx.sim.config.seed)
    return Response(content=png, media_type="image/png", headers={"Cache-Control": "no-store"})

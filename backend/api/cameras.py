"""Camera endpoints: a snapshot (PNG) and a live MJPEG stream, refusing politely when the
camera is offline."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator

from anyio import to_thread
from fastapi import APIRouter, Query, Response
from fastapi.responses import StreamingResponse

from backend import video
from backend.api.context import Context, Ctx
from backend.errors import ApiError, not_found
from backend.snapshot import render
from console.sources import wire

router = APIRouter()
STATUS_CHECK_S = 2.0  # how soon a stream ends after its camera goes offline


def _online_camera(ctx: Context, camera_id: str) -> int:
    """The camera's index; 404 when unknown, 503 (Retry-After) when offline."""
    found = ctx.store.lookup("cameras", camera_id)
    if found is None:
        raise not_found("camera", camera_id)
    idx, status, _ = found
    if status != "online":
        raise ApiError(503, "camera_offline", f"camera {camera_id} is offline",
                       {"Retry-After": "60"})
    return idx


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
    idx = _online_camera(ctx, camera_id)
    png = render(camera_id, idx, ctx.now(), ctx.sim.config.seed)
    return Response(content=png, media_type="image/png", headers={"Cache-Control": "no-store"})


@router.get(
    "/cameras/{camera_id}/stream.mjpeg",
    tags=["cameras"],
    summary="Live video of an online camera (simulated), as MJPEG over HTTP",
    description="`multipart/x-mixed-replace` of JPEG frames at `fps`, until the client "
                "goes or the camera goes offline (then the body ends). The picture is "
                "SIMULATED: the camera's snapshot scene with a moving vehicle, replayed "
                "from a loop encoded once per camera, size and rate.",
    response_class=StreamingResponse,
    responses={
        200: {"content": {f"multipart/x-mixed-replace; boundary={video.BOUNDARY}": {}},
              "description": "endless MJPEG stream"},
        404: {"model": wire.ErrorBody, "description": "unknown camera"},
        503: {"model": wire.ErrorBody, "description": "camera offline"},
    },
)
async def stream(
    camera_id: str,
    ctx: Ctx,
    fps: int = Query(25, ge=video.FPS_RANGE[0], le=video.FPS_RANGE[1]),
    width: int = Query(640, ge=video.WIDTH_RANGE[0], le=video.WIDTH_RANGE[1]),
    height: int = Query(360, ge=video.HEIGHT_RANGE[0], le=video.HEIGHT_RANGE[1]),
) -> StreamingResponse:
    idx = await to_thread.run_sync(_online_camera, ctx, camera_id)

    def current_loop() -> list[bytes]:  # cached; rebuilt when the sim hour turns
        return video.jpeg_loop(camera_id, idx, ctx.now(), ctx.sim.config.seed,
                               width, height, fps)

    loop = await to_thread.run_sync(current_loop)

    def still_online() -> bool:
        found = ctx.store.lookup("cameras", camera_id)
        return found is not None and found[1] == "online"

    async def body() -> AsyncIterator[bytes]:
        nonlocal loop
        start = last_check = time.monotonic()
        n = frame = 0
        while True:
            yield video.part(loop[frame % len(loop)])
            n, frame = n + 1, frame + 1
            now = time.monotonic()
            if now - last_check > STATUS_CHECK_S:
                last_check = now
                if not await to_thread.run_sync(still_online):
                    return
                loop = await to_thread.run_sync(current_loop)
            # paced on a fixed schedule; a slow client is not sent a burst afterwards
            delay = start + n / fps - now
            if delay < -1.0:
                start, n = now, 0
            await asyncio.sleep(max(delay, 0.0))

    return StreamingResponse(
        body(),
        media_type=f"multipart/x-mixed-replace; boundary={video.BOUNDARY}",
        headers={"Cache-Control": "no-store"},
    )

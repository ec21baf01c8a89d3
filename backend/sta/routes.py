"""HTTP face of the SensorThings service: GET /sta/v1.1 and every resource path below it.

Same bearer token as /api/v1 (a reader of our data is a user of the backend). Errors
are the backend's JSON `ErrorBody`: 400 for a query option we cannot read, 404 for a
path that names nothing, 503 `history_pending` when a request for every stored reading
of a just-started backend waited too long for its older readings (sim/backfill.py). The
work is synchronous SQLite and numpy, so FastAPI runs the route on its thread pool,
never on the event loop.
"""

from __future__ import annotations

import json

from fastapi import APIRouter, Depends, Request, Response

from backend.api.auth import require_user
from backend.api.context import Ctx
from backend.api.params import HISTORY_PENDING
from backend.errors import ApiError
from backend.sta import engine, odata
from backend.sta.entities import World

STA_ROOT = "/sta/v1.1"
router = APIRouter(prefix=STA_ROOT, dependencies=[Depends(require_user)],
                   tags=["SensorThings"])


def _answer(ctx: Ctx, request: Request, path: str) -> Response:
    base = str(request.base_url).rstrip("/") + STA_ROOT
    try:
        body = engine.answer(World.load(ctx),
                             engine.Request(base, path, dict(request.query_params)))
    except odata.QueryError as exc:
        raise ApiError(400, "invalid_query", str(exc)) from None
    except engine.NotFoundError as exc:
        raise ApiError(404, "not_found", str(exc)) from None
    return Response(json.dumps(body, ensure_ascii=False, separators=(",", ":")),
                    media_type="application/json")


@router.get("", summary="SensorThings service root: entity sets and conformance classes")
def root(ctx: Ctx, request: Request) -> Response:
    return _answer(ctx, request, "")


@router.get("/{path:path}", responses=HISTORY_PENDING,
            summary="Any SensorThings v1.1 resource path (read-only), e.g. "
            "Things, Datastreams('TV-THANHHOA')/Observations; query options $filter, "
            "$expand, $select, $orderby, $top, $skip, $count, $resultFormat=dataArray")
def resource(path: str, ctx: Ctx, request: Request) -> Response:
    return _answer(ctx, request, path)

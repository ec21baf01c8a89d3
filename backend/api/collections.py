"""The four feature-collection endpoints (vessels, stations, cameras, incidents).

Responses are assembled from pre-serialised feature JSON (see ``features.py``)
because these are polled constantly and the vessel list is thousands of
features; ``response_model`` still documents the shape in /openapi.json.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Response

from backend import changes
from backend.api.context import Context, Ctx
from backend.api.params import parse_bbox
from backend.errors import ApiError
from console.sources import wire

router = APIRouter()

BBox = Annotated[str | None, Query(
    description="minlon,minlat,maxlon,maxlat (WGS84): only items inside (edges included)")]
Since = Annotated[int | None, Query(
    ge=0, le=2**62,
    description="cursor from a previous response: only items changed after it. A cursor from "
    "the future (e.g. after a backend restart) is treated as absent: full list.")]
After = Annotated[int | None, Query(
    ge=0, le=2**62,
    description="continuation from a previous page's `next_after` (requires `since`): "
    "resume inside that page's change sequence")]
Limit = Annotated[int | None, Query(
    ge=1, le=100_000,
    description="page size: at most this many items, in change order; when more remain "
    "the response carries `next_after` and its `cursor` is where the page ended")]
# OpenAPI cannot say "parameter A needs parameter B"; the rule is in `after`'s
# description, in the 400 answer, and machine-readable in this extension
AFTER_NEEDS_SINCE = {"x-parameter-dependencies": {"after": ["since"]}}
BAD_QUERY = {400: {"model": wire.ErrorBody, "description":
                   "`invalid_request`: `after` without `since`, or a parameter out of its "
                   "range; `invalid_bbox`: `bbox` is not minlon,minlat,maxlon,maxlat"}}
Statuses = Annotated[list[wire.IncidentStatus] | None, Query(
    description="only incidents in these statuses (repeatable)")]


class CollectionQuery:
    """The query parameters every live collection takes (a FastAPI dependency)."""

    def __init__(self, bbox: BBox = None, since: Since = None, after: After = None,
                 limit: Limit = None) -> None:
        if after is not None and since is None:
            raise ApiError(400, "invalid_request",
                           "after needs since (both from the previous page)")
        self.box = parse_bbox(bbox)
        self.since, self.after, self.limit = since, after, limit


Paging = Annotated[CollectionQuery, Depends()]


def _collection(ctx: Context, table: str, q: CollectionQuery,
                statuses: list[str] | None = None, *, rows: bool = False) -> Response:
    page = changes.feature_page(ctx, table, q.since, q.after, q.limit, q.box, statuses,
                                rows=rows)
    return Response(content=page.body.encode("utf-8"), media_type="application/json")


VesselFormat = Annotated[Literal["geojson", "rows"], Query(
    alias="format",
    description="`geojson` (default): a FeatureCollection. `rows`: the same vessels as a "
    "compact table (`fields` names the columns once, then one array per vessel; fix time "
    "in epoch seconds), cheaper to parse for a console that polls thousands of fixes")]


@router.get("/vessels", response_model=wire.VesselCollection | wire.VesselRows,
            tags=["vessels"], summary="Latest VMS fix of every vessel",
            responses=BAD_QUERY, openapi_extra=AFTER_NEEDS_SINCE)
def vessels(ctx: Ctx, q: Paging, form: VesselFormat = "geojson") -> Response:
    return _collection(ctx, "vessels", q, rows=form == "rows")


@router.get("/stations", response_model=wire.StationCollection, tags=["stations"],
            summary="Hydrology stations with their latest reading",
            responses=BAD_QUERY, openapi_extra=AFTER_NEEDS_SINCE)
def stations(ctx: Ctx, q: Paging) -> Response:
    return _collection(ctx, "stations", q)


@router.get("/cameras", response_model=wire.CameraCollection, tags=["cameras"],
            summary="Cameras and their online status",
            responses=BAD_QUERY, openapi_extra=AFTER_NEEDS_SINCE)
def cameras(ctx: Ctx, q: Paging) -> Response:
    return _collection(ctx, "cameras", q)


@router.get("/incidents", response_model=wire.IncidentCollection, tags=["incidents"],
            summary="Incidents with their audit trail",
            responses=BAD_QUERY, openapi_extra=AFTER_NEEDS_SINCE)
def incidents(ctx: Ctx, q: Paging, status: Statuses = None) -> Response:
    return _collection(ctx, "incidents", q, list(status) if status else None)

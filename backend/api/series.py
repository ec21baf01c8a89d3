"""Columnar history: a vessel's track and a station's observations over a time window."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from backend.api.context import Ctx
from backend.api.params import BAD_WINDOW, HISTORY_PENDING, DateTimeText, parse_window
from backend.errors import ApiError, not_found
from backend.sim.backfill import OBSERVATIONS, POSITIONS
from console.sources import wire

router = APIRouter()
HOUR = 3600.0
Start = Annotated[DateTimeText | None, Query(
    description="ISO 8601 with offset (e.g. 2026-11-22T05:00:00Z); "
    "default: end minus the default span")]
End = Annotated[DateTimeText | None, Query(
    description="ISO 8601 with offset; default: now (sim time). "
    "The window may span at most 31 days.")]
NOT_FOUND = {404: {"model": wire.ErrorBody, "description": "unknown id"}, **BAD_WINDOW}


def _known_window(ctx: Ctx, table: str, what: str, item_id: str, start: DateTimeText | None,
                  end: DateTimeText | None, default_span_s: float) -> tuple[int, float, float]:
    """The stored key of `item_id` in `table` (404 naming `what` if unknown) and the
    asked time window (default: the last `default_span_s`), checked before any read."""
    found = ctx.store.lookup(table, item_id)
    if found is None:
        raise not_found(what, item_id)
    t0, t1 = parse_window(start, end, ctx.now(), default_span_s)
    return found[0], t0, t1


@router.get("/vessels/{vessel_id}/track", response_model=wire.VesselTrack, tags=["vessels"],
            responses={**NOT_FOUND, **HISTORY_PENDING},
            summary="VMS fixes of one vessel (default: last 24 h)")
def track(
    vessel_id: str,
    ctx: Ctx,
    start: Start = None,
    end: End = None,
) -> wire.VesselTrack:
    key, t0, t1 = _known_window(ctx, "vessels", "vessel", vessel_id, start, end, 24 * HOUR)
    ctx.require_history(POSITIONS, t0, t1)
    rows = ctx.store.track(key, t0, t1)
    return wire.VesselTrack(
        vessel_id=vessel_id,
        t=[r[0] for r in rows], lon=[r[1] for r in rows], lat=[r[2] for r in rows],
        speed_kn=[r[3] for r in rows], course_deg=[r[4] for r in rows],
    )


@router.get("/stations/{station_id}/observations", response_model=wire.ObservationSeries,
            tags=["stations"], responses={**NOT_FOUND, **HISTORY_PENDING},
            summary="Readings of one station every 10 minutes (default: last 72 h)")
def observations(
    station_id: str,
    ctx: Ctx,
    start: Start = None,
    end: End = None,
) -> wire.ObservationSeries:
    key, t0, t1 = _known_window(ctx, "stations", "station", station_id, start, end, 72 * HOUR)
    ctx.require_history(OBSERVATIONS, t0, t1)
    rows = ctx.store.observations(key, t0, t1)
    return wire.ObservationSeries(
        station_id=station_id, unit=ctx.store.station_unit(key),
        t=[r[0] for r in rows], value=[r[1] for r in rows],
    )


MAX_FLEET_WINDOW_S = 48 * HOUR


@router.get("/tracks", response_model=wire.FleetTracks, tags=["vessels"],
            responses={**BAD_WINDOW, **HISTORY_PENDING},
            summary="Recent fixes of every vessel in one columnar answer (window <= 48 h, "
            "default: last 6 h)")
def fleet_tracks(ctx: Ctx, start: Start = None, end: End = None) -> wire.FleetTracks:
    t0, t1 = parse_window(start, end, ctx.now(), 6 * HOUR)
    if t1 - t0 > MAX_FLEET_WINDOW_S:
        raise ApiError(400, "window_too_long", "the fleet track window may span at most 48 h")
    ctx.require_history(POSITIONS, t0, t1)
    rows = ctx.store.fleet_track(t0, t1)
    return wire.FleetTracks(
        vessel_id=[r[0] for r in rows], t=[r[1] for r in rows], lon=[r[2] for r in rows],
        lat=[r[3] for r in rows], speed_kn=[r[4] for r in rows], course_deg=[r[5] for r in rows],
    )

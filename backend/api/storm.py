"""GET /api/v1/storm: the newest storm bulletin (observed track, forecast with its
uncertainty cone, the 24-hour danger zone); GET /api/v1/storm/bulletins: every bulletin
in force during a past window (for period archives and the shift report). The demo storm
is simulated (backend/sim/storm_track.py); a real deployment would relay the national
centre's."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from backend.api.context import Ctx
from backend.api.params import BAD_WINDOW, DateTimeText, parse_window
from backend.sim.storm_track import StormTrack
from backend.timefmt import to_datetime
from console.sources import wire

router = APIRouter()


@router.get("/storm", response_model=wire.StormBulletin, tags=["storm"],
            summary="The newest bulletin about the active storm")
def storm(ctx: Ctx) -> wire.StormBulletin:
    now = ctx.now()
    bulletin = StormTrack(ctx.sim.storm.start).bulletin(now)
    if bulletin is None:
        return wire.StormBulletin(active=False, server_time=to_datetime(now))
    return wire.StormBulletin(active=True, server_time=to_datetime(now), **bulletin)


@router.get("/storm/bulletins", response_model=wire.StormBulletins, tags=["storm"],
            summary="Every bulletin in force at some time in [start, end]",
            responses=BAD_WINDOW)
def storm_bulletins(
    ctx: Ctx,
    start: Annotated[DateTimeText | None, Query(description="default: end minus 24 h")] = None,
    end: Annotated[DateTimeText | None, Query(description="default: now (sim time)")] = None,
) -> wire.StormBulletins:
    """The bulletin in force at `start` and each one issued after it up to `end`, oldest
    first (none after `now`: the future is not published)."""
    now = ctx.now()
    t0, t1 = parse_window(start, end, now, 24 * 3600.0)
    items = StormTrack(ctx.sim.storm.start).bulletins_between(t0, min(t1, now))
    return wire.StormBulletins(
        items=[wire.StormBulletin(active=True, server_time=to_datetime(now), **b)
               for b in items],
        server_time=to_datetime(now),
    )

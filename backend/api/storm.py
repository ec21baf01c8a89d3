"""GET /api/v1/storm: the newest storm bulletin (observed track, forecast with its
uncertainty cone, the 24-hour danger zone). The demo storm is simulated
(backend/sim/storm_track.py); a real deployment would relay the national centre's."""

from __future__ import annotations

from fastapi import APIRouter

from backend.api.context import Ctx
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

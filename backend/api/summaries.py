"""GET /station-summaries: rain sums (1/3/24 h) and the 1 h level change of every station.

One request gives the console what it needs to colour rain gauges by accumulation and
draw trend arrows, instead of 102 observation requests every poll. The sums themselves are
`backend/summaries.py`'s (the backend's rain alerts judge the same numbers).
"""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import APIRouter

from backend.api.context import Ctx
from backend.summaries import station_summaries as summarize
from console.sources import wire

router = APIRouter()


@router.get(
    "/station-summaries",
    response_model=wire.StationSummaries,
    tags=["stations"],
    summary="Rain sums (1/3/24 h) and 1 h level change of every station",
)
def station_summaries(ctx: Ctx) -> wire.StationSummaries:
    now = ctx.now()
    return wire.StationSummaries(items=summarize(ctx.store, now),
                                 server_time=datetime.fromtimestamp(now, tz=UTC))

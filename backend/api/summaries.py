"""Per-station recent summaries (rain sums over 1/3/24 h, level change over 1 h).

One request gives the console what it needs to colour rain gauges by accumulation and
draw trend arrows, instead of 102 observation requests every poll.
"""

from __future__ import annotations

from datetime import UTC, datetime
from itertools import groupby

import numpy as np
from fastapi import APIRouter

from backend.api.context import Ctx
from console.sources import wire

router = APIRouter()
HOUR = 3600.0


def _summary(station_id: str, unit: str, rows: list[tuple]) -> wire.StationSummary:
    t = np.array([r[2] for r in rows], dtype=float)
    v = np.array([np.nan if r[3] is None else r[3] for r in rows], dtype=float)
    end = t[-1]
    if unit == "mm":

        def acc(hours: float) -> float:
            return float(np.nansum(v[t > end - hours * HOUR]))

        return wire.StationSummary(
            station_id=station_id, acc_1h=acc(1), acc_3h=acc(3), acc_24h=acc(24)
        )
    ok = np.isfinite(v)
    change = None
    if ok.sum() >= 2:
        tt, vv = t[ok], v[ok]
        before = np.searchsorted(tt, tt[-1] - HOUR)
        change = float(vv[-1] - vv[min(before, len(vv) - 1)])
    return wire.StationSummary(station_id=station_id, change_1h=change)


@router.get(
    "/station-summaries",
    response_model=wire.StationSummaries,
    tags=["stations"],
    summary="Rain sums (1/3/24 h) and 1 h level change of every station",
)
def station_summaries(ctx: Ctx) -> wire.StationSummaries:
    now = ctx.now()
    rows = ctx.store.recent_observations(now - 24 * HOUR)
    items = [
        _summary(sid, group[0][1], group)
        for sid, g in groupby(rows, key=lambda r: r[0])
        if (group := list(g))
    ]
    return wire.StationSummaries(items=items, server_time=datetime.fromtimestamp(now, tz=UTC))

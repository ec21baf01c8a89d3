"""Long station history for charts: raw 10-minute readings up to ~13 months, and
hourly / daily aggregates up to 5 years.

`/observations` (series.py) keeps its 31-day contract; these routes add the long
windows a chart needs. Readings older than the simulator's stored window are
generated deterministically (backend.sim.history), so a 1-year view is one series.
Responses are serialised once with pydantic-core and returned as raw JSON: a year of
readings (52,560 points) is then cheap to send.
"""

from __future__ import annotations

import math
from typing import Annotated

import numpy as np
from fastapi import APIRouter, Query, Response

from backend.api.context import Ctx
from backend.api.params import BAD_WINDOW, DateTimeText
from backend.errors import ApiError, not_found
from backend.sim import history
from backend.timefmt import parse_instant
from console.sources import wire

router = APIRouter()
DAY = 86400.0
MAX_RAW_WINDOW_S = 400 * DAY
MAX_AGGREGATE_WINDOW_S = 5 * 366 * DAY
INTERVALS = {"1h": 3600, "1d": 86400}
VN_OFFSET_S = 7 * 3600
NOT_FOUND = {404: {"model": wire.ErrorBody, "description": "unknown id"}, **BAD_WINDOW}
Start = Annotated[DateTimeText | None, Query(
    description="ISO 8601 with offset; default: end minus 7 days")]
End = Annotated[DateTimeText | None, Query(
    description="ISO 8601 with offset; default: now (sim time)")]


def _instant(text: str | None, default: float, name: str) -> float:
    if text is None:
        return default
    try:
        return parse_instant(text)
    except ValueError as exc:
        raise ApiError(400, "invalid_time", f"{name}: {exc}") from None


def _window(ctx: Ctx, start: str | None, end: str | None, limit_s: float) -> tuple[float, float]:
    """Validated [start, end] (default: the last 7 days) of at most ``limit_s``."""
    t1 = _instant(end, ctx.now(), "end")
    t0 = _instant(start, t1 - 7 * DAY, "start")
    if t0 >= t1:
        raise ApiError(400, "invalid_window", "start must be before end")
    if t1 - t0 > limit_s:
        days = int(limit_s // DAY)
        raise ApiError(400, "window_too_large", f"the window may span at most {days} days")
    return t0, t1


def _station(ctx: Ctx, station_id: str) -> int:
    found = ctx.store.lookup("stations", station_id)
    if found is None:
        raise not_found("station", station_id)
    return found[0]


def _nullable(values: np.ndarray) -> list[float | None]:
    return [None if math.isnan(v) else v for v in values.tolist()]


def _json(model: wire.BaseModel) -> Response:
    return Response(content=model.model_dump_json(), media_type="application/json")


@router.get(
    "/stations/{station_id}/history",
    response_model=wire.ObservationSeries,
    tags=["stations"],
    responses=NOT_FOUND,
    summary="10-minute readings over a long window (<= 400 days; default: last 7 days)",
)
def station_history(station_id: str, ctx: Ctx, start: Start = None, end: End = None) -> Response:
    idx = _station(ctx, station_id)
    t0, t1 = _window(ctx, start, end, MAX_RAW_WINDOW_S)
    t, v = history.readings(ctx.store, ctx.sim.hydrology, idx, t0, t1, ctx.now())
    return _json(
        wire.ObservationSeries(
            station_id=station_id,
            unit=ctx.store.station_unit(idx),
            t=t.tolist(),
            value=_nullable(v),
        )
    )


@router.get(
    "/stations/{station_id}/aggregates",
    response_model=wire.ObservationAggregates,
    tags=["stations"],
    responses=NOT_FOUND,
    summary="Hourly or daily count / sum / min / max / mean (<= 5 years; daily buckets "
    "start at Vietnam midnight)",
)
def station_aggregates(
    station_id: str,
    ctx: Ctx,
    start: Start = None,
    end: End = None,
    interval: Annotated[wire.AggregateInterval, Query()] = "1h",
) -> Response:
    idx = _station(ctx, station_id)
    t0, t1 = _window(ctx, start, end, MAX_AGGREGATE_WINDOW_S)
    step = INTERVALS[interval]
    starts = history.bucket_edges(t0, min(t1, ctx.now()), step, VN_OFFSET_S)
    t, v = history.readings(
        ctx.store, ctx.sim.hydrology, idx, starts[0] if len(starts) else t0, t1, ctx.now()
    )
    stats = history.aggregate(t, v, starts, step)
    return _json(
        wire.ObservationAggregates(
            station_id=station_id,
            unit=ctx.store.station_unit(idx),
            interval_s=step,
            t=starts.tolist(),
            count=[int(c) for c in stats["count"].tolist()],
            sum=_nullable(stats["sum"]),
            min=_nullable(stats["min"]),
            max=_nullable(stats["max"]),
            mean=_nullable(stats["mean"]),
        )
    )

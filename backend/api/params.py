"""Parsing and validation of query parameters shared by several routes.

All failures become 400 ``ApiError``s with a message that names the parameter,
because a client sending a bad bbox or date deserves to know which one.
"""

from __future__ import annotations

import math
from typing import Annotated

from pydantic import WithJsonSchema

from backend.errors import ApiError
from backend.sim.backfill import WAIT_S
from backend.timefmt import parse_instant
from console.sources import wire

MAX_WINDOW_S = 31 * 86400.0
BBox = tuple[float, float, float, float]

# A time parameter is text the route parses itself (`parse_instant`: ISO 8601 that must
# carry an offset), declared as what a client must send: an RFC 3339 date-time
DateTimeText = Annotated[str, WithJsonSchema({"type": "string", "format": "date-time"})]
BAD_WINDOW = {400: {"model": wire.ErrorBody, "description":
                    "`invalid_time`: `start` or `end` is not a date-time with a UTC offset; "
                    "`invalid_window`: `start` is not before `end`; `window_too_large` / "
                    "`window_too_long`: the window is longer than this route allows"}}
HISTORY_PENDING = {503: {
    "model": wire.ErrorBody,
    "description": "code `history_pending`: the older history of a just-started backend "
    "is still being written and the read waited for it longer than the server waits "
    f"({WAIT_S:.0f} s); retry after `Retry-After` seconds. A read that reaches into it "
    "otherwise waits until it is written (under a second for the demo world) rather "
    "than miss rows.",
}}


def parse_bbox(text: str | None) -> BBox | None:
    """``minlon,minlat,maxlon,maxlat`` -> tuple, or None when absent."""
    if text is None:
        return None
    parts = text.split(",")
    if len(parts) != 4:
        raise ApiError(400, "invalid_bbox", "bbox must be minlon,minlat,maxlon,maxlat")
    try:
        values = [float(p) for p in parts]
    except ValueError:
        raise ApiError(400, "invalid_bbox", "bbox values must be numbers") from None
    if not all(math.isfinite(v) for v in values):
        raise ApiError(400, "invalid_bbox", "bbox values must be finite")
    min_lon, min_lat, max_lon, max_lat = values
    if not (-180 <= min_lon <= 180 and -180 <= max_lon <= 180):
        raise ApiError(400, "invalid_bbox", "bbox longitudes must be within -180..180")
    if not (-90 <= min_lat <= 90 and -90 <= max_lat <= 90):
        raise ApiError(400, "invalid_bbox", "bbox latitudes must be within -90..90")
    if not (min_lon < max_lon and min_lat < max_lat):
        raise ApiError(400, "invalid_bbox", "bbox minimum must be below maximum")
    return min_lon, min_lat, max_lon, max_lat


def parse_window(
    start: str | None, end: str | None, now: float, default_s: float
) -> tuple[float, float]:
    """A validated [start, end] window in epoch seconds (defaults: the last ``default_s``)."""
    try:
        t1 = parse_instant(end) if end is not None else now
    except ValueError as exc:
        raise ApiError(400, "invalid_time", f"end: {exc}") from None
    try:
        t0 = parse_instant(start) if start is not None else t1 - default_s
    except ValueError as exc:
        raise ApiError(400, "invalid_time", f"start: {exc}") from None
    if t0 >= t1:
        raise ApiError(400, "invalid_window", "start must be before end")
    if t1 - t0 > MAX_WINDOW_S:
        raise ApiError(400, "window_too_large", "the window may span at most 31 days")
    return t0, t1

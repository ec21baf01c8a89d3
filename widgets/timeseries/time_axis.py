"""A time axis in Vietnam local time (UTC+7) with readable ticks at every zoom level.

pyqtgraph's DateAxisItem uses month names and US-style formats; operators read
'22/11 14:00'. ``local_ticks`` is a pure function (tested without a window) choosing a
step from minutes to decades so labels never collide, aligned to local clock
boundaries (local midnight, the 1st of the month, 1 January). GUI thread only.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta

import pyqtgraph as pg

from console.timefmt import VIETNAM

MIN = 60
HOUR = 3600
DAY = 86400
OFFSET_S = 7 * HOUR
_FIXED = (
    MIN, 2 * MIN, 5 * MIN, 10 * MIN, 15 * MIN, 30 * MIN,
    HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR,
    DAY, 2 * DAY, 7 * DAY, 14 * DAY,
)  # fmt: skip
_MONTHS = (1, 2, 3, 6)
_YEARS = (1, 2, 5, 10, 20, 50)
MONTH_S = 30.44 * DAY
YEAR_S = 365.25 * DAY


def _local(t: float) -> datetime:
    return datetime(1970, 1, 1, tzinfo=VIETNAM) + timedelta(seconds=t + OFFSET_S)


def _label(t: float, step: float) -> str:
    d = _local(t)
    if step >= YEAR_S * 0.9:
        return f"{d.year}"
    if step >= MONTH_S * 0.9:
        return f"{d.month:02d}/{d.year}"
    if step >= DAY:
        return f"{d.day:02d}/{d.month:02d}" if d.month != 1 or d.day != 1 else f"{d.year}"
    if d.hour == 0 and d.minute == 0:
        return f"{d.day:02d}/{d.month:02d}"  # the date at each local midnight
    return f"{d.hour:02d}:{d.minute:02d}"


def _fixed_ticks(t0: float, t1: float, step: int) -> list[float]:
    first = math.ceil((t0 + OFFSET_S) / step) * step - OFFSET_S
    return [float(first + k * step) for k in range(int((t1 - first) // step) + 1)]


def _month_ticks(t0: float, t1: float, months: int) -> list[float]:
    d = _local(t0)
    index = d.year * 12 + d.month - 1
    index = math.ceil(index / months) * months
    out: list[float] = []
    while True:
        year, month = divmod(index, 12)
        moment = datetime(year, month + 1, 1, tzinfo=VIETNAM).timestamp()
        if moment > t1:
            return out
        if moment >= t0:
            out.append(moment)
        index += months


def choose_step(span_s: float, width_px: float, min_px: float = 70.0) -> tuple[str, float]:
    """('fixed'|'month'|'year', step) giving at least ``min_px`` pixels between labels."""
    wanted = span_s * min_px / max(width_px, 1.0)
    for step in _FIXED:
        if step >= wanted:
            return "fixed", float(step)
    for months in _MONTHS:
        if months * MONTH_S >= wanted:
            return "month", float(months)
    for years in _YEARS:
        if years * YEAR_S >= wanted:
            return "year", float(years)
    return "year", float(_YEARS[-1])


def local_ticks(t0: float, t1: float, width_px: float) -> list[tuple[float, str]]:
    """Tick positions (epoch seconds UTC) and their Vietnam-time labels for [t0, t1]."""
    if not (math.isfinite(t0) and math.isfinite(t1)) or t1 <= t0:
        return []
    t0, t1 = max(t0, -2e9), min(t1, 7e9)  # keep datetime arithmetic in range
    kind, step = choose_step(t1 - t0, width_px)
    if kind == "fixed":
        values = _fixed_ticks(t0, t1, int(step))
        return [(v, _label(v, step)) for v in values]
    months = int(step) if kind == "month" else int(step) * 12
    values = _month_ticks(t0, t1, months)
    label_step = MONTH_S if kind == "month" else YEAR_S
    return [(v, _label(v, label_step)) for v in values]


class VietnamTimeAxis(pg.AxisItem):
    """Bottom axis of every chart: epoch seconds UTC shown as Vietnam local time."""

    def __init__(self, orientation: str = "bottom", **kwargs: object) -> None:
        super().__init__(orientation, **kwargs)
        self.enableAutoSIPrefix(False)
        self._labels: dict[float, str] = {}

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list:  # noqa: N803
        ticks = local_ticks(minVal, maxVal, size)
        self._labels = dict(ticks)
        return [(1.0, [v for v, _ in ticks])]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        return [self._labels.get(v) or _label(v, spacing) for v in values]

"""Recent behaviour of each station from its stored readings: rain sums over 1/3/24 h
(rain gauges), the level change over the last hour (level gauges).

One computation for what a console colours its map by (GET /station-summaries) and what
the backend's rain alerts judge (backend/alerting.py), so both read the same numbers.
"""

from __future__ import annotations

from itertools import groupby

import numpy as np

from backend.db import Store
from console.sources import wire

HOUR = 3600.0


def summary(station_id: str, unit: str, rows: list[tuple]) -> wire.StationSummary:
    """One station's summary from its (id, unit, t, value) rows, oldest first; sums end
    at its latest reading."""
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


def station_summaries(store: Store, now: float, unit: str | None = None,
                      ) -> list[wire.StationSummary]:
    """Every station's summary (only `unit`'s, if given): sums over the hours before its
    latest reading, read from an hour more than a day before `now`, so that whoever asks a
    few minutes later (a console's poll, the alert rules after a tick) gets the same sums
    for the same readings."""
    rows = store.recent_observations(now - 25 * HOUR)
    return [summary(sid, group[0][1], group)
            for sid, g in groupby(rows, key=lambda r: r[0])
            if (group := list(g)) and (unit is None or group[0][1] == unit)]

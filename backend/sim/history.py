"""One gauge's 10-minute history over any window, stored or generated on demand.

The simulator stores only recent readings (``station_history_days`` plus what the
live ticks added), but every reading is a pure function of time
(``Hydrology.values_for``), so readings older than the oldest stored row are
computed on request. They are exactly what the simulator would have stored, so a
chart that pans back a year sees one seamless series. Called from request threads.
"""

from __future__ import annotations

import numpy as np

from backend.db import Store
from backend.sim.hydrology import Hydrology


def readings(
    store: Store, hydrology: Hydrology, idx: int, t0: float, t1: float, now: float
) -> tuple[np.ndarray, np.ndarray]:
    """(t, value) of station ``idx`` with ``t0 <= t <= min(t1, now)``, oldest first.

    Stored rows win where they exist; older instants are generated. NaN = no reading.
    """
    end = min(t1, now)
    if end < t0:
        return np.empty(0), np.empty(0)
    oldest = store.oldest_observation(idx)
    gen_end = end if oldest is None else min(end, oldest - 1e-6)
    parts_t: list[np.ndarray] = []
    parts_v: list[np.ndarray] = []
    if gen_end >= t0:
        times = hydrology.steps_between(t0 - 1e-6, gen_end).astype(np.float64)
        times = times[times >= t0]
        if len(times):
            parts_t.append(times)
            parts_v.append(hydrology.values_for(times, np.array([idx]))[:, 0])
    if oldest is not None and end >= oldest:
        rows = store.observations(idx, max(t0, oldest), end)
        if rows:
            arr = np.array([(r[0], np.nan if r[1] is None else r[1]) for r in rows])
            parts_t.append(arr[:, 0])
            parts_v.append(arr[:, 1])
    if not parts_t:
        return np.empty(0), np.empty(0)
    return np.concatenate(parts_t), np.concatenate(parts_v)


def bucket_edges(t0: float, t1: float, interval_s: int, offset_s: int) -> np.ndarray:
    """Bucket starts covering [t0, t1], aligned so that ``(start + offset_s) % interval_s
    == 0`` (offset 7 h puts daily buckets on Vietnam midnight)."""
    first = np.floor((t0 + offset_s) / interval_s) * interval_s - offset_s
    return np.arange(first, t1 + 1e-6, interval_s, dtype=np.float64)


def aggregate(
    t: np.ndarray, v: np.ndarray, starts: np.ndarray, interval_s: int
) -> dict[str, np.ndarray]:
    """count / sum / min / max / mean of the finite readings in each bucket
    ``[start, start + interval_s)``; NaN statistics where a bucket has no reading."""
    n = len(starts)
    ok = np.isfinite(v)
    tk, vk = t[ok], v[ok]
    if n == 0:
        empty = np.empty(0)
        return {"count": empty, "sum": empty, "min": empty, "max": empty, "mean": empty}
    b = np.floor((tk - starts[0]) / interval_s).astype(np.int64)
    inside = (b >= 0) & (b < n)
    b, vk = b[inside], vk[inside]
    count = np.bincount(b, minlength=n).astype(np.float64)
    total = np.bincount(b, weights=vk, minlength=n)
    lo = np.full(n, np.inf)
    hi = np.full(n, -np.inf)
    np.minimum.at(lo, b, vk)
    np.maximum.at(hi, b, vk)
    empty_bucket = count == 0
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = total / count
    for arr in (lo, hi, mean):
        arr[empty_bucket] = np.nan
    total = np.round(total, 3)  # float noise from summing 0.1 mm readings
    total[empty_bucket] = np.nan
    return {"count": count, "sum": total, "min": lo, "max": hi, "mean": mean}

"""Rain arithmetic for charts: interval sums, running accumulation, rolling sums.

Pure numpy on one station's readings (any thread). Missing or suspect readings
contribute nothing and are counted, so a sum over a gap is never presented as
complete: callers get ``count`` next to each sum.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

VN_OFFSET_S = 7 * 3600


@dataclass(frozen=True)
class Buckets:
    """Per-interval statistics; ``t`` is each bucket's start (epoch seconds UTC)."""

    interval_s: int
    t: np.ndarray
    count: np.ndarray
    sum: np.ndarray
    min: np.ndarray
    max: np.ndarray
    mean: np.ndarray


def bucket(t: np.ndarray, v: np.ndarray, interval_s: int, offset_s: int = VN_OFFSET_S) -> Buckets:
    """Sum / min / max / mean of the finite values per interval. Daily buckets start at
    Vietnam midnight with the default offset; empty buckets have NaN statistics."""
    t = np.asarray(t, dtype=np.float64)
    v = np.asarray(v, dtype=np.float64)
    if len(t) == 0:
        e = np.empty(0)
        return Buckets(interval_s, e, e, e, e, e, e)
    first = np.floor((t[0] + offset_s) / interval_s) * interval_s - offset_s
    n = int((t[-1] - first) // interval_s) + 1
    starts = first + interval_s * np.arange(n, dtype=np.float64)
    ok = np.isfinite(v)
    b = ((t[ok] - first) // interval_s).astype(np.int64)
    x = v[ok]
    count = np.bincount(b, minlength=n).astype(np.float64)
    total = np.round(np.bincount(b, weights=x, minlength=n), 6)
    lo = np.full(n, np.inf)
    hi = np.full(n, -np.inf)
    np.minimum.at(lo, b, x)
    np.maximum.at(hi, b, x)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = total / count
    empty = count == 0
    for arr in (total, lo, hi, mean):
        arr[empty] = np.nan
    return Buckets(interval_s, starts, count, total, lo, hi, mean)


def accumulation(v: np.ndarray) -> np.ndarray:
    """Running total from the first reading; missing readings add nothing (the line stays
    flat across a gap rather than inventing rain)."""
    return np.cumsum(np.nan_to_num(np.asarray(v, dtype=np.float64), nan=0.0))


def rolling_sum(t: np.ndarray, v: np.ndarray, window_s: float) -> np.ndarray:
    """Sum of readings in (t - window_s, t] for every reading (e.g. 3 h or 24 h rain)."""
    t = np.asarray(t, dtype=np.float64)
    c = np.r_[0.0, accumulation(v)]
    lo = np.searchsorted(t, t - window_s, side="right")
    return c[1:] - c[lo]

"""Turn readings with holes into arrays a line renderer can draw honestly.

A line must break at a gap, never bridge it. NaN would do that, but pyqtgraph's peak
downsampling takes min/max per chunk, and one NaN in a chunk turns the whole chunk
(and any spike in it) into nothing. So holes are given the previous valid value (a
value that really occurred next to them, so no chunk's min/max is invented) and an
explicit ``connect`` array breaks the line on both sides of every hole and across
every time step longer than ``max_step_s``. Pure numpy; any thread.
"""

from __future__ import annotations

import numpy as np


def line_arrays(
    t: np.ndarray, v: np.ndarray, max_step_s: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(t, y, connect): ``connect[i]`` says whether to draw the segment i -> i+1."""
    t = np.asarray(t, dtype=np.float64)
    v = np.asarray(v, dtype=np.float64)
    n = len(v)
    ok = np.isfinite(v)
    if n == 0 or not ok.any():
        return np.empty(0), np.empty(0), np.empty(0, dtype=bool)
    # forward fill (back fill for leading holes)
    idx = np.where(ok, np.arange(n), 0)
    np.maximum.accumulate(idx, out=idx)
    first = int(np.argmax(ok))
    idx[:first] = first
    y = v[idx]
    connect = np.ones(n, dtype=bool)
    connect[-1] = False
    connect[:-1] &= ok[:-1] & ok[1:]
    if n > 1:
        connect[:-1] &= np.diff(t) <= max_step_s
    return t, y, connect


def bar_arrays(
    t: np.ndarray, v: np.ndarray, width_s: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Outline of one bar per interval [t, t + width): (x, y, connect), 4 points a bar.
    A missing interval draws no bar and breaks the outline."""
    t = np.asarray(t, dtype=np.float64)
    v = np.asarray(v, dtype=np.float64)
    ok = np.isfinite(v)
    h = np.where(ok, v, 0.0)
    x = np.stack([t, t, t + width_s, t + width_s], axis=1).reshape(-1)
    y = np.stack([np.zeros_like(h), h, h, np.zeros_like(h)], axis=1).reshape(-1)
    connect = np.repeat(ok, 4)
    if len(connect):
        connect[3::4] &= np.r_[ok[1:], False]  # join to the next bar along the baseline
    return x, y, connect

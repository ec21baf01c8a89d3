"""Rate of rise of a water level and when the next alarm level will be reached.

Bulletins say "BĐ2 in ~3 h at the current rate": a least-squares slope over the last
few hours of valid readings (robust to 2 cm sensor noise), then the time to the next
level above the latest valid value. Pure functions; any thread.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

HOUR = 3600.0


@dataclass(frozen=True)
class Projection:
    rate_m_per_h: float
    next_level: int | None  # 1..3 (BĐ1..BĐ3) or None when not rising / above BĐ3
    hours_to_next: float | None


def rate_of_rise(t: np.ndarray, v: np.ndarray, window_s: float = 3 * HOUR) -> float | None:
    """Slope (units per hour) over the last ``window_s`` of finite readings; None with
    fewer than 3 readings or less than a third of the window covered."""
    t = np.asarray(t, dtype=np.float64)
    v = np.asarray(v, dtype=np.float64)
    if len(t):  # only the recent tail matters (series may hold years of readings)
        tail = int(np.searchsorted(t, t[-1] - 2 * window_s))
        t, v = t[tail:], v[tail:]
    ok = np.isfinite(v)
    if ok.sum() < 3:
        return None
    tk, vk = t[ok], v[ok]
    recent = tk >= tk[-1] - window_s
    tk, vk = tk[recent], vk[recent]
    if len(tk) < 3 or tk[-1] - tk[0] < window_s / 3:
        return None
    slope = np.polyfit((tk - tk[-1]) / HOUR, vk, 1)[0]
    return float(slope)


def project(
    value: float,
    rate: float | None,
    levels: tuple[float, float, float] | None,
    min_rate: float = 0.01,
) -> Projection | None:
    """Next alarm level above ``value`` and hours to reach it at ``rate`` (m/h)."""
    if rate is None:
        return None
    if levels is None or rate < min_rate:
        return Projection(rate, None, None)
    for i, level in enumerate(levels, start=1):
        if value < level:
            return Projection(rate, i, (level - value) / rate)
    return Projection(rate, None, None)

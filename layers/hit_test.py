"""Pure hit-testing helpers: which points lie within a tolerance of a click."""

from __future__ import annotations

import numpy as np


def points_near(
    x: np.ndarray, y: np.ndarray, px: float, py: float, tolerance: float, limit: int = 10
) -> list[tuple[int, float]]:
    """Rows within `tolerance` (map units) of (px, py), nearest first, at most `limit`.
    NaN coordinates never match."""
    if len(x) == 0:
        return []
    d2 = (x - px) ** 2 + (y - py) ** 2
    with np.errstate(invalid="ignore"):
        rows = np.flatnonzero(d2 <= tolerance * tolerance)
    if rows.size == 0:
        return []
    order = rows[np.argsort(d2[rows], kind="stable")][:limit]
    return [(int(r), float(np.sqrt(d2[r]))) for r in order]

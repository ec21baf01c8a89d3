"""Data bounds of point items (map units), shared by the fleet and point renderers."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF


def finite_bounds(x: np.ndarray, y: np.ndarray) -> QRectF:
    """The rectangle around the finite points (at least 1 map unit wide and high, so a
    single point still has an area); a null rect when there is none."""
    ok = np.isfinite(x) & np.isfinite(y)
    if not ok.any():  # none, or no point at all
        return QRectF()
    if ok.all():  # the usual case: no copies (a 100,000-vessel fleet is refreshed per frame)
        xs, ys = x, y
    else:
        xs, ys = x[ok], y[ok]
    x0, x1 = float(xs.min()), float(xs.max())
    y0, y1 = float(ys.min()), float(ys.max())
    return QRectF(x0, y0, max(x1 - x0, 1.0), max(y1 - y0, 1.0))

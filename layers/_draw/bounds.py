"""Data bounds of point items (map units), shared by the fleet and point renderers."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF


def finite_bounds(x: np.ndarray, y: np.ndarray) -> QRectF:
    """The rectangle around the finite points (at least 1 map unit wide and high, so a
    single point still has an area); a null rect when there is none."""
    ok = np.isfinite(x) & np.isfinite(y)
    if not ok.any():
        return QRectF()
    x0, x1 = float(x[ok].min()), float(x[ok].max())
    y0, y1 = float(y[ok].min()), float(y[ok].max())
    return QRectF(x0, y0, max(x1 - x0, 1.0), max(y1 - y0, 1.0))

"""The data bounds of point items: around the points whose both coordinates are
finite (a hidden point carries NaN), at least one map unit wide and high."""

from __future__ import annotations

import numpy as np

from layers._draw.bounds import finite_bounds


def test_bounds_hold_every_finite_point_and_skip_the_hidden_ones():
    x = np.array([10.0, 20.0, np.nan, 500.0, 40.0])
    y = np.array([5.0, np.nan, 7.0, np.inf, 30.0])  # rows 1-3 are not drawn
    r = finite_bounds(x, y)
    assert (r.left(), r.top(), r.right(), r.bottom()) == (10.0, 5.0, 40.0, 30.0)
    r = finite_bounds(x[[0, 4]], y[[0, 4]])  # all finite
    assert (r.left(), r.top(), r.right(), r.bottom()) == (10.0, 5.0, 40.0, 30.0)
    r = finite_bounds(np.array([3.0]), np.array([4.0]))  # one point: still an area
    assert (r.width(), r.height()) == (1.0, 1.0)
    assert finite_bounds(np.array([np.nan]), np.array([1.0])).isNull()
    assert finite_bounds(np.empty(0), np.empty(0)).isNull()  # no point yet (start-up)

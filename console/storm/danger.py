"""Which vessels are in a storm's danger zone, or heading into it, and how far each is
from its edge — the list the border guard sends out when a storm threatens.

Vectorised over the whole fleet in map coordinates (EPSG:3857, the store's columns):
the bulletin's box of parallels and meridians is a rectangle there too, and a metre of
Web Mercator is cos(lat) metres on the ground, so distances need no per-vessel
reprojection.

"Heading into" follows the vessel's course and speed for `lookahead_h` hours (a dead
reckoning, as a watch officer does it): the path segment meets the box while the vessel
is outside it now. A vessel in port is sheltered and never counted.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from console.geo.crs import lonlat_to_map_scalar
from console.model.storm import DangerBox

KNOT_M_PER_H = 1852.0
EARTH_RADIUS_M = 6_378_137.0  # Web Mercator's sphere
MOVING_KN = 1.0  # slower than this a vessel is drifting or fishing: no heading


@dataclass(frozen=True, slots=True)
class DangerAssessment:
    """Per store row: `inside`, `heading_in` (outside now, inside within the look-ahead),
    `distance_km` to the zone's edge (to it from outside, to leave it from inside), and
    `hours_to_enter` (NaN unless heading in)."""

    inside: np.ndarray
    heading_in: np.ndarray
    distance_km: np.ndarray
    hours_to_enter: np.ndarray

    @property
    def at_risk(self) -> np.ndarray:
        return self.inside | self.heading_in


def _box_in_map(box: DangerBox) -> tuple[float, float, float, float]:
    x0, y0 = lonlat_to_map_scalar(box.west, box.south)
    x1, y1 = lonlat_to_map_scalar(box.east, box.north)
    return x0, y0, x1, y1


def _ground_scale(y: np.ndarray) -> np.ndarray:
    """Ground metres per Web Mercator metre at map northing `y` (cos of the latitude)."""
    return 1.0 / np.cosh(y / EARTH_RADIUS_M)


def assess(
    x: np.ndarray,
    y: np.ndarray,
    speed_kn: np.ndarray,
    course_deg: np.ndarray,
    in_port: np.ndarray,
    box: DangerBox,
    lookahead_h: float = 6.0,
) -> DangerAssessment:
    x0, y0, x1, y1 = _box_in_map(box)
    at_sea = ~in_port.astype(bool) & np.isfinite(x) & np.isfinite(y)
    inside = at_sea & (x >= x0) & (x <= x1) & (y >= y0) & (y <= y1)

    scale = _ground_scale(y)
    # outside: distance to the box; inside: distance to the nearest edge (to get out)
    dx_out = np.maximum(np.maximum(x0 - x, x - x1), 0.0)
    dy_out = np.maximum(np.maximum(y0 - y, y - y1), 0.0)
    outside_m = np.hypot(dx_out, dy_out)
    inside_m = np.minimum.reduce([x - x0, x1 - x, y - y0, y1 - y])
    distance_km = np.where(inside, inside_m, outside_m) * scale / 1000.0

    # dead reckoning: the segment from here to `lookahead_h` ahead, clipped to the box
    # (Liang-Barsky: the entry parameter along the segment, if any, in [0, 1])
    reach_map_m = speed_kn * KNOT_M_PER_H * lookahead_h / np.where(scale > 0, scale, 1.0)
    course = np.radians(course_deg)
    ux, uy = np.sin(course) * reach_map_m, np.cos(course) * reach_map_m
    t_enter = np.zeros_like(x)
    t_leave = np.ones_like(x)
    with np.errstate(divide="ignore", invalid="ignore"):
        for p, lo, hi in ((ux, x0 - x, x1 - x), (uy, y0 - y, y1 - y)):
            t_lo, t_hi = lo / p, hi / p
            near, far = np.minimum(t_lo, t_hi), np.maximum(t_lo, t_hi)
            parallel = p == 0
            outside_slab = parallel & ((lo > 0) | (hi < 0))
            near = np.where(parallel, -np.inf, near)
            far = np.where(parallel, np.inf, far)
            t_enter = np.maximum(t_enter, near)
            t_leave = np.minimum(t_leave, np.where(outside_slab, -np.inf, far))
    moving = speed_kn >= MOVING_KN
    heading_in = at_sea & ~inside & moving & (t_enter <= t_leave) & (t_enter <= 1.0)
    hours = np.where(heading_in, t_enter * lookahead_h, np.nan)
    return DangerAssessment(inside, heading_in, distance_km, hours)

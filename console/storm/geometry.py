"""The shapes a storm bulletin is drawn with, in map coordinates (EPSG:3857): observed
and forecast tracks, the uncertainty cone, the level-6 wind circle around the centre,
and the danger-zone box. Qt-free, so the map layer, the print layout and any export
draw the same shapes.

The cone is drawn as forecasters draw it: a circle of the forecast's uncertainty radius
around each forecast position (none around the current centre), joined by the convex
hull of each consecutive pair. Circles are built in Web Mercator with the radius scaled
by 1/cos(latitude), so a radius in km is right on the ground at that latitude.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import pairwise

import numpy as np
import shapely

from console.geo.crs import lonlat_to_map
from console.model.storm import StormBulletin, StormPoint

CIRCLE_SEGMENTS = 32


@dataclass(frozen=True)
class StormShapes:
    observed: np.ndarray  # (n, 2) map coordinates, oldest first
    forecast: np.ndarray  # (m + 1, 2): the current centre, then each forecast position
    cone: shapely.Polygon | None
    wind_circle: shapely.Polygon  # level-6 winds around the current centre
    danger_box: shapely.Polygon | None


def _xy(points: tuple[StormPoint, ...]) -> np.ndarray:
    if not points:
        return np.empty((0, 2))
    x, y = lonlat_to_map(np.array([p.lon for p in points]), np.array([p.lat for p in points]))
    return np.column_stack([x, y])


def _circle(x: float, y: float, lat: float, radius_km: float) -> shapely.Polygon:
    radius = radius_km * 1000.0 / math.cos(math.radians(lat))
    return shapely.Point(x, y).buffer(max(radius, 1.0), quad_segs=CIRCLE_SEGMENTS // 4)


def storm_shapes(bulletin: StormBulletin) -> StormShapes:
    observed = _xy(bulletin.observed)
    centre = bulletin.centre
    forecast = _xy((centre, *bulletin.forecast))
    circles = [
        _circle(x, y, p.lat, p.cone_km)
        for (x, y), p in zip(forecast, (centre, *bulletin.forecast), strict=True)
    ]
    cone = None
    if len(circles) > 1:
        hulls = [shapely.convex_hull(shapely.union(a, b)) for a, b in pairwise(circles)]
        cone = shapely.union_all(hulls)
    cx, cy = observed[-1]
    wind = _circle(cx, cy, centre.lat, centre.r6_km)
    box = None
    if bulletin.danger_zone is not None:
        z = bulletin.danger_zone
        (x0, x1), (y0, y1) = lonlat_to_map(
            np.array([z.west, z.east]), np.array([z.south, z.north])
        )
        box = shapely.box(x0, y0, x1, y1)
    return StormShapes(observed, forecast, cone, wind, box)

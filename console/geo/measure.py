"""Geodesic measurement on the WGS84 ellipsoid (pyproj Geod): distance, area, bearing.

The map is Web Mercator, whose lengths are stretched by 1/cos(latitude); every figure
shown to an operator is computed on the ellipsoid instead. Pure functions.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from pyproj import Geod

from console.geo.crs import map_to_lonlat

METRES_PER_NAUTICAL_MILE = 1852.0


@lru_cache(maxsize=1)
def geod() -> Geod:
    return Geod(ellps="WGS84")


@dataclass(frozen=True, slots=True)
class Measurement:
    length_m: float  # along the path (geodesic segments)
    area_m2: float  # enclosed area if closed as a polygon (0 for fewer than 3 points)
    last_bearing_deg: float | None  # initial bearing of the last segment, 0-360 from north

    @property
    def length_km(self) -> float:
        return self.length_m / 1000.0

    @property
    def length_nm(self) -> float:
        return self.length_m / METRES_PER_NAUTICAL_MILE

    @property
    def area_km2(self) -> float:
        return self.area_m2 / 1e6

    @property
    def area_nm2(self) -> float:
        return self.area_m2 / METRES_PER_NAUTICAL_MILE**2


def measure_lonlat(lon: np.ndarray, lat: np.ndarray) -> Measurement:
    """Measure a path of WGS84 vertices."""
    lon = np.asarray(lon, dtype=np.float64)
    lat = np.asarray(lat, dtype=np.float64)
    if lon.size < 2:
        return Measurement(0.0, 0.0, None)
    g = geod()
    azimuths, _back, distances = g.inv(lon[:-1], lat[:-1], lon[1:], lat[1:])
    area = 0.0
    if lon.size >= 3:
        area = abs(float(g.polygon_area_perimeter(lon, lat)[0]))
    bearing = float(np.atleast_1d(azimuths)[-1]) % 360.0
    return Measurement(float(np.sum(distances)), area, bearing)


def measure_map(x: np.ndarray, y: np.ndarray) -> Measurement:
    """Measure a path given in map coordinates (EPSG:3857)."""
    lon, lat = map_to_lonlat(np.asarray(x), np.asarray(y))
    return measure_lonlat(lon, lat)

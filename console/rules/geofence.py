"""Geofences: which zone each vessel is in, and where it stands against the permitted
fishing boundary, for the whole fleet at once.

Zones come from a GeoJSON file (resources/config/zones.geojson by default; a site
replaces it). Each feature's properties say what the zone means:
- `rule`: "no_fishing" (coastal / inshore zones: vessels >= `min_length_m` may not fish),
  "no_entry" (restricted areas) or "permitted_boundary" (the permitted fishing area);
- `alert_on`: "entry" (being inside is the condition) or "fishing" (inside *and*
  moving at fishing speed, so the daily transit through the coastal band does not flood
  the inbox);
- `severity`, `min_length_m`, `name` / `name_vi`.

Speed: geometries are reprojected once to the map CRS (EPSG:3857) and tested with
shapely 2's vectorised `contains_xy` on prepared geometries, after a bounding-box
prefilter in numpy, so a 100,000-vessel update costs a few milliseconds per zone. The
boundary distance (a costlier `shapely.distance`) is computed only for vessels inside a
precomputed warning band. Pure numpy/shapely: callable from any thread, no Qt.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from shapely.geometry import shape

from console.geo.crs import WEB_MERCATOR, WGS84, transformer

EARTH_RADIUS_M = 6378137.0
METRES_PER_NM = 1852.0
RULES = ("no_fishing", "no_entry", "permitted_boundary")


class BoundaryTier(IntEnum):
    INSIDE = 0
    APPROACHING = 1
    CROSSED = 2
    RETURNED = 3


@dataclass(frozen=True, slots=True)
class Zone:
    id: str
    name: str
    name_vi: str
    rule: str
    alert_on: str  # "entry" | "fishing" | "boundary"
    min_length_m: float
    severity: str
    geometry: Any  # shapely geometry in EPSG:3857
    lonlat: Any  # the same in WGS84 (for exports and hit descriptions)

    def label(self, language: str) -> str:
        return self.name_vi if language == "vi" and self.name_vi else self.name


def _to_map(geom: Any) -> Any:
    t = transformer(WGS84, WEB_MERCATOR)
    return shapely.transform(geom, lambda xy: np.column_stack(t.transform(xy[:, 0], xy[:, 1])))


def parse_zones(doc: dict[str, Any]) -> list[Zone]:
    """Zones from a decoded GeoJSON FeatureCollection; ValueError on bad content."""
    if doc.get("type") != "FeatureCollection":
        raise ValueError("zones file must be a GeoJSON FeatureCollection")
    zones = []
    for i, feature in enumerate(doc.get("features", [])):
        props = feature.get("properties") or {}
        rule = props.get("rule")
        if rule not in RULES:
            raise ValueError(f"zone {i}: unknown rule {rule!r} (expected one of {RULES})")
        geom = shape(feature["geometry"])
        if geom.geom_type not in ("Polygon", "MultiPolygon") or not geom.is_valid:
            raise ValueError(f"zone {i}: geometry must be a valid (multi)polygon")
        minx, miny, maxx, maxy = geom.bounds
        if not (-180 <= minx <= maxx <= 180 and -85 <= miny <= maxy <= 85):
            raise ValueError(f"zone {i}: coordinates out of lon/lat range")
        default_on = {"no_fishing": "fishing", "no_entry": "entry"}.get(rule, "boundary")
        zid = str(feature.get("id") or props.get("id") or f"zone-{i}")
        zones.append(
            Zone(
                id=zid,
                name=str(props.get("name", zid)),
                name_vi=str(props.get("name_vi", "")),
                rule=rule,
                alert_on=str(props.get("alert_on", default_on)),
                min_length_m=float(props.get("min_length_m", 0.0)),
                severity=str(props.get("severity", "medium")),
                geometry=_to_map(geom),
                lonlat=geom,
            )
        )
    return zones


def load_zones(path: Path) -> list[Zone]:
    """Read a zones GeoJSON file (disk: call on a worker or at start-up)."""
    with open(path, encoding="utf-8") as f:
        return parse_zones(json.load(f))


def _inside(geom: Any, bounds: tuple[float, ...], x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Vectorised point-in-polygon with a numpy bounding-box prefilter."""
    minx, miny, maxx, maxy = bounds
    cand = (x >= minx) & (x <= maxx) & (y >= miny) & (y <= maxy)
    out = np.zeros(x.shape, dtype=bool)
    idx = np.flatnonzero(cand)
    if len(idx):
        out[idx] = shapely.contains_xy(geom, x[idx], y[idx])
    return out


def ground_scale(y: np.ndarray) -> np.ndarray:
    """Metres on the ground per Web-Mercator unit at map y (cos of the latitude)."""
    lat = np.arctan(np.sinh(np.asarray(y) / EARTH_RADIUS_M))
    return np.cos(lat)


class ZoneSet:
    """The configured zones, prepared for fast fleet-wide tests. Zone i of `zones`
    (every zone except the permitted boundary) owns bit i of the membership masks."""

    def __init__(self, zones: list[Zone], warning_nm: float = 10.0) -> None:
        self.zones = [z for z in zones if z.rule != "permitted_boundary"]
        if len(self.zones) > 32:
            raise ValueError("at most 32 zones (plus the permitted boundary) are supported")
        boundaries = [z for z in zones if z.rule == "permitted_boundary"]
        self.boundary = boundaries[0] if boundaries else None
        for z in zones:
            shapely.prepare(z.geometry)
        self._bounds = [z.geometry.bounds for z in self.zones]
        self.warning_nm = warning_nm
        self._band: Any = None
        self._ring: Any = None
        if self.boundary is not None:
            poly = self.boundary.geometry
            self._ring = poly.boundary
            shapely.prepare(self._ring)
            # the band is built in map units; map units are larger than ground metres by
            # 1/cos(lat), so use the smallest cos over the area (a slightly wide band)
            ymin, ymax = poly.bounds[1], poly.bounds[3]
            scale = float(ground_scale(np.array([ymin, ymax])).min())
            width = warning_nm * METRES_PER_NM / max(scale, 0.1)
            self._band = poly.difference(poly.buffer(-width))
            shapely.prepare(self._band)

    def membership(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """uint32 bit mask per point: bit i set when inside zone i."""
        mask = np.zeros(x.shape, dtype=np.uint32)
        for i, (z, b) in enumerate(zip(self.zones, self._bounds, strict=True)):
            mask[_inside(z.geometry, b, x, y)] |= np.uint32(1 << i)
        return mask

    def inside_permitted(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        if self.boundary is None:
            return np.ones(x.shape, dtype=bool)
        return _inside(self.boundary.geometry, self.boundary.geometry.bounds, x, y)

    def near_boundary(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """Points inside the warning band just inside the permitted boundary."""
        if self._band is None:
            return np.zeros(x.shape, dtype=bool)
        return _inside(self._band, self._band.bounds, x, y)

    def boundary_distance_nm(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """Ground distance to the permitted boundary line, nautical miles."""
        if self._ring is None or len(x) == 0:
            return np.full(x.shape, np.inf)
        d = shapely.distance(self._ring, shapely.points(x, y))
        return d * ground_scale(y) / METRES_PER_NM

    def time_to_boundary_s(
        self, x: np.ndarray, y: np.ndarray, speed_kn: np.ndarray, course_deg: np.ndarray
    ) -> np.ndarray:
        """Seconds until the boundary is reached holding speed and course (inf if the
        course does not meet it within 48 h or the vessel is stopped)."""
        out = np.full(x.shape, np.inf)
        if self._ring is None or len(x) == 0:
            return out
        scale = ground_scale(y)
        reach_m = np.maximum(speed_kn, 0.0) * METRES_PER_NM * 48.0
        rad = np.radians(course_deg)
        dx = np.sin(rad) * reach_m / scale
        dy = np.cos(rad) * reach_m / scale
        moving = speed_kn > 0.1
        if not moving.any():
            return out
        idx = np.flatnonzero(moving)
        coords = np.stack(
            [
                np.column_stack([x[idx], y[idx]]),
                np.column_stack([x[idx] + dx[idx], y[idx] + dy[idx]]),
            ],
            axis=1,
        )
        rays = shapely.linestrings(coords)
        hits = shapely.intersection(rays, self._ring)
        has = ~shapely.is_empty(hits)
        if has.any():
            origin = shapely.points(x[idx][has], y[idx][has])
            d = shapely.distance(origin, hits[has]) * scale[idx][has]  # metres
            speed_ms = speed_kn[idx][has] * METRES_PER_NM / 3600.0
            out[idx[has]] = d / speed_ms
        return out


def metres_to_nm(m: float) -> float:
    return m / METRES_PER_NM


def format_eta(seconds: float) -> str:
    if not math.isfinite(seconds):
        return "—"
    h, rem = divmod(int(seconds), 3600)
    return f"{h} h {rem // 60:02d} min"

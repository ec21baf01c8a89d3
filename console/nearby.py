"""What is near an incident: cameras, the nearest hydrology station, possible duplicates.

Pure functions over domain records (no Qt, no I/O), so the inspector can call them on
the GUI thread for the few hundred records a province has, and tests can call them
directly. Distances are great-circle metres (haversine on the WGS84 mean radius):
accurate to well under 1 % at these ranges, which is all a "nearest camera" needs.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from console.model.incident import Incident

EARTH_RADIUS_M = 6_371_008.8


class _Located(Protocol):
    @property
    def lon(self) -> float: ...
    @property
    def lat(self) -> float: ...


L = TypeVar("L", bound=_Located)


@dataclass(frozen=True, slots=True)
class NearbySettings:
    """How far the inspector looks around an incident (configuration, not code)."""

    camera_count: int = 3
    camera_radius_m: float = 5000.0
    station_radius_m: float = 30000.0
    incident_radius_m: float = 3000.0
    duplicate_radius_m: float = 1000.0
    duplicate_window_s: float = 2 * 3600.0


@dataclass(frozen=True, slots=True)
class NearbyIncident:
    incident: Incident
    distance_m: float
    possible_duplicate: bool


def distance_m(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Great-circle distance in metres; NaN if any coordinate is not finite."""
    if not all(math.isfinite(v) for v in (lon1, lat1, lon2, lat2)):
        return math.nan
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


def nearest(
    items: Iterable[L], lon: float, lat: float, count: int, max_distance_m: float
) -> list[tuple[L, float]]:
    """Up to `count` items within `max_distance_m`, nearest first (ties keep input order).
    Items with unusable coordinates are never returned."""
    found = []
    for item in items:
        d = distance_m(lon, lat, item.lon, item.lat)
        if math.isfinite(d) and d <= max_distance_m:
            found.append((item, d))
    found.sort(key=lambda pair: pair[1])
    return found[: max(0, count)]


def is_possible_duplicate(a: Incident, b: Incident, radius_m: float, window_s: float) -> bool:
    """Two different open incidents of the same type, reported close in space and time."""
    if a.id == b.id or a.type != b.type or not (a.is_open and b.is_open):
        return False
    if abs(a.reported_at - b.reported_at) > window_s:
        return False
    d = distance_m(a.lon, a.lat, b.lon, b.lat)
    return math.isfinite(d) and d <= radius_m


def nearby_open_incidents(
    incident: Incident, incidents: Iterable[Incident], settings: NearbySettings
) -> list[NearbyIncident]:
    """Other open incidents within `incident_radius_m` (or flagged as duplicates), with
    possible duplicates first, then by distance."""
    radius = max(settings.incident_radius_m, settings.duplicate_radius_m)
    result = []
    for other in incidents:
        if other.id == incident.id or not other.is_open:
            continue
        d = distance_m(incident.lon, incident.lat, other.lon, other.lat)
        if not (math.isfinite(d) and d <= radius):
            continue
        dup = is_possible_duplicate(
            incident, other, settings.duplicate_radius_m, settings.duplicate_window_s
        )
        if d <= settings.incident_radius_m or dup:
            result.append(NearbyIncident(other, d, dup))
    result.sort(key=lambda n: (not n.possible_duplicate, n.distance_m))
    return result

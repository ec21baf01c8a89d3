"""Geography the simulator must respect: coast, ports, fishing grounds, islands, land zones.

These are coarse hand-made facts, good enough to keep simulated vessels at sea and
cameras/incidents on land. The console's real basemap lives in resources/; the
backend deliberately does not read it so it stays a standalone service.
"""

from __future__ import annotations

import itertools
import math
import random
from dataclasses import dataclass

# Coast of the province, (lon, lat) north -> south.
COAST: tuple[tuple[float, float], ...] = (
    (109.07, 14.70), (109.06, 14.58), (109.09, 14.47), (109.12, 14.36), (109.15, 14.25),
    (109.19, 14.13), (109.22, 14.02), (109.25, 13.93), (109.30, 13.87), (109.28, 13.80),
    (109.24, 13.76), (109.26, 13.68), (109.28, 13.60), (109.30, 13.53),
)

# Port anchor points, in water just east of the coast.
PORTS: dict[str, tuple[float, float]] = {
    "Tam Quan": (109.080, 14.570),
    "Đề Gi": (109.215, 14.120),
    "Quy Nhơn": (109.262, 13.770),
}

# Leaving port a vessel first heads due east to this meridian (clear of the coast).
OFFSHORE_WAYPOINT_LON = 109.60

KM_PER_DEG_LAT = 110.574
KM_PER_NM = 1.852


def km_per_deg_lon(lat: float) -> float:
    return 111.320 * math.cos(math.radians(lat))


def coast_lon(lat: float) -> float | None:
    """Longitude of the province coast at ``lat`` (None outside its latitude range)."""
    for (lon0, lat0), (lon1, lat1) in itertools.pairwise(COAST):
        if lat1 <= lat <= lat0:
            frac = (lat0 - lat) / (lat0 - lat1)
            return lon0 + frac * (lon1 - lon0)
    return None


def offset(lon: float, lat: float, east_km: float, north_km: float) -> tuple[float, float]:
    """Move a point by a small distance (equirectangular; fine for tens of km)."""
    return lon + east_km / km_per_deg_lon(lat), lat + north_km / KM_PER_DEG_LAT


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    mid = math.radians((a[1] + b[1]) / 2)
    dx = (b[0] - a[0]) * 111.320 * math.cos(mid)
    dy = (b[1] - a[1]) * KM_PER_DEG_LAT
    return math.hypot(dx, dy)


def bearing_deg(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Course over ground from a to b, degrees clockwise from north in [0, 360)."""
    mid = math.radians((a[1] + b[1]) / 2)
    dx = (b[0] - a[0]) * math.cos(mid)
    dy = b[1] - a[1]
    return normalise_course(math.degrees(math.atan2(dx, dy)))


def normalise_course(deg: float) -> float:
    """Wrap into [0, 360) even after rounding (360.0 is not a valid course)."""
    value = round(deg % 360.0, 1)
    return 0.0 if value >= 360.0 else value


@dataclass(frozen=True)
class Box:
    min_lon: float
    min_lat: float
    max_lon: float
    max_lat: float


# Fishing grounds (where positions should mostly be) and their share of the fleet.
GROUND_MAIN = Box(109.70, 11.50, 112.50, 15.80)
GROUND_TRUONG_SA = Box(111.50, 8.50, 114.50, 11.00)
GROUND_HOANG_SA = Box(111.00, 15.80, 112.80, 17.10)

# Islands and cays of the Hoàng Sa and Trường Sa archipelagos (and Cù Lao Xanh):
# fishing grounds keep a wide berth so no simulated fix lands on an island.
ISLANDS: tuple[tuple[float, float], ...] = (
    # Hoàng Sa
    (112.33, 16.83), (112.27, 16.98), (112.34, 16.95), (112.21, 16.95), (112.73, 16.67),
    (111.60, 16.53), (111.71, 16.45), (111.58, 16.58), (111.74, 16.46), (111.77, 16.52),
    (111.20, 15.78), (111.75, 16.05), (112.53, 16.03), (112.64, 16.29), (111.49, 16.45),
    (112.89, 16.30), (112.55, 16.06), (112.20, 16.81), (112.39, 16.79),
    # Trường Sa
    (111.92, 8.65), (112.25, 8.85), (112.87, 8.86), (112.89, 9.55), (113.70, 8.97),
    (114.33, 11.43), (114.33, 11.45), (114.36, 10.18), (114.48, 10.38), (114.36, 10.38),
    (114.33, 9.88), (114.56, 9.91), (114.41, 10.68), (114.28, 11.05), (114.08, 10.92),
    (114.28, 9.72), (114.40, 9.78), (114.22, 10.21), (113.97, 8.85), (112.35, 8.93),
    # near the coast
    (109.35, 13.62),
)


def near_island(lon: float, lat: float, km: float) -> bool:
    reach = km / KM_PER_DEG_LAT + 0.01  # cheap latitude pre-filter before the distance
    return any(
        abs(isl[1] - lat) < reach and distance_km((lon, lat), isl) < km for isl in ISLANDS
    )


# Land areas for cameras and incidents: downtown Quy Nhơn, the western wards,
# Tuy Phước / Diêu Trì. Kept clear of the Thị Nại lagoon and the shore.
CITY_ZONES: tuple[Box, ...] = (
    Box(109.190, 13.755, 109.225, 13.785),
    Box(109.165, 13.770, 109.195, 13.805),
    Box(109.145, 13.805, 109.180, 13.885),
)



def city_point(rng: random.Random) -> tuple[float, float]:
    """A random point on land in and around Quy Nhơn (downtown weighted)."""
    box = rng.choices(CITY_ZONES, weights=[3, 2, 2])[0]
    return rng.uniform(box.min_lon, box.max_lon), rng.uniform(box.min_lat, box.max_lat)


# National Road 1A through the province, south -> north, well inland of the coast.
QL1A: tuple[tuple[float, float], ...] = (
    (109.16, 13.82), (109.10, 13.90), (109.06, 14.00), (109.06, 14.10),
    (109.04, 14.20), (109.03, 14.30), (109.02, 14.40), (109.03, 14.50),
)


def on_ql1a(frac: float) -> tuple[float, float]:
    """Point at fraction ``frac`` (0 = south end) along QL1A, by vertex-chord length."""
    lengths = [distance_km(a, b) for a, b in itertools.pairwise(QL1A)]
    target = max(0.0, min(1.0, frac)) * sum(lengths)
    for (a, b), seg in zip(itertools.pairwise(QL1A), lengths, strict=True):
        if target <= seg:
            f = target / seg if seg else 0.0
            return a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1])
        target -= seg
    return QL1A[-1]

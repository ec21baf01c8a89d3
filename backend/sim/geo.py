"""Geography the simulator must respect: coast, ports, fishing grounds, land zones.

Vessels: ports, harbour routes and fishing grounds below, checked against the land
mask of `sea.py` (built from the shipped GSHHG basemap); tests check every harbour
route and every simulated fix against the basemap's land polygons. Cameras and
incidents: coarse hand-made land boxes. The backend reads no file of the console's
resources/, so it stays a standalone service.
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

@dataclass(frozen=True)
class Port:
    """A fishing port: its anchor point (the sea off the port the source describes),
    the stretch of harbour water where its vessels lie (a segment; berths are drawn
    along it), and the route from there to an offshore gate in open sea."""

    anchor: tuple[float, float]
    mooring: tuple[tuple[float, float], tuple[float, float]]
    exit: tuple[tuple[float, float], ...]  # last point: the gate, ~15-20 km offshore
    source: str

    @property
    def gate(self) -> tuple[float, float]:
        return self.exit[-1]


# Where each port is: the cited article; the anchor, mooring and route coordinates are
# read off GSHHG full-resolution shorelines (resources/basemap/land.geojson), so they
# are ours (simulated), not published figures.
PORT_INFO: dict[str, Port] = {
    "Quy Nhơn": Port(
        anchor=(109.262, 13.770),
        # the harbour basin inside the Thị Nại lagoon mouth, out through the channel
        mooring=((109.241, 13.7658), (109.256, 13.7658)),
        exit=((109.250, 13.762), (109.250, 13.750), (109.320, 13.742), (109.450, 13.742)),
        source="baophapluat.vn: 'Bình Định sẽ di dời toàn bộ tàu cá neo đậu tại cảng cá "
        "Quy Nhơn về đầm Đề Gi' (port on the Thị Nại lagoon side of Quy Nhơn, Đống Đa)",
    ),
    "Đề Gi": Port(
        anchor=(109.215, 14.120),
        mooring=((109.222, 14.106), (109.222, 14.119)),
        exit=((109.232, 14.112), (109.450, 14.112)),
        source="langngheviet.com.vn: 'Bình Định: Đến cảng cá Đề Gi, người dân vẫn đảm bảo "
        "nguồn sinh kế' (Cát Khánh commune, Phù Cát, at the Đề Gi lagoon mouth)",
    ),
    "Tam Quan": Port(
        anchor=(109.080, 14.570),
        mooring=((109.085, 14.560), (109.087, 14.571)),
        exit=((109.095, 14.566), (109.450, 14.566)),
        source="kenh14.vn 2024-03-30: 'Cảng cá Tam Quan, thị xã Hoài Nhơn, tỉnh Bình Định' "
        "(Tam Quan estuary)",
    ),
}
PORTS: dict[str, tuple[float, float]] = {name: p.anchor for name, p in PORT_INFO.items()}

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


@dataclass(frozen=True)
class Ground:
    """A fishing ground. Centres are drawn uniformly in `box`, or, with `distance_km`
    (min, mode, max; triangular) and `bearing_deg` (min, max), as a run of that length
    and bearing from the port's offshore gate, kept inside `box`."""

    box: Box
    share: float  # of the fleet that has this as its usual ground (simulated)
    note: str
    distance_km: tuple[float, float, float] | None = None
    bearing_deg: tuple[float, float] | None = None


# Where Bình Định's offshore fleet (vessels >= 15 m may fish only beyond the inshore
# zone, Luật Thủy sản 2017 art. 44-45; resources/config/zones.geojson puts its outer
# line at ~24 nm, <= 109.72 E) works. Sources for the grounds: Hoàng Sa, Trường Sa and
# DK1 as the traditional ocean-tuna grounds of the central provinces (vientauthuy.com.vn,
# 'Đề suất mô hình Cụm 1 Tàu mẹ - 5 Tàu con'); ocean tuna ~185 km offshore, Bình Định
# leading the country's catch (kenh14.vn 2024-03-30); Bình Định's tuna longline fleet
# (Trần Nam Chung, Nha Trang University MSc thesis, 2011). The box edges and the
# shares are simulated.
GROUNDS: dict[str, Ground] = {
    "shelf": Ground(
        Box(109.85, 12.50, 110.60, 15.50), 0.30,
        "outer shelf and slope off the south-central coast, beyond the inshore zone",
    ),
    "central": Ground(
        Box(110.30, 11.50, 113.30, 15.80), 0.55,
        "central East Sea (giữa Biển Đông): ocean tuna longline and handline; trips "
        "centred ~185 km out (kenh14.vn), east to south-east of the home port",
        distance_km=(110.0, 185.0, 380.0),
        bearing_deg=(50.0, 130.0),
    ),
    "hoang_sa": Ground(Box(111.00, 15.80, 112.80, 17.10), 0.05, "around Hoàng Sa"),
    "truong_sa": Ground(Box(111.50, 8.50, 114.50, 11.00), 0.10, "around Trường Sa"),
}
# A fishing trip wanders at most this far from its ground's centre (see vessels.py);
# a ground is used only if no land lies within it plus a margin.
FISHING_RADIUS_KM = 27.0
GROUND_CLEARANCE_KM = FISHING_RADIUS_KM + 3.0

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

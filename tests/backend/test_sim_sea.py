"""The simulated fleet stays at sea by the shipped basemap's land polygons, its harbours
and routes are water, and the simulator's land mask agrees with the polygons.

No HTTP: the fleet model is exercised directly over many simulated days.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import numpy as np
import pytest
import shapely
from shapely.geometry import LineString, Point, shape

from backend.sim import geo
from backend.sim.sea import LandMask, land_mask
from backend.sim.vessels import Fleet

BASEMAP = Path(__file__).resolve().parents[2] / "resources" / "basemap"
T0 = 1_750_000_000.0
DAY = 86_400.0


@cache
def land():
    """The shipped land polygons, with the archipelagos' islets."""
    parts = []
    for name in ("land", "archipelagos"):
        doc = json.loads((BASEMAP / f"{name}.geojson").read_text(encoding="utf-8"))
        parts += [
            shape(f["geometry"])
            for f in doc["features"]
            if f["geometry"]["type"] in ("Polygon", "MultiPolygon")
            and f["properties"]["kind"] in ("land", "island")
        ]
    land = shapely.union_all(parts)
    shapely.prepare(land)
    return land


@pytest.fixture(scope="module")
def fixes():
    """Every report of 600 vessels over 40 simulated days (one fix per 2 h each)."""
    fleet = Fleet(seed=7, count=600, interval_s=7200, anchor=T0)
    out = []
    for day in range(40):
        out += fleet.fixes_between(T0 + day * DAY, T0 + (day + 1) * DAY)
    return fleet, np.array([(f.lon, f.lat) for f in out]), np.array([f.in_port for f in out])


def test_every_simulated_position_is_at_sea(fixes):
    _fleet, pts, in_port = fixes
    assert len(pts) > 150_000 and in_port.any() and (~in_port).any()
    on_land = shapely.contains_xy(land(), pts[:, 0], pts[:, 1])
    assert not on_land.any(), pts[on_land][:10].tolist()


def test_fleet_uses_every_ground_and_all_three_ports(fixes):
    fleet, pts, in_port = fixes
    assert {i.home_port for i in fleet.infos} == {"Quy Nhơn", "Đề Gi", "Tam Quan"}
    at_sea = pts[~in_port]
    shares = {}
    for name, ground in geo.GROUNDS.items():
        b = ground.box
        inside = (
            (at_sea[:, 0] >= b.min_lon - 0.3)
            & (at_sea[:, 0] <= b.max_lon + 0.3)
            & (at_sea[:, 1] >= b.min_lat - 0.3)
            & (at_sea[:, 1] <= b.max_lat + 0.3)
        )
        shares[name] = inside.mean()
    # not a uniform rectangle: every ground is worked, the central East Sea most
    assert all(share > 0.02 for share in shares.values()), shares
    assert shares["central"] == max(shares.values()), shares
    # >= 15 m vessels do not work the inshore zone (outer line <= 109.72 E): only
    # transits cross it, so few fixes lie there
    inshore = (at_sea[:, 0] < 109.72) & (at_sea[:, 1] > 13.4) & (at_sea[:, 1] < 14.75)
    assert inshore.mean() < 0.05


@pytest.mark.parametrize("port", list(geo.PORT_INFO))
def test_harbour_mooring_and_route_to_the_offshore_gate_are_water(port):
    info = geo.PORT_INFO[port]
    mooring = LineString(info.mooring)
    # berths lie within MOORING_JITTER_DEG (5e-4) of the mooring line
    assert not mooring.buffer(6e-4).intersects(land()), port
    for berth in (info.mooring[0], info.mooring[1]):
        route = LineString([berth, *info.exit])
        assert not route.intersects(land()), (port, berth)
    assert not Point(info.anchor).intersects(land())
    assert not land_mask().point_is_land(*info.gate, grow=1)  # open sea: the mask agrees


def test_backend_ports_are_the_basemap_ports():
    doc = json.loads((BASEMAP / "places.geojson").read_text(encoding="utf-8"))
    ports = {
        f["properties"]["name_vi"]: tuple(f["geometry"]["coordinates"])
        for f in doc["features"]
        if f["properties"]["kind"] == "port"
    }
    for name, info in geo.PORT_INFO.items():
        assert ports[f"Cảng cá {name}"] == info.anchor
        assert len(info.source) > 20


def test_land_mask_covers_every_land_polygon():
    """Conservative: any point of land falls in a cell the mask calls land."""
    rng = np.random.default_rng(3)
    mask = land_mask()
    polys = [p for p in shapely.get_parts(land()) if p.area > 0]
    pts = []
    for p in polys[:: max(1, len(polys) // 300)]:
        xs = np.asarray(p.exterior.coords)
        pts.append(xs[rng.integers(0, len(xs), size=min(len(xs), 50))])
        pts.append(np.asarray(p.representative_point().coords))
    pts = np.vstack(pts)
    assert mask.is_land(pts[:, 0], pts[:, 1]).all()
    assert not mask.is_land(np.array([111.5, 110.0]), np.array([13.5, 12.0])).any()  # open sea


def test_segment_check_catches_a_leg_across_an_island():
    mask = land_mask()
    # Cù Lao Xanh lies across this east-west run; just south of it the sea is open
    assert not mask.segment_at_sea((109.30, 13.612), (109.42, 13.612))
    assert mask.segment_at_sea((109.45, 13.742), (111.5, 13.5))


def test_grown_mask_covers_the_disc():
    land = np.zeros((50, 50), dtype=bool)
    land[25, 25] = True
    mask = LandMask(land, (100.0, 10.0, 100.5, 10.5), 0.01)
    k = mask.cells_for_km(5.0, 10.25)
    grown = mask.grown(k)
    assert grown[25 - k : 26 + k, 25 - k : 26 + k].all()
    assert grown.sum() == (2 * k + 1) ** 2
    assert not mask.clear_disc(100.255 + 4.5 / 109.5, 10.255, 5.0)
    assert mask.clear_disc(100.255 + 0.2, 10.255, 5.0)


def test_grown_mask_is_the_max_filter_at_the_edges_too():
    """Every cell within k cells (either axis) of land is land; nothing else is, on a
    random mask whose land touches the raster's edges."""

    rng = np.random.default_rng(5)
    land = rng.random((37, 41)) < 0.02
    land[0, 3] = land[36, 40] = True  # land on the edges
    mask = LandMask(land, (0.0, 0.0, 41.0, 37.0), 1.0)
    for k in (1, 2, 5, 12):
        expected = np.zeros_like(land)
        for r, c in zip(*np.nonzero(land), strict=True):
            expected[max(0, r - k) : r + k + 1, max(0, c - k) : c + k + 1] = True
        assert np.array_equal(mask.grown(k), expected), k

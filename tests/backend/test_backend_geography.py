"""Where things are: vessels at sea (never on land), gauges and cameras inland, the storm."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import numpy as np
import pytest

from console.sources import wire

BASEMAP = Path(__file__).resolve().parents[2] / "resources" / "basemap"
LAND = BASEMAP / "land.geojson"
ARCHIPELAGOS = BASEMAP / "archipelagos.geojson"
WATER = BASEMAP / "water.geojson"
# The province coast from the design brief, (lon, lat) north -> south.
COAST = [
    (109.07, 14.70), (109.06, 14.58), (109.09, 14.47), (109.12, 14.36), (109.15, 14.25),
    (109.19, 14.13), (109.22, 14.02), (109.25, 13.93), (109.30, 13.87), (109.28, 13.80),
    (109.24, 13.76), (109.26, 13.68), (109.28, 13.60), (109.30, 13.53),
]
PORTS = {"Tam Quan": (109.080, 14.570), "Đề Gi": (109.215, 14.120), "Quy Nhơn": (109.262, 13.770)}


def coast_lon(lat: float) -> float | None:
    for (lon0, lat0), (lon1, lat1) in itertools.pairwise(COAST):
        if lat1 <= lat <= lat0:
            return lon0 + (lat0 - lat) / (lat0 - lat1) * (lon1 - lon0)
    return None


def port_area_points() -> list[tuple[float, float]]:
    """Points over each port's mooring area: along its mooring line, +-60 m."""
    from backend.sim import geo

    points = []
    for port in geo.PORT_INFO.values():
        (ax, ay), (bx, by) = port.mooring
        for f in np.linspace(0.0, 1.0, 9):
            for d in (-6e-4, 0.0, 6e-4):
                points.append((ax + f * (bx - ax) + d, ay + f * (by - ay) - d))
    return points


@pytest.fixture(scope="module")
def fleet(api, url) -> wire.VesselCollection:
    return wire.VesselCollection.model_validate(api.get(url("/api/v1/vessels")).json())


@pytest.fixture(scope="module")
def sample_track_points(api, url, fleet) -> list[tuple[float, float]]:
    """Track points of vessels near the coast (leaving / entering port) and some others."""
    near = [f for f in fleet.features if f.geometry.coordinates[0] < 109.7][:80]
    points = []
    for f in near + fleet.features[:20]:
        track = api.get(url(f"/api/v1/vessels/{f.id}/track")).json()
        points.extend(zip(track["lon"], track["lat"], strict=True))
    return points


def test_in_port_vessels_moor_in_their_harbour(fleet):
    from backend.sim import geo

    in_port = [f for f in fleet.features if f.properties.status == "in_port"]
    assert len(in_port) > 100
    for f in in_port:
        lon, lat = f.geometry.coordinates
        plon, plat = PORTS[f.properties.home_port]
        (ax, ay), (bx, by) = geo.PORT_INFO[f.properties.home_port].mooring
        # within ~2.5 km of the port's anchor point and ~60 m of its mooring line
        assert np.hypot((lon - plon) * 108.0, (lat - plat) * 110.6) <= 2.5
        assert min(ax, bx) - 6e-4 <= lon <= max(ax, bx) + 6e-4
        assert min(ay, by) - 6e-4 <= lat <= max(ay, by) + 6e-4


def test_fishing_grounds(fleet):
    coords = np.array([f.geometry.coordinates for f in fleet.features])
    assert coords[:, 0].max() < 115.0 and coords[:, 1].min() > 8.0 and coords[:, 1].max() < 17.5
    truong_sa = ((coords[:, 0] > 111.3) & (coords[:, 1] < 11.2)).mean()
    hoang_sa = (coords[:, 1] > 15.8).mean()
    assert 0.04 < truong_sa < 0.16
    assert 0.01 < hoang_sa < 0.10


def _polygons(path: Path, kinds: set[str] | None = None):
    """Union of a GeoJSON file's (Multi)Polygons, optionally only features of some kinds."""
    import shapely
    from shapely.geometry import shape

    doc = json.loads(path.read_text(encoding="utf-8"))
    return shapely.union_all([
        shape(f["geometry"]) for f in doc["features"]
        if f["geometry"]["type"] in {"Polygon", "MultiPolygon"}
        and (kinds is None or f.get("properties", {}).get("kind") in kinds)
    ])


def test_no_vessel_position_is_on_land(fleet, sample_track_points):
    import shapely

    land = _polygons(LAND)
    if ARCHIPELAGOS.exists():  # the islands of Hoàng Sa / Trường Sa are land too
        land = shapely.union(land, _polygons(ARCHIPELAGOS, {"island"}))
    points = np.array([f.geometry.coordinates for f in fleet.features]
                      + sample_track_points + port_area_points())
    on_land = shapely.contains_xy(land, points[:, 0], points[:, 1])
    assert not on_land.any(), points[on_land][:10].tolist()


def test_cameras_incidents_and_gauges_are_on_land(api, url):
    import shapely

    land = _polygons(LAND)
    water = _polygons(WATER) if WATER.exists() else shapely.Polygon()
    for name in ("stations", "cameras", "incidents"):
        feats = api.get(url(f"/api/v1/{name}")).json()["features"]
        pts = np.array([f["geometry"]["coordinates"] for f in feats])
        wet = ~shapely.contains_xy(land, pts[:, 0], pts[:, 1])
        wet |= shapely.contains_xy(water, pts[:, 0], pts[:, 1])
        assert not wet.any(), (name, pts[wet][:5].tolist())


def test_gauges_and_cameras_are_inland(api, url):
    for name in ("stations", "cameras", "incidents"):
        for f in api.get(url(f"/api/v1/{name}")).json()["features"]:
            lon, lat = f["geometry"]["coordinates"]
            coast = coast_lon(lat)
            assert coast is not None and lon < coast, (name, f["id"], lon, lat)


def test_storm_has_rivers_above_bd1_and_rising_at_start(api, url):
    doc = wire.StationCollection.model_validate(api.get(url("/api/v1/stations")).json())
    above = [f for f in doc.features if f.properties.alarm_levels
             and f.properties.latest_value is not None
             and f.properties.latest_value > f.properties.alarm_levels[0]]
    assert above
    names = {f.properties.name for f in above}
    assert {"Thạnh Hòa", "Bồng Sơn"} <= names
    for code in ("TV-THANHHOA", "TV-BONGSON"):
        series = api.get(url(f"/api/v1/stations/{code}/observations")).json()
        values = [v for v in series["value"][-13:] if v is not None]
        assert values[-1] > values[0], f"{code} should be rising"

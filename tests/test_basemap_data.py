"""Checks on the shipped offline province basemap (resources/basemap/*.geojson).

Pure data tests: json + shapely + pyproj, no Qt.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest
from pyproj import Geod
from shapely.geometry import LineString, Point, box, shape
from shapely.geometry.polygon import orient
from shapely.ops import nearest_points, unary_union

BASEMAP = Path(__file__).resolve().parent.parent / "resources" / "basemap"
FILES = ("land", "province", "water", "rivers", "places", "archipelagos")
SOURCE = (
    "hand-made approximate geometry for the IOC Console demo; "
    "replace with official layers by configuration"
)
PORTS = {
    "Cảng cá Tam Quan": (109.080, 14.570),
    "Cảng cá Đề Gi": (109.215, 14.120),
    "Cảng cá Quy Nhơn": (109.262, 13.770),
}
GEOD = Geod(ellps="WGS84")


@cache
def load(name: str) -> dict:
    return json.loads((BASEMAP / f"{name}.geojson").read_text(encoding="utf-8"))


def features(name: str, kind: str | None = None) -> list[dict]:
    return [f for f in load(name)["features"] if kind is None or f["properties"]["kind"] == kind]


@cache
def land():
    return unary_union([shape(f["geometry"]) for f in features("land")])


def metres(a: Point, b: Point) -> float:
    return GEOD.inv(a.x, a.y, b.x, b.y)[2]


def distance_to_land_m(pt: Point) -> float:
    near_land, near_pt = nearest_points(land(), pt)
    return metres(near_land, near_pt)


def geodesic_length_m(line: LineString) -> float:
    return GEOD.geometry_length(line)


def iter_positions(coords):
    if isinstance(coords[0], (int, float)):
        yield coords
    else:
        for c in coords:
            yield from iter_positions(c)


# ---------------------------------------------------------------- structure


@pytest.mark.parametrize("name", FILES)
def test_file_is_feature_collection_with_disclaimer(name):
    fc = load(name)
    assert fc["type"] == "FeatureCollection"
    assert fc["source"] == SOURCE
    assert fc["features"], f"{name} has no features"


@pytest.mark.parametrize("name", FILES)
def test_features_have_names_kind_and_valid_geometry(name):
    for f in features(name):
        assert f["type"] == "Feature"
        props = f["properties"]
        for key in ("name_vi", "name_en", "kind"):
            assert isinstance(props.get(key), str), (name, key, props)
        assert props["kind"], (name, props)
        geom = shape(f["geometry"])
        assert geom.is_valid, (name, props)
        assert not geom.is_empty, (name, props)
        minx, miny, maxx, maxy = geom.bounds
        assert 100 <= minx <= maxx <= 120, (name, props, geom.bounds)
        assert 5 <= miny <= maxy <= 20, (name, props, geom.bounds)


@pytest.mark.parametrize("name", FILES)
def test_coordinates_are_lon_lat_rounded_to_4_decimals(name):
    for f in features(name):
        for pos in iter_positions(f["geometry"]["coordinates"]):
            assert len(pos) == 2
            for v in pos:
                assert round(v, 4) == v, (name, f["properties"], pos)


@pytest.mark.parametrize("name", ["land", "province", "water", "archipelagos"])
def test_polygon_rings_follow_rfc7946_winding(name):
    for f in features(name):
        geom = shape(f["geometry"])
        if geom.geom_type == "Polygon":
            assert orient(geom, 1.0).equals_exact(geom, 0), (name, f["properties"])


def test_kinds_per_file():
    expected = {
        "land": {"land"},
        "province": {"province"},
        "water": {"lagoon", "lake", "reservoir"},
        "rivers": {"river"},
        "places": {"city", "town", "port", "island"},
        "archipelagos": {"archipelago", "island", "archipelago_area"},
    }
    for name, kinds in expected.items():
        assert {f["properties"]["kind"] for f in features(name)} <= kinds, name


# ---------------------------------------------------------------- coast and ports


@pytest.mark.parametrize("name", list(PORTS))
def test_port_anchor_is_in_water_away_from_land(name):
    pt = Point(PORTS[name])
    assert not land().intersects(pt)
    assert distance_to_land_m(pt) >= 300


@pytest.mark.parametrize("name", list(PORTS))
def test_port_places_match_anchor_points(name):
    ports = {f["properties"]["name_vi"]: f for f in features("places", "port")}
    assert name in ports
    assert tuple(ports[name]["geometry"]["coordinates"]) == PORTS[name]


@pytest.mark.parametrize("name", list(PORTS))
def test_eastward_route_from_port_stays_at_sea(name):
    lon, lat = PORTS[name]
    assert not land().intersects(LineString([(lon, lat), (109.60, lat)]))


def test_no_land_far_east_of_the_mainland_coast():
    # Only the archipelago islets (archipelagos.geojson) lie east of 109.55E at these latitudes.
    open_sea = box(109.55, 8.0, 120.0, 17.5)
    for f in features("land"):
        assert not shape(f["geometry"]).intersects(open_sea), f["properties"]


def test_mainland_reaches_from_da_nang_to_vung_tau():
    minx, miny, maxx, maxy = land().bounds
    assert miny <= 10.35
    assert maxy >= 17.1
    assert minx <= 107.0
    # Mũi Điện / Mũi Đôi, the easternmost mainland points, are near 109.46E.
    assert 109.43 <= maxx <= 109.5


def test_near_shore_islands_present():
    for lon, lat in [(109.12, 15.38), (109.35, 13.61), (109.28, 12.21), (108.94, 10.52)]:
        assert land().contains(Point(lon, lat)), (lon, lat)


def test_thi_nai_lagoon_is_water_and_opens_to_the_sea():
    lagoon = [f for f in features("water", "lagoon") if "Thị Nại" in f["properties"]["name_vi"]]
    assert len(lagoon) == 1
    centre = shape(lagoon[0]["geometry"]).representative_point()
    assert not land().contains(centre)


# ---------------------------------------------------------------- province, water, rivers


def test_province_is_one_polygon_inside_land():
    provs = features("province", "province")
    assert len(provs) == 1
    props = provs[0]["properties"]
    assert "Bình Định" in props["name_vi"]
    assert "Gia Lai" in props["name_en"]
    prov = shape(provs[0]["geometry"])
    assert prov.geom_type == "Polygon"
    assert prov.intersection(land()).area >= 0.99 * prov.area
    minx, miny, maxx, maxy = prov.bounds
    assert 108.5 <= minx <= 108.9
    assert 13.4 <= miny <= 13.65
    assert 14.6 <= maxy <= 14.8
    assert 109.25 <= maxx <= 109.35


def test_named_water_bodies_present():
    names = " ".join(f["properties"]["name_vi"] for f in features("water"))
    for name in (
        "Thị Nại",
        "Đề Gi",
        "Trà Ổ",
        "Định Bình",
        "Núi Một",
        "Hội Sơn",
        "Vạn Hội",
        "Thuận Ninh",
        "Hố Hầm",
    ):
        assert name in names, name


def test_lakes_and_reservoirs_lie_on_land():
    for kind in ("lake", "reservoir"):
        for f in features("water", kind):
            assert land().contains(shape(f["geometry"])), f["properties"]


def test_rivers_run_on_land():
    for f in features("rivers", "river"):
        line = shape(f["geometry"])
        on_land = line.intersection(land())
        assert on_land.length >= 0.95 * line.length, f["properties"]


def test_rivers_end_at_the_coast_a_lagoon_or_another_river():
    rivers = features("rivers", "river")
    shore = land().boundary
    for f in rivers:
        end = Point(f["geometry"]["coordinates"][-1])
        near_shore = metres(*nearest_points(shore, end)) <= 300
        others = [shape(g["geometry"]) for g in rivers if g is not f]
        joins_river = any(o.distance(end) < 1e-6 for o in others)
        assert near_shore or joins_river, f["properties"]


def test_main_rivers_present():
    names = " ".join(f["properties"]["name_vi"] for f in features("rivers"))
    for name in ("Kôn", "Hà Thanh", "Lại Giang", "An Lão", "La Tinh"):
        assert name in names, name


# ---------------------------------------------------------------- places


def test_towns_and_cities_lie_on_land():
    for kind in ("city", "town"):
        for f in features("places", kind):
            assert land().contains(shape(f["geometry"])), f["properties"]


def test_quy_nhon_city_position():
    cities = [f for f in features("places", "city") if f["properties"]["name_vi"] == "Quy Nhơn"]
    assert len(cities) == 1
    assert metres(shape(cities[0]["geometry"]), Point(109.22, 13.77)) <= 3000


def test_expected_places_present():
    names = {f["properties"]["name_vi"] for f in features("places")}
    for name in (
        "Quy Nhơn",
        "An Nhơn",
        "Tam Quan",
        "Phù Mỹ",
        "Tuy Phước",
        "Vân Canh",
        "Vĩnh Thạnh",
        "An Lão",
        "Quảng Ngãi",
        "Tuy Hòa",
        "Nha Trang",
        "Đà Nẵng",
        "Phan Thiết",
        "Pleiku",
        "Cù Lao Xanh",
        "Lý Sơn",
    ):
        assert name in names, name


# ---------------------------------------------------------------- Hoàng Sa / Trường Sa


@pytest.mark.parametrize(
    ("vi", "en", "lon_lat"),
    [
        ("Quần đảo Hoàng Sa (Việt Nam)", "Hoang Sa Archipelago (Viet Nam)", (111.8, 16.5)),
        ("Quần đảo Trường Sa (Việt Nam)", "Truong Sa Archipelago (Viet Nam)", (114.2, 9.8)),
    ],
)
def test_archipelagos_are_shown_and_named_as_vietnamese(vi, en, lon_lat):
    labels = [
        f for f in features("archipelagos", "archipelago") if f["properties"]["name_vi"] == vi
    ]
    assert len(labels) == 1
    label = labels[0]
    assert label["properties"]["name_en"] == en
    assert "(Việt Nam)" in label["properties"]["name_vi"]
    assert "(Viet Nam)" in label["properties"]["name_en"]
    assert label["geometry"]["type"] == "Point"
    assert metres(shape(label["geometry"]), Point(lon_lat)) <= 50_000

    areas = [
        f for f in features("archipelagos", "archipelago_area") if f["properties"]["name_vi"] == vi
    ]
    assert len(areas) == 1
    area = shape(areas[0]["geometry"])
    islands = [
        shape(f["geometry"])
        for f in features("archipelagos", "island")
        if area.contains(shape(f["geometry"]))
    ]
    assert len(islands) >= 5
    for isl in islands:
        assert isl.geom_type == "Polygon"
        assert 0.05e6 <= abs(GEOD.geometry_area_perimeter(isl)[0]) <= 5e6  # m², shows when zoomed


def test_every_archipelago_island_is_inside_its_area():
    areas = [shape(f["geometry"]) for f in features("archipelagos", "archipelago_area")]
    for f in features("archipelagos", "island"):
        assert any(a.contains(shape(f["geometry"])) for a in areas), f["properties"]


def test_named_archipelago_islands_present():
    names = {f["properties"]["name_vi"] for f in features("archipelagos", "island")}
    for name in (
        "Phú Lâm",
        "Hoàng Sa",
        "Tri Tôn",
        "Linh Côn",
        "Quang Ảnh",
        "Trường Sa Lớn",
        "Song Tử Tây",
        "Nam Yết",
        "Sơn Ca",
        "Sinh Tồn",
        "An Bang",
        "Ba Bình",
        "Thị Tứ",
    ):
        assert any(name in n for n in names), name

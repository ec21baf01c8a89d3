"""Checks on the shipped offline basemap (resources/basemap/*.geojson), built from GSHHG,
Natural Earth and GeoNames by `python -m resources.basemap.build`.

Pure data tests: json + shapely + pyproj, no Qt. Reference positions are independent
of the build's inputs where possible (Quy Nhơn 13.776 N 109.224 E is the figure the
issue gives; areas are the official ones).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import numpy as np
import pytest
import shapely
import shapely.ops
from pyproj import Geod
from shapely.geometry import Point, box, shape
from shapely.geometry.polygon import orient

BASEMAP = Path(__file__).resolve().parent.parent / "resources" / "basemap"
FILES = (
    "land",
    "land_overview",
    "province",
    "water",
    "rivers",
    "roads",
    "places",
    "archipelagos",
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
    return shapely.union_all([shape(f["geometry"]) for f in features("land")])


@cache
def land_within(deg: float):
    """Land grown by ``deg`` (for lines and outlines simplified a little differently)."""
    return land().buffer(deg)


def metres(a: Point, b: Point) -> float:
    return GEOD.inv(a.x, a.y, b.x, b.y)[2]


def km2(geom) -> float:
    return abs(GEOD.geometry_area_perimeter(geom)[0]) / 1e6


def iter_positions(coords):
    if isinstance(coords[0], (int, float)):
        yield coords
    else:
        for c in coords:
            yield from iter_positions(c)


def named(name: str, kind: str, name_vi: str) -> dict:
    found = [f for f in features(name, kind) if name_vi in f["properties"]["name_vi"]]
    assert found, (name, kind, name_vi)
    return found[0]


# ---------------------------------------------------------------- structure, sources


@pytest.mark.parametrize("name", FILES)
def test_file_names_its_public_source_and_attribution(name):
    fc = load(name)
    assert fc["type"] == "FeatureCollection"
    assert fc["features"], f"{name} has no features"
    assert any(src in fc["source"] for src in ("GSHHG", "Natural Earth", "GeoNames", "WDBII"))
    for credit in ("GSHHG", "Natural Earth", "GeoNames"):
        assert credit in fc["attribution"]


def test_sources_document_exists_and_names_licences():
    text = (BASEMAP / "SOURCES.md").read_text(encoding="utf-8")
    for word in ("GSHHG", "LGPL", "Natural Earth", "public domain", "GeoNames", "CC BY 4.0"):
        assert word in text, word
    assert "python -m resources.basemap.build" in text


def test_shipped_basemap_stays_small():
    total = sum((BASEMAP / f"{name}.geojson").stat().st_size for name in FILES)
    assert total < 3_000_000, total


@pytest.mark.parametrize("name", FILES)
def test_features_have_names_kind_and_valid_geometry(name):
    for f in features(name):
        props = f["properties"]
        for key in ("name_vi", "name_en", "kind"):
            assert isinstance(props.get(key), str), (name, key, props)
        geom = shape(f["geometry"])
        assert geom.is_valid, (name, props)
        assert not geom.is_empty, (name, props)
        minx, miny, maxx, maxy = geom.bounds
        assert 104 <= minx <= maxx <= 118, (name, props, geom.bounds)
        assert 6 <= miny <= maxy <= 19, (name, props, geom.bounds)


@pytest.mark.parametrize("name", FILES)
def test_coordinates_are_lon_lat_rounded_to_5_decimals(name):
    for f in features(name):
        for pos in iter_positions(f["geometry"]["coordinates"]):
            assert len(pos) == 2
            for v in pos:
                assert round(v, 5) == v, (name, f["properties"], pos)


@pytest.mark.parametrize("name", ["land", "land_overview", "province", "water", "archipelagos"])
def test_polygon_rings_follow_rfc7946_winding(name):
    for f in features(name):
        geom = shape(f["geometry"])
        parts = [geom] if geom.geom_type == "Polygon" else list(getattr(geom, "geoms", []))
        for part in parts:
            if part.geom_type == "Polygon":
                assert orient(part, 1.0).equals_exact(part, 0), (name, f["properties"])


def test_kinds_per_file():
    expected = {
        "land": {"land"},
        "land_overview": {"land"},
        "province": {"province", "province_historic"},
        "water": {"lagoon", "lake", "reservoir"},
        "rivers": {"river"},
        "roads": {"road"},
        "places": {"city", "town", "port", "island"},
        "archipelagos": {"archipelago", "island", "archipelago_area"},
    }
    for name, kinds in expected.items():
        assert {f["properties"]["kind"] for f in features(name)} <= kinds, name


# ---------------------------------------------------------------- coast at Quy Nhơn scale


def test_thi_nai_lagoon_is_water_open_to_the_sea():
    label = shape(named("water", "lagoon", "Thị Nại")["geometry"])
    assert not land().contains(label)
    # the lagoon's water and the open sea east of the peninsula are one piece of sea
    frame = box(108.9, 13.5, 109.6, 14.0)
    sea = frame.difference(land())
    piece = next(p for p in shapely.get_parts(sea) if p.contains(label))
    assert piece.contains(Point(109.5, 13.75))
    # and the lagoon is a lagoon: at its latitude, land lies both west and east of it
    assert land().contains(Point(label.x - 0.04, label.y))
    assert land().contains(Point(label.x + 0.05, label.y))


def test_phuong_mai_peninsula_is_land_joined_to_the_mainland():
    mainland = max(shapely.get_parts(land()), key=lambda p: p.area)
    for lon, lat in [(109.28, 13.86), (109.28, 13.79), (109.27, 13.90)]:
        assert mainland.contains(Point(lon, lat)), (lon, lat)


def test_quy_nhon_harbour_channel_is_water():
    # the Thị Nại lagoon mouth between the Quy Nhơn spit and the peninsula
    assert not land().contains(Point(109.255, 13.765))


@pytest.mark.parametrize(
    ("name_vi", "lon_lat"),
    [("Cù Lao Xanh", (109.35, 13.611)), ("Hòn Khô", (109.30, 13.87)), ("Lý Sơn", (109.118, 15.38))],
)
def test_near_shore_islands_are_separate_land(name_vi, lon_lat):
    mainland = max(shapely.get_parts(land()), key=lambda p: p.area)
    label = shape(named("places", "island", name_vi)["geometry"])
    assert metres(label, Point(lon_lat)) <= 3000
    island = next(p for p in shapely.get_parts(land()) if p.contains(label))
    assert island is not mainland and not island.equals(mainland)
    assert km2(island) < 15


def test_province_coast_keeps_full_resolution_detail():
    """GSHHG full resolution has a vertex every ~100-200 m; the shipped detail must not
    be simplified much beyond that (a coarse coast keeps the lagoon but loses its shape)."""
    mainland = max(shapely.get_parts(land()), key=lambda p: p.area)
    c = shapely.get_coordinates(mainland.exterior)
    inside = (
        (c[:-1, 0] > 108.9) & (c[:-1, 0] < 109.5) & (c[:-1, 1] > 13.4) & (c[:-1, 1] < 14.75)
    )
    seg_km = np.hypot(np.diff(c[:, 0]) * 108.0, np.diff(c[:, 1]) * 110.6)[inside]
    assert len(seg_km) > 1500
    assert np.median(seg_km) < 0.2
    assert seg_km.sum() > 350  # km of mainland shore incl. Thị Nại / Đề Gi lagoons


@pytest.mark.parametrize("name", list(PORTS))
def test_port_anchor_is_in_water_away_from_land(name):
    pt = Point(PORTS[name])
    assert not land().intersects(pt)
    near, _ = shapely.ops.nearest_points(land(), pt)
    assert metres(near, pt) >= 200


@pytest.mark.parametrize("name", list(PORTS))
def test_port_places_match_anchor_points_and_cite_a_source(name):
    port = named("places", "port", name)
    assert tuple(port["geometry"]["coordinates"]) == PORTS[name]
    assert len(port["properties"]["position_source"]) > 20


def test_no_mainland_far_out_at_sea():
    # east of 109.55 E between Quảng Ngãi and Khánh Hòa there are only islets
    for p in shapely.get_parts(land().intersection(box(109.55, 11.5, 112.0, 15.5))):
        assert km2(p) < 1, p.bounds


def test_overview_land_follows_the_detailed_coast():
    overview = shapely.union_all([shape(f["geometry"]) for f in features("land_overview")])
    # every sizeable island of the detailed land is in the overview, within ~500 m
    for p in shapely.get_parts(land()):
        if km2(p) > 5:
            assert overview.intersects(p.representative_point())
    # the mainland coast of the province moves by less than ~550 m
    frame = box(108.9, 13.5, 109.5, 14.2)
    coarse = max(shapely.get_parts(overview), key=lambda p: p.area).intersection(frame)
    fine = max(shapely.get_parts(land()), key=lambda p: p.area).intersection(frame)
    assert shapely.hausdorff_distance(coarse, fine) < 0.005


# ---------------------------------------------------------------- province


def test_new_gia_lai_is_the_union_of_the_two_former_provinces():
    prov = named("province", "province", "Gia Lai")
    props = prov["properties"]
    assert "1/7/2025" in props["name_vi"] and "1 July 2025" in props["name_en"]
    geom = shape(prov["geometry"])
    # official area of the new Gia Lai: 21,576.5 km² (Resolution 202/2025/QH15);
    # Natural Earth 10 m lines are good to a few per cent
    assert 20_500 <= km2(geom) <= 22_700
    for town, xy in {
        "Quy Nhơn": (109.2237, 13.7765),
        "Pleiku": (108.0, 13.9833),
        "An Khê": (108.65, 13.95),
        "Bồng Sơn": (109.0156, 14.4291),
        "Cù Lao Xanh": (109.355, 13.612),
    }.items():
        assert geom.buffer(0.005).contains(Point(xy)), town
    for outside in [(108.0076, 14.3545), (109.3209, 13.0955), (108.8, 15.12)]:  # Kon Tum,
        assert not geom.contains(Point(outside)), outside  # Tuy Hòa, Quảng Ngãi
    assert geom.difference(land_within(1e-4)).area < 1e-3 * geom.area  # coast is GSHHG's


def test_former_binh_dinh_is_a_labelled_historic_outline_inside_the_new_province():
    old = named("province", "province_historic", "Bình Định")
    props = old["properties"]
    assert "trước 1/7/2025" in props["name_vi"] and "before 1 July 2025" in props["name_en"]
    geom = shape(old["geometry"])
    assert 5_700 <= km2(geom) <= 6_500  # official 6,066 km²
    new = shape(named("province", "province", "Gia Lai")["geometry"])
    assert geom.difference(new).area < 1e-3 * geom.area
    assert geom.contains(Point(109.108, 13.886))  # An Nhơn
    assert not geom.contains(Point(108.0, 13.983))  # Pleiku
    for f in features("province"):
        lon, lat = f["properties"]["label_at"]
        assert shape(f["geometry"]).contains(Point(lon, lat)), f["properties"]["kind"]


# ---------------------------------------------------------------- water, rivers, roads


def test_named_water_bodies_present():
    names = " ".join(f["properties"]["name_vi"] for f in features("water"))
    for name in ("Thị Nại", "Đề Gi", "Định Bình", "Núi Một", "Thuận Ninh"):
        assert name in names, name


def test_lakes_and_reservoirs_lie_on_land():
    for kind in ("lake", "reservoir"):
        for f in features("water", kind):
            assert land_within(1e-4).contains(shape(f["geometry"])), f["properties"]


def test_main_rivers_named_and_on_land():
    names = " ".join(f["properties"]["name_vi"] for f in features("rivers"))
    for name in ("Kôn", "Hà Thanh", "Lại Giang", "La Tinh", "Sông Ba"):
        assert name in names, name
    for f in features("rivers", "river"):
        line = shape(f["geometry"])
        # 6e-4 deg: land outside the detail region is simplified to 5e-4 deg
        assert line.difference(land_within(6e-4)).length <= 0.01 * line.length, f["properties"]
        if f["properties"]["name_vi"] and "label_at" in f["properties"]:
            assert line.distance(Point(f["properties"]["label_at"])) < 1e-3


def test_national_roads_ql1_and_ql19():
    roads = {f["properties"]["ref"]: shape(f["geometry"]) for f in features("roads")}
    assert set(roads) == {"QL1", "QL19"}
    quy_nhon, pleiku, an_nhon = Point(109.2237, 13.7765), Point(108.0, 13.9833), Point(
        109.108, 13.886
    )
    assert roads["QL19"].distance(quy_nhon) < 0.01 and roads["QL19"].distance(pleiku) < 0.01
    assert roads["QL1"].distance(an_nhon) < 0.01
    assert roads["QL1"].bounds[1] < 13.2 and roads["QL1"].bounds[3] > 14.7  # through the province


# ---------------------------------------------------------------- places


def test_towns_and_cities_lie_on_land():
    for kind in ("city", "town"):
        for f in features("places", kind):
            assert land().contains(shape(f["geometry"])), f["properties"]


@pytest.mark.parametrize(
    ("name_vi", "lon_lat", "tolerance_m"),
    [
        ("Quy Nhơn", (109.224, 13.776), 1000),  # the reference figure
        ("Pleiku", (108.0, 13.983), 2000),
        ("An Nhơn", (109.108, 13.886), 2000),
        ("Tuy Hòa", (109.321, 13.095), 2000),
    ],
)
def test_place_positions(name_vi, lon_lat, tolerance_m):
    place = [f for f in features("places") if f["properties"]["name_vi"] == name_vi]
    assert len(place) == 1
    assert metres(shape(place[0]["geometry"]), Point(lon_lat)) <= tolerance_m


def test_expected_places_present():
    names = {f["properties"]["name_vi"] for f in features("places")}
    for name in ("Quy Nhơn", "An Nhơn", "Phù Mỹ", "Tuy Phước", "Vân Canh", "Pleiku", "An Khê"):
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
    assert labels[0]["properties"]["name_en"] == en
    assert metres(shape(labels[0]["geometry"]), Point(lon_lat)) <= 50_000
    areas = [
        shape(f["geometry"])
        for f in features("archipelagos", "archipelago_area")
        if f["properties"]["name_vi"] == vi
    ]
    assert len(areas) == 1
    islands = [
        shape(f["geometry"])
        for f in features("archipelagos", "island")
        if areas[0].contains(shape(f["geometry"]))
    ]
    assert len(islands) >= 5
    for isl in islands:
        assert land_within(1e-3).contains(isl)  # the same GSHHG islets as the land layer


def test_named_archipelago_islands_present():
    names = {f["properties"]["name_vi"] for f in features("archipelagos", "island")}
    for name in ("Phú Lâm", "Hoàng Sa", "Tri Tôn", "Linh Côn", "Trường Sa Lớn", "Song Tử Tây",
                 "Nam Yết", "Sơn Ca", "Sinh Tồn", "Ba Bình", "Thị Tứ"):
        assert any(name in n for n in names), name

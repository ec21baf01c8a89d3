"""The OGC API – Features client against a real pygeoapi server (software we did not
write) serving the shipped basemap themes."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from console.geo.crs import lonlat_to_map_scalar
from console.sources.errors import BackendUnreachable, NotFound
from console.sources.http import HttpSettings
from console.sources.ogc_features import (
    CRS84,
    MAP_CRS_URI,
    FeaturesClient,
    parse_collection_url,
    service_root,
)
from tests import ogc_server

FAST = HttpSettings(connect_timeout_s=1.0, read_timeout_s=5.0, get_retries=0)


def quy_nhon_box(span_deg: float = 0.25) -> tuple[float, float, float, float]:
    x0, y0 = lonlat_to_map_scalar(109.22 - span_deg, 13.77 - span_deg)
    x1, y1 = lonlat_to_map_scalar(109.22 + span_deg, 13.77 + span_deg)
    return x0, y0, x1, y1


def test_collection_urls_are_told_from_other_urls():
    ref = parse_collection_url("https://gis.example.vn/ogc/collections/thua%20dat/items?f=json")
    assert ref is not None and ref.root == "https://gis.example.vn/ogc"
    assert ref.collection_id == "thua dat"
    assert parse_collection_url("https://tile.example/{z}/{x}/{y}.png") is None
    assert parse_collection_url("https://gis.example.vn/ogc/collections") is None
    assert service_root("https://gis.example.vn/ogc/collections/a/items") == (
        "https://gis.example.vn/ogc"
    )


def test_collections_are_listed_with_titles_crs_and_time(pygeoapi):
    client = FeaturesClient(pygeoapi.url, FAST)
    assert client.landing()["title"] == "IOC Console test feature server"
    by_id = {c.ref.collection_id: c for c in client.collections()}
    assert set(by_id) == set(ogc_server.THEMES)
    land = by_id["land"]
    assert land.title == ogc_server.THEMES["land"]
    assert land.request_crs == MAP_CRS_URI  # the server offers the map's CRS
    assert by_id["places"].request_crs is None  # CRS84 only
    assert land.bbox_lonlat == (102.0, 6.0, 118.0, 18.0)
    assert by_id["province"].temporal == ("2025-07-01T00:00:00+00:00", None)
    assert land.temporal is None


def test_paging_returns_every_feature_exactly_once(pygeoapi):
    client = FeaturesClient(pygeoapi.url, FAST)
    land = client.collection("land")
    result = client.fetch(land, limit=ogc_server.MAX_ITEMS)
    expected = pygeoapi.counts["land"]
    assert result.pages == -(-expected // ogc_server.MAX_ITEMS) > 1
    assert len(result.feature_ids) == expected
    assert sorted(result.feature_ids) == sorted(f"land.{i}" for i in range(expected))
    assert result.number_matched == expected and not result.truncated
    assert result.crs == MAP_CRS_URI  # asked and served in EPSG:3857: nothing reprojected
    table = result.table
    assert table.columns[:2] == ["id", "fid"] and "name_vi" in table.columns
    assert len(table.rows) == len(table.geometries) == expected


def test_max_features_cuts_and_says_so(pygeoapi):
    client = FeaturesClient(pygeoapi.url, FAST)
    result = client.fetch(client.collection("land"), limit=50, max_features=120)
    assert len(result.feature_ids) == 120 and result.truncated
    assert len(set(result.feature_ids)) == 120


def test_bbox_narrows_the_result_and_every_feature_meets_it(pygeoapi):
    client = FeaturesClient(pygeoapi.url, FAST)
    box = quy_nhon_box()
    for collection in ("land", "places"):  # one asked in EPSG:3857, one in CRS84
        info = client.collection(collection)
        everything = client.fetch(info, limit=ogc_server.MAX_ITEMS)
        narrowed = client.fetch(info, bbox=box, limit=ogc_server.MAX_ITEMS)
        assert 0 < len(narrowed.feature_ids) < len(everything.feature_ids), collection
        area = shapely.box(*box).buffer(1.0)
        assert shapely.intersects(narrowed.table.geometries, area).all(), collection
        inside = everything.table.geometries[shapely.intersects(everything.table.geometries,
                                                                shapely.box(*box))]
        assert len(narrowed.feature_ids) >= len(inside)
    places = client.fetch(client.collection("places"), bbox=box)
    assert places.crs == CRS84
    xy = shapely.get_coordinates(places.table.geometries)
    assert np.all(np.abs(xy) > 1e5)  # reprojected from lon/lat to map metres


def test_unknown_collection_and_server_down_raise_clear_errors(pygeoapi):
    client = FeaturesClient(pygeoapi.url, FAST)
    with pytest.raises(NotFound, match="nope"):
        client.collection("nope")
    down = FeaturesClient(f"http://127.0.0.1:{ogc_server.free_port()}", FAST)
    with pytest.raises(BackendUnreachable, match="cannot connect"):
        down.collections()


def test_datetime_is_sent_only_to_collections_with_time(pygeoapi):
    client = FeaturesClient(pygeoapi.url, FAST)
    window = "2026-01-01T00:00:00Z/2026-01-02T00:00:00Z"
    province, land = client.collection("province"), client.collection("land")
    assert client.items_params(province, None, window, 10)["datetime"] == window
    assert "datetime" not in client.items_params(land, None, window, 10)
    result = client.fetch(province, datetime=window)
    assert len(result.feature_ids) == pygeoapi.counts["province"]
    log = pygeoapi.log_path.read_text(encoding="utf-8", errors="replace")
    assert "/collections/province/items?" in log and "datetime=2026-01-01T00" in log

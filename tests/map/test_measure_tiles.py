"""Geodesic measurement, tile math, MBTiles row order, offline-area download."""

from __future__ import annotations

import sqlite3

import numpy as np
import pytest

from console.geo.crs import lonlat_to_map_scalar
from console.geo.mbtiles import MBTilesError, MBTilesReader, download_area
from console.geo.measure import measure_lonlat, measure_map
from console.geo.tiles import (
    ORIGIN,
    TileCache,
    TileId,
    count_tiles,
    tile_bounds,
    tile_range,
    tile_url,
    zoom_for_resolution,
)
from tests.builders import wrong_sqlite_files
from tests.map.data import TileServer, make_mbtiles


def test_one_degree_of_latitude_at_the_equator():
    m = measure_lonlat(np.array([0.0, 0.0]), np.array([0.0, 1.0]))
    assert m.length_m == pytest.approx(110574.4, abs=1.0)
    assert m.last_bearing_deg == pytest.approx(0.0, abs=1e-6)


def test_nautical_miles_and_bearing_east():
    # one arc-minute of longitude along the equator is 1855.3 m (a nautical mile ~ 1852 m)
    m = measure_lonlat(np.array([109.0, 109.0 + 1 / 60]), np.array([0.0, 0.0]))
    assert m.length_nm == pytest.approx(1855.3 / 1852, abs=1e-3)
    assert m.last_bearing_deg == pytest.approx(90.0, abs=1e-6)


def test_area_of_a_one_degree_square_at_the_equator():
    m = measure_lonlat(np.array([0.0, 1.0, 1.0, 0.0]), np.array([0.0, 0.0, 1.0, 1.0]))
    assert m.area_km2 == pytest.approx(12308.8, rel=1e-3)


def test_measure_on_the_mercator_map_is_geodesic_not_planar():
    # Quy Nhơn to a point 1° north: Mercator metres would overstate by ~3 %
    x0, y0 = lonlat_to_map_scalar(109.2, 13.8)
    x1, y1 = lonlat_to_map_scalar(109.2, 14.8)
    m = measure_map(np.array([x0, x1]), np.array([y0, y1]))
    assert m.length_km == pytest.approx(110.7, abs=0.2)
    assert abs(y1 - y0) / 1000 > m.length_km * 1.02


def test_tile_math():
    assert tile_bounds(TileId(0, 0, 0)) == pytest.approx((-ORIGIN, -ORIGIN, ORIGIN, ORIGIN))
    x, y = lonlat_to_map_scalar(109.2237, 13.7765)
    assert tile_range((x, y, x, y), 10) == (
        822,
        472,
        822,
        472,
    )  # the Quy Nhơn tile (slippy-map formula)
    assert count_tiles((-ORIGIN, -ORIGIN, ORIGIN, ORIGIN), 0, 2) == 1 + 4 + 16
    assert zoom_for_resolution(2 * ORIGIN / 256) == 0
    assert tile_url("https://h/{z}/{x}/{y}.png", TileId(3, 5, 1)) == "https://h/3/5/1.png"
    assert tile_url("https://h/{z}/{x}/{-y}.png", TileId(3, 5, 1)) == "https://h/3/5/6.png"


def test_tile_cache_round_trip(tmp_path):
    cache = TileCache(tmp_path, "https://tiles.example/{z}/{x}/{y}.png")
    assert cache.get(TileId(1, 0, 0)) is None
    cache.put(TileId(1, 0, 0), b"png")
    assert cache.get(TileId(1, 0, 0)) == b"png"


def test_mbtiles_reader_flips_tms_rows(tmp_path):
    path = make_mbtiles(
        tmp_path / "a.mbtiles",
        {(2, 1, 0): b"north", (2, 1, 3): b"south"},
        {"name": "A", "minzoom": "2", "maxzoom": "2", "attribution": "© A"},
    )
    reader = MBTilesReader(path)
    assert reader.tile(TileId(2, 1, 0)) == b"north"  # XYZ row 0 is TMS row 3
    assert reader.tile(TileId(2, 1, 3)) == b"south"
    assert reader.tile(TileId(2, 2, 0)) is None
    assert reader.zoom_range == (2, 2)
    assert reader.attribution == "© A"
    # stored rows really are TMS
    rows = sqlite3.connect(path).execute("SELECT tile_row, tile_data FROM tiles").fetchall()
    assert (3, b"north") in rows


def test_mbtiles_reader_is_read_only(tmp_path):
    path = make_mbtiles(tmp_path / "a.mbtiles", {(0, 0, 0): b"x"}, {"name": "A"})
    reader = MBTilesReader(path)
    with pytest.raises(sqlite3.OperationalError):
        reader._conn().execute("DELETE FROM tiles")


def test_bad_mbtiles_files_are_refused(tmp_path):
    junk, other, missing = wrong_sqlite_files(tmp_path, ".mbtiles")
    with pytest.raises(MBTilesError, match="not an MBTiles"):
        MBTilesReader(junk)
    with pytest.raises(MBTilesError):
        MBTilesReader(other)
    with pytest.raises(MBTilesError, match="no such file"):
        MBTilesReader(missing)


@pytest.fixture
def tile_server():
    server = TileServer(max_zoom=8)
    yield server
    server.close()


def _area():
    x0, y0 = lonlat_to_map_scalar(109.0, 13.6)
    x1, y1 = lonlat_to_map_scalar(109.4, 14.0)
    return (x0, y0, x1, y1), (109.0, 13.6, 109.4, 14.0)


def test_download_area_progress_resume_and_limit(tmp_path, tile_server):
    extent, bounds = _area()
    target = tmp_path / "offline.mbtiles"
    total = count_tiles(extent, 6, 9)
    progress: list[tuple[int, int]] = []

    def cancelled() -> bool:
        return len(progress) >= 3

    first = download_area(
        tile_server.url,
        target,
        extent,
        6,
        9,
        bounds_lonlat=bounds,
        progress=lambda d, t: progress.append((d, t)),
        cancelled=cancelled,
    )
    assert first.cancelled and first.fetched == 3
    requests_before = len(tile_server.requests)
    second = download_area(
        tile_server.url, target, extent, 6, 9, bounds_lonlat=bounds, attribution="© test"
    )
    assert not second.cancelled
    assert second.skipped == 3  # resumed: what was there is not fetched again
    assert second.fetched + second.missing + second.skipped == total
    assert second.missing == count_tiles(extent, 9, 9)  # the server stops at z8
    assert len(tile_server.requests) - requests_before == total - 3
    assert all("IOC-Console" in ua for ua in tile_server.user_agents)
    reader = MBTilesReader(target)
    assert reader.zoom_range == (6, 9)
    assert reader.attribution == "© test"
    some = next(iter(progress))
    assert some[1] == total
    with pytest.raises(ValueError, match="limit"):
        download_area(tile_server.url, target, extent, 6, 14, bounds_lonlat=bounds, limit=100)

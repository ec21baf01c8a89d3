"""Record -> open round trip: every recorded value comes back, and GIS tools can read it."""

from __future__ import annotations

import sqlite3

import numpy as np
import pytest

from console.archive.reader import ArchiveError, read_archive
from console.replay.state import ReplayState
from tests.archive.factory import HOSTILE, T0, write_sample
from tests.builders import wrong_sqlite_files


def test_every_recorded_value_comes_back(tmp_path):
    path = tmp_path / "rec.gpkg"
    sent = write_sample(path, vessels=5, fixes=6)
    data = read_archive(path)
    state = ReplayState(data, tail_length=12)

    # every vessel fix, reconstructed at its own time, equals the record that arrived
    frames = {}
    for v in sent["vessels"]:
        frame = frames.setdefault(v.fix_time, state.vessel_frame(v.fix_time))
        row = state.vessel_ids.index(v.id)
        assert state.vessel_at(row, int(frame.fix[row])) == v
    assert any(v.name == HOSTILE for v in data.vessels)

    # stations: each reading at its time
    for s in sent["stations"]:
        at = {x.id: x for x in state.stations_at(s.latest_time)}
        assert at[s.id] == s

    # incidents: every version, with its whole audit trail
    versions = data.incident_versions["inc-1"]
    assert versions == sent["incidents"]
    assert versions[-1].history[-1].to_status == "closed"
    # cameras: every state
    assert data.camera_states["cam-1"] == sent["cameras"]
    assert data.alerts[0][:5] == (1, "wl:s2", "water_level", "high", "Trên BĐ2")


def test_archive_is_a_geopackage_gis_tools_open(tmp_path):
    pyogrio = pytest.importorskip("pyogrio")
    geopandas = pytest.importorskip("geopandas")
    path = tmp_path / "rec.gpkg"
    write_sample(path, vessels=4, fixes=3)
    layers = {name for name, _geom in pyogrio.list_layers(path)}
    assert {
        "vessels",
        "vessel_fixes",
        "stations",
        "incidents",
        "cameras",
        "station_observations",
        "incident_versions",
        "alerts",
    } <= layers
    fixes = geopandas.read_file(path, layer="vessel_fixes")
    assert len(fixes) == 12
    assert fixes.crs.to_epsg() == 4326
    np.testing.assert_allclose(fixes.geometry.x, fixes["lon"])
    np.testing.assert_allclose(fixes.geometry.y, fixes["lat"])
    for name in ("stations", "incidents"):  # their points are where their columns say
        points = geopandas.read_file(path, layer=name)
        assert len(points) > 0
        np.testing.assert_allclose(points.geometry.x, points["lon"])
        np.testing.assert_allclose(points.geometry.y, points["lat"])
    vessels = geopandas.read_file(path, layer="vessels")
    assert HOSTILE in set(vessels["name"])
    obs = geopandas.read_file(path, layer="station_observations")
    assert obs["t"].min() == T0


def test_not_an_archive_is_a_clear_error(tmp_path):
    junk, other, missing = wrong_sqlite_files(tmp_path, ".gpkg")
    with pytest.raises(ArchiveError, match="not a GeoPackage"):
        read_archive(junk)
    with pytest.raises(ArchiveError, match="not an IOC Console archive"):
        read_archive(other)
    with pytest.raises(ArchiveError, match="no such file"):
        read_archive(missing)


def test_an_archive_recorded_before_station_sources_still_opens_and_records(tmp_path):
    from console.archive.writer import ArchiveWriter

    path = tmp_path / "old.gpkg"
    sent = write_sample(path, vessels=2, fixes=2)
    with sqlite3.connect(path) as conn:  # as the recorder wrote it before `source` existed
        conn.execute("ALTER TABLE stations DROP COLUMN source")
    old = read_archive(path)
    assert old.stations and all(s.source is None for s in old.stations)
    writer = ArchiveWriter(path)  # recording on into it adds the column
    writer.close()
    with sqlite3.connect(path) as conn:
        columns = {row[1] for row in conn.execute('PRAGMA table_info("stations")')}
    assert "source" in columns
    assert {s.id for s in read_archive(path).stations} == {s.id for s in sent["stations"]}

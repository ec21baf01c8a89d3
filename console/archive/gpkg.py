"""Minimal GeoPackage (OGC 12-128r18) writing with the standard library's sqlite3.

Why by hand: the recorder runs continuously on a worker thread and must stay light;
GDAL/geopandas would add seconds of start-up and a large dependency for appending a
few rows. A GeoPackage is SQLite with three metadata tables
(gpkg_spatial_ref_sys, gpkg_contents, gpkg_geometry_columns) and geometry stored as
GeoPackageBinary: the "GP" header (version, flags, srs id) followed by ISO WKB.

Pure functions; safe on any thread (each connection stays on the thread that opened it).
"""

from __future__ import annotations

import math
import sqlite3
import struct
import time
from collections.abc import Sequence

APPLICATION_ID = 0x47504B47  # "GPKG"
USER_VERSION = 10400  # GeoPackage 1.4
WGS84 = 4326

_WGS84_WKT = (
    'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,'
    'AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,'
    'AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],'
    'AUTHORITY["EPSG","4326"]]'
)

_HEADER = struct.Struct("<2sBBi")  # magic, version, flags, srs_id
_POINT = struct.Struct("<BIdd")  # byte order, type, x, y
_FLAGS_LE = 0b0000_0001  # little-endian, no envelope
_FLAGS_EMPTY = 0b0001_0000


def point_blob(lon: float, lat: float, srs_id: int = WGS84) -> bytes:
    """A POINT as GeoPackageBinary; NaN coordinates give the standard empty point."""
    empty = not (math.isfinite(lon) and math.isfinite(lat))
    flags = _FLAGS_LE | (_FLAGS_EMPTY if empty else 0)
    x, y = (math.nan, math.nan) if empty else (lon, lat)
    return _HEADER.pack(b"GP", 0, flags, srs_id) + _POINT.pack(1, 1, x, y)


def blob_point(blob: bytes) -> tuple[float, float]:
    """(lon, lat) of a GeoPackageBinary POINT written by `point_blob` (or any little- or
    big-endian point, with or without envelope)."""
    magic, _version, flags, _srs = _HEADER.unpack_from(blob, 0)
    if magic != b"GP":
        raise ValueError("not a GeoPackage geometry")
    envelope = (flags >> 1) & 0b111
    offset = _HEADER.size + {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}.get(envelope, 0)
    order = "<" if blob[offset] == 1 else ">"
    _bo, gtype, x, y = struct.unpack_from(order + "BIdd", blob, offset)
    if gtype % 1000 != 1:
        raise ValueError(f"not a point geometry (type {gtype})")
    return x, y


_TABLES = (
    """CREATE TABLE IF NOT EXISTS gpkg_spatial_ref_sys (
        srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY,
        organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL,
        definition TEXT NOT NULL, description TEXT)""",
    """CREATE TABLE IF NOT EXISTS gpkg_contents (
        table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL,
        identifier TEXT UNIQUE, description TEXT DEFAULT '',
        last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
        min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE,
        srs_id INTEGER REFERENCES gpkg_spatial_ref_sys(srs_id))""",
    """CREATE TABLE IF NOT EXISTS gpkg_geometry_columns (
        table_name TEXT NOT NULL, column_name TEXT NOT NULL,
        geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL,
        z TINYINT NOT NULL, m TINYINT NOT NULL,
        CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
        CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
        CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))""",
)


def init_geopackage(conn: sqlite3.Connection) -> None:
    """Create the mandatory GeoPackage tables (idempotent)."""
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {USER_VERSION}")
    for statement in _TABLES:  # not executescript: it would commit the caller's transaction
        conn.execute(statement)
    rows = [
        ("Undefined cartesian SRS", -1, "NONE", -1, "undefined", "undefined cartesian"),
        ("Undefined geographic SRS", 0, "NONE", 0, "undefined", "undefined geographic"),
        ("WGS 84 geodetic", WGS84, "EPSG", WGS84, _WGS84_WKT, "longitude/latitude WGS 84"),
    ]
    conn.executemany("INSERT OR IGNORE INTO gpkg_spatial_ref_sys VALUES (?,?,?,?,?,?)", rows)


def add_feature_table(
    conn: sqlite3.Connection, name: str, columns: Sequence[str], description: str = ""
) -> None:
    """A point feature table `name` (fid, geom, then `columns` as "name TYPE")."""
    _create_table(conn, name, ["geom POINT", *columns])
    conn.execute(
        "INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, description,"
        " min_x, min_y, max_x, max_y, srs_id) VALUES (?, 'features', ?, ?, ?, ?, ?, ?, ?)",
        (name, name, description, -180.0, -90.0, 180.0, 90.0, WGS84),
    )
    conn.execute(
        "INSERT OR IGNORE INTO gpkg_geometry_columns VALUES (?, 'geom', 'POINT', ?, 0, 0)",
        (name, WGS84),
    )


def add_attribute_table(
    conn: sqlite3.Connection, name: str, columns: Sequence[str], description: str = ""
) -> None:
    """A non-spatial table registered as GeoPackage 'attributes' (QGIS lists it)."""
    _create_table(conn, name, columns)
    conn.execute(
        "INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, description)"
        " VALUES (?, 'attributes', ?, ?)",
        (name, name, description),
    )


def _create_table(conn: sqlite3.Connection, name: str, columns: Sequence[str]) -> None:
    """Table `name` with the integer `fid` key GeoPackage readers expect, then `columns`."""
    cols = ", ".join(columns)
    conn.execute(
        f'CREATE TABLE IF NOT EXISTS "{name}" (fid INTEGER PRIMARY KEY AUTOINCREMENT, {cols})'
    )


def touch_contents(conn: sqlite3.Connection, names: Sequence[str]) -> None:
    """Update gpkg_contents.last_change for tables just written."""
    stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    conn.executemany(
        "UPDATE gpkg_contents SET last_change = ? WHERE table_name = ?",
        [(stamp, n) for n in names],
    )

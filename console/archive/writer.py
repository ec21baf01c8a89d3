"""Writes recorded batches into an archive GeoPackage.

Crash safety: WAL journal, one small transaction per batch, `synchronous=NORMAL`. A
killed process loses at most the batch being written; the file (plus its -wal file,
which any SQLite reader replays) stays a valid GeoPackage. Size/retention: rows older
than `retention_s` (by source time) are deleted, and when the file grows past
`max_bytes` the oldest tenth of the time-stamped rows goes; `auto_vacuum=INCREMENTAL`
gives the pages back to the file system.

Not thread-safe: one `ArchiveWriter` belongs to the one thread that created it (the
recorder's writer thread, or a test).
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from console.archive import gpkg, schema
from console.model.camera import Camera
from console.model.incident import Incident
from console.model.station import Station
from console.model.storm import StormBulletin
from console.model.vessel import Vessel
from console.stores.records import Located

log = logging.getLogger(__name__)

TIMED = (("vessel_fixes", "t"), ("station_observations", "t"), ("camera_states", "t"),
         ("storm_bulletins", "issued_at"))


@dataclass
class Batch:
    """What arrived in one ingest (or a snapshot), copied on the GUI thread."""

    vessels: list[Vessel] = field(default_factory=list)
    stations: list[Station] = field(default_factory=list)
    incidents: list[Incident] = field(default_factory=list)
    cameras: list[Camera] = field(default_factory=list)
    alerts: list[tuple] = field(default_factory=list)  # rows in schema "alerts" order
    storms: list[StormBulletin] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    # past fixes only (vessel_id, t, status, lon, lat, speed_kn, course_deg): track history
    # loaded at start-up, which must not overwrite the vessels' latest rows
    fixes: list[tuple] = field(default_factory=list)

    def __len__(self) -> int:
        return (
            len(self.vessels)
            + len(self.stations)
            + len(self.incidents)
            + len(self.cameras)
            + len(self.alerts)
            + len(self.storms)
            + len(self.meta)
            + len(self.fixes)
        )


def _names(columns: list[str]) -> list[str]:
    return [c.split()[0] for c in columns if not c.startswith("UNIQUE")]


def _upsert(table: str, columns: list[str], key: str, geom: bool) -> str:
    names = (["geom"] if geom else []) + _names(columns)
    marks = ", ".join("?" for _ in names)
    updates = ", ".join(f"{n} = excluded.{n}" for n in names if n != key)
    return (
        f'INSERT INTO "{table}" ({", ".join(names)}) VALUES ({marks}) '
        f"ON CONFLICT({key}) DO UPDATE SET {updates}"
    )


def _insert(table: str, columns: list[str], geom: bool) -> str:
    names = (["geom"] if geom else []) + _names(columns)
    marks = ", ".join("?" for _ in names)
    return f'INSERT OR IGNORE INTO "{table}" ({", ".join(names)}) VALUES ({marks})'


def _point_rows(items: Sequence[Located], row: Callable[[Any], tuple]) -> list[tuple]:
    """Rows of a point feature table: each item's GeoPackage point, then `row(item)`."""
    return [(gpkg.point_blob(x.lon, x.lat), *row(x)) for x in items]


def _add_missing_columns(conn: sqlite3.Connection, table: str, columns: list[str]) -> None:
    """Recording into an archive made by an older version: add the columns it lacks
    (CREATE TABLE IF NOT EXISTS keeps the old table as it was)."""
    have = {row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')}
    for column in columns:
        if not column.startswith("UNIQUE") and column.split()[0] not in have:
            conn.execute(f'ALTER TABLE "{table}" ADD COLUMN {column}')


class ArchiveWriter:
    PRUNE_EVERY_S = 30.0

    def __init__(
        self, path: str | Path, retention_s: float | None = None, max_bytes: int | None = None
    ) -> None:
        self.path = Path(path)
        self.retention_s = retention_s
        self.max_bytes = max_bytes
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(str(self.path), isolation_level=None)
        self.conn.execute("PRAGMA auto_vacuum = INCREMENTAL")  # before the first table
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = NORMAL")
        self._last_prune = time.monotonic()
        self.rows_written = 0
        with self._transaction():
            gpkg.init_geopackage(self.conn)
            for name, (cols, desc) in schema.FEATURES.items():
                gpkg.add_feature_table(self.conn, name, cols, desc)
            for name, (cols, desc) in schema.ATTRIBUTES.items():
                gpkg.add_attribute_table(self.conn, name, cols, desc)
            for name, (cols, _desc) in (*schema.FEATURES.items(), *schema.ATTRIBUTES.items()):
                _add_missing_columns(self.conn, name, cols)
            for sql in schema.INDEXES:
                self.conn.execute(sql)
            self.conn.execute(
                "INSERT OR IGNORE INTO archive_meta (key, value) VALUES ('format', ?)",
                (schema.FORMAT_VERSION,),
            )
        f, a = schema.FEATURES, schema.ATTRIBUTES
        self._sql = {
            "vessels": _upsert("vessels", f["vessels"][0], "vessel_id", True),
            "fixes": _insert("vessel_fixes", f["vessel_fixes"][0], True),
            "stations": _upsert("stations", f["stations"][0], "station_id", True),
            "obs": _insert("station_observations", a["station_observations"][0], False),
            "incidents": _upsert("incidents", f["incidents"][0], "incident_id", True),
            "versions": _insert("incident_versions", a["incident_versions"][0], False),
            "cameras": _upsert("cameras", f["cameras"][0], "camera_id", True),
            "states": _insert("camera_states", a["camera_states"][0], False),
            "alerts": _upsert("alerts", a["alerts"][0], "alert_id", False),
            "storms": _insert("storm_bulletins", a["storm_bulletins"][0], False),
            "meta": _upsert("archive_meta", a["archive_meta"][0], "key", False),
        }

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def write(self, batch: Batch) -> None:
        """Append one batch in one transaction (small: one ingest's worth)."""
        if not len(batch):
            return
        sql, c = self._sql, self.conn
        with self._transaction():
            if batch.vessels:
                blobs = [gpkg.point_blob(v.lon, v.lat) for v in batch.vessels]
                c.executemany(
                    sql["vessels"],
                    [(b, *schema.vessel_row(v)) for b, v in zip(blobs, batch.vessels, strict=True)],
                )
                c.executemany(
                    sql["fixes"],
                    [(b, *schema.fix_row(v)) for b, v in zip(blobs, batch.vessels, strict=True)],
                )
            if batch.stations:
                c.executemany(sql["stations"], _point_rows(batch.stations, schema.station_row))
                c.executemany(
                    sql["obs"],
                    [
                        (s.id, s.latest_time, schema._num(s.latest_value))
                        for s in batch.stations
                        if s.latest_time is not None
                    ],
                )
            if batch.incidents:
                c.executemany(sql["incidents"],
                              _point_rows(batch.incidents, schema.incident_row))
                c.executemany(
                    sql["versions"],
                    [
                        (i.id, i.version, i.updated_at, i.status, schema.incident_json(i))
                        for i in batch.incidents
                    ],
                )
            if batch.cameras:
                c.executemany(
                    sql["cameras"],
                    [(gpkg.point_blob(k.lon, k.lat), *schema.camera_row(k)) for k in batch.cameras],
                )
                c.executemany(
                    sql["states"],
                    [(k.id, k.last_seen, k.status, schema.camera_json(k)) for k in batch.cameras],
                )
            if batch.fixes:
                c.executemany(
                    sql["fixes"], [(gpkg.point_blob(f[3], f[4]), *f) for f in batch.fixes]
                )
            if batch.alerts:
                c.executemany(sql["alerts"], batch.alerts)
            if batch.storms:
                c.executemany(sql["storms"], [schema.storm_row(b) for b in batch.storms])
            if batch.meta:
                c.executemany(sql["meta"], list(batch.meta.items()))
        self.rows_written += len(batch)
        if time.monotonic() - self._last_prune >= self.PRUNE_EVERY_S:
            self.prune()

    # --- limits ---------------------------------------------------------------------------

    def size_bytes(self) -> int:
        """Bytes in use (main file pages minus free pages, plus the WAL)."""
        c = self.conn
        pages = c.execute("PRAGMA page_count").fetchone()[0]
        free = c.execute("PRAGMA freelist_count").fetchone()[0]
        size = c.execute("PRAGMA page_size").fetchone()[0]
        wal = Path(str(self.path) + "-wal")
        return (pages - free) * size + (wal.stat().st_size if wal.exists() else 0)

    def prune(self) -> int:
        """Apply retention and the size limit; returns the number of rows deleted."""
        self._last_prune = time.monotonic()
        deleted = 0
        c = self.conn
        if self.retention_s is not None:
            newest = c.execute("SELECT max(t) FROM vessel_fixes").fetchone()[0]
            for table, col in TIMED:
                top = c.execute(f"SELECT max({col}) FROM {table}").fetchone()[0]
                newest = max(filter(None, (newest, top)), default=None)
            if newest is not None:
                cutoff = newest - self.retention_s
                with self._transaction():
                    for table, col in TIMED:
                        deleted += c.execute(
                            f"DELETE FROM {table} WHERE {col} < ?", (cutoff,)
                        ).rowcount
        if self.max_bytes is not None:
            c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            for _ in range(25):
                if self.size_bytes() <= self.max_bytes:
                    break
                deleted += self._drop_oldest_tenth()
                c.execute("PRAGMA incremental_vacuum")
                c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        if deleted:
            log.info("archive %s: pruned %d old rows", self.path, deleted)
        return deleted

    def _drop_oldest_tenth(self) -> int:
        c = self.conn
        lo, hi = c.execute("SELECT min(t), max(t) FROM vessel_fixes").fetchone()
        lo2, hi2 = c.execute("SELECT min(t), max(t) FROM station_observations").fetchone()
        los = [v for v in (lo, lo2) if v is not None]
        his = [v for v in (hi, hi2) if v is not None]
        if not los:
            return 0
        cutoff = min(los) + (max(his) - min(los)) / 10.0 + 1e-6
        deleted = 0
        with self._transaction():
            for table, col in TIMED:
                deleted += c.execute(f"DELETE FROM {table} WHERE {col} < ?", (cutoff,)).rowcount
        return deleted

    def close(self) -> None:
        try:
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            self.conn.close()

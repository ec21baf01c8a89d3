"""Reads an archive GeoPackage into columnar, replay-ready data.

`read_archive(path)` loads everything in one pass (seconds for a day of the full fleet)
and is meant to run on a worker thread; the result is plain data (numpy arrays, frozen
records), safe to hand to the GUI thread. A file left by a killed recorder is read
as-is: SQLite replays its -wal file on open.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from console.archive import schema
from console.model.camera import Camera
from console.model.incident import Incident
from console.model.station import ObservationSeries, Station
from console.model.storm import StormBulletin
from console.model.vessel import Track, Vessel


class ArchiveError(Exception):
    """The file is not a readable IOC Console archive (message says why)."""


@dataclass
class ArchiveData:
    path: Path
    vessels: list[Vessel]  # identity + latest recorded fix, ordered by vessel_id
    fix_vessel: np.ndarray  # int index into `vessels`, sorted by (vessel, t)
    fix_t: np.ndarray
    fix_lon: np.ndarray
    fix_lat: np.ndarray
    fix_speed: np.ndarray
    fix_course: np.ndarray
    fix_status: np.ndarray  # object array of status strings
    stations: list[Station]
    obs: dict[str, tuple[np.ndarray, np.ndarray]]  # station id -> (t, value), t sorted
    incident_versions: dict[str, list[Incident]]  # id -> versions by updated_at
    camera_states: dict[str, list[Camera]]  # id -> states by last_seen
    alerts: list[tuple]  # rows of the alerts table, by raised_at (schema column order)
    meta: dict[str, str] = field(default_factory=dict)
    alert_acks_recorded: bool = True  # False: the archive predates the ack columns
    storms: list[StormBulletin] = field(default_factory=list)  # by issue time
    storms_recorded: bool = True  # False: the archive predates storm recording

    def time_range(self) -> tuple[float, float]:
        """Earliest and latest source time recorded (vessel fixes, readings, incidents)."""
        times = [self.fix_t] if len(self.fix_t) else []
        times += [t for t, _ in self.obs.values() if len(t)]
        inc = [v.updated_at for vs in self.incident_versions.values() for v in vs]
        inc += [v.reported_at for vs in self.incident_versions.values() for v in vs]
        if inc:
            times.append(np.asarray(inc))
        if not times:
            return 0.0, 0.0
        allt = np.concatenate(times)
        return float(np.nanmin(allt)), float(np.nanmax(allt))

    def history(self, station_id: str, start: float, end: float) -> ObservationSeries:
        """Readings of a station in [start, end] (same shape as the REST client's)."""
        station = next((s for s in self.stations if s.id == station_id), None)
        t, v = self.obs.get(station_id, (np.empty(0), np.empty(0)))
        lo, hi = np.searchsorted(t, start, "left"), np.searchsorted(t, end, "right")
        unit = station.unit if station else ""
        return ObservationSeries(station_id, unit, t[lo:hi].copy(), v[lo:hi].copy())

    def last_fixes(self, end: float) -> np.ndarray:
        """Row index of each vessel's last fix at or before `end` (vessel order)."""
        idx = np.flatnonzero(self.fix_t <= end)  # rows are sorted by (vessel, t)
        owner = self.fix_vessel[idx]
        return idx[np.r_[owner[1:] != owner[:-1], True]] if len(idx) else idx

    def track(self, vessel_id: str, start: float, end: float) -> Track:
        vi = next((i for i, v in enumerate(self.vessels) if v.id == vessel_id), -1)
        sel = (self.fix_vessel == vi) & (self.fix_t >= start) & (self.fix_t <= end)
        return Track(
            vessel_id,
            tuple(self.fix_t[sel]),
            tuple(self.fix_lon[sel]),
            tuple(self.fix_lat[sel]),
            tuple(self.fix_speed[sel]),
            tuple(self.fix_course[sel]),
        )


def _connect(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise ArchiveError(f"{path}: no such file")
    try:
        conn = sqlite3.connect(str(path))
        conn.execute("PRAGMA query_only = ON")
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    except sqlite3.DatabaseError as exc:
        raise ArchiveError(f"{path}: not a GeoPackage ({exc})") from exc
    needed = {"gpkg_contents", "vessels", "vessel_fixes", "stations", "incident_versions"}
    if not needed <= tables:
        missing = ", ".join(sorted(needed - tables))
        raise ArchiveError(f"{path}: not an IOC Console archive (missing {missing})")
    return conn


def _float(values: list, col: int) -> np.ndarray:
    return np.array([np.nan if r[col] is None else r[col] for r in values], dtype=np.float64)


def read_archive(path: str | Path) -> ArchiveData:
    """Load an archive (worker thread). Raises ArchiveError with a readable message."""
    path = Path(path)
    conn = _connect(path)
    try:
        return _read(conn, path)
    except sqlite3.DatabaseError as exc:
        raise ArchiveError(f"{path}: unreadable ({exc})") from exc
    finally:
        conn.close()


def _read(conn: sqlite3.Connection, path: Path) -> ArchiveData:
    names = [c.split()[0] for c in schema.FEATURES["vessels"][0]]
    vessels = []
    nan_if_null = [names.index(f) for f in ("lon", "lat", "speed_kn", "course_deg")]
    for r in conn.execute(f"SELECT {', '.join(names)} FROM vessels ORDER BY vessel_id"):
        values = list(r)  # the columns are the wire's vessel fields, in `Vessel` order
        for i in nan_if_null:
            if values[i] is None:
                values[i] = np.nan
        vessels.append(Vessel(*values))
    index = {v.id: i for i, v in enumerate(vessels)}
    fixes = conn.execute(
        "SELECT vessel_id, t, status, lon, lat, speed_kn, course_deg FROM vessel_fixes"
        " ORDER BY vessel_id, t"
    ).fetchall()
    fix_vessel = np.fromiter((index.get(r[0], -1) for r in fixes), np.int64, len(fixes))
    keep = fix_vessel >= 0
    have = {row[1] for row in conn.execute('PRAGMA table_info("stations")')}
    # an archive from before a column existed (e.g. `source`) still opens
    st_names = [c.split()[0] for c in schema.FEATURES["stations"][0] if c.split()[0] in have]
    stations = [
        schema.station_from_row(r)
        for r in conn.execute(f"SELECT {', '.join(st_names)} FROM stations ORDER BY station_id")
    ]
    obs: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    rows = conn.execute(
        "SELECT station_id, t, value FROM station_observations ORDER BY station_id, t"
    ).fetchall()
    start = 0
    for i in range(1, len(rows) + 1):
        if i == len(rows) or rows[i][0] != rows[start][0]:
            chunk = rows[start:i]
            obs[chunk[0][0]] = (_float(chunk, 1), _float(chunk, 2))
            start = i
    versions: dict[str, list[Incident]] = {}
    for (text,) in conn.execute(
        "SELECT record_json FROM incident_versions ORDER BY incident_id, updated_at, version"
    ):
        inc = schema.incident_from_json(text)
        versions.setdefault(inc.id, []).append(inc)
    cams: dict[str, list[Camera]] = {}
    for (text,) in conn.execute("SELECT record_json FROM camera_states ORDER BY camera_id, t"):
        cam = schema.camera_from_json(text)
        cams.setdefault(cam.id, []).append(cam)
    alert_cols = [c.split()[0] for c in schema.ATTRIBUTES["alerts"][0]]
    have_alert = {row[1] for row in conn.execute('PRAGMA table_info("alerts")')}
    # columns an older archive lacks (ack_by, ack_at) read as NULL
    select = ", ".join(c if c in have_alert else "NULL" for c in alert_cols)
    alerts = conn.execute(f"SELECT {select} FROM alerts ORDER BY raised_at, alert_id").fetchall()
    meta = dict(conn.execute("SELECT key, value FROM archive_meta").fetchall())
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    storms_recorded = "storm_bulletins" in tables
    storms = [] if not storms_recorded else [
        schema.storm_from_json(text) for (text,) in conn.execute(
            "SELECT record_json FROM storm_bulletins ORDER BY issued_at, name")
    ]
    return ArchiveData(
        path=path,
        vessels=vessels,
        fix_vessel=fix_vessel[keep],
        fix_t=_float(fixes, 1)[keep],
        fix_lon=_float(fixes, 3)[keep],
        fix_lat=_float(fixes, 4)[keep],
        fix_speed=_float(fixes, 5)[keep],
        fix_course=_float(fixes, 6)[keep],
        fix_status=np.array([r[2] for r in fixes], dtype=object)[keep],
        stations=stations,
        obs=obs,
        incident_versions=versions,
        camera_states=cams,
        alerts=alerts,
        meta=meta,
        alert_acks_recorded={"ack_by", "ack_at"} <= have_alert,
        storms=storms,
        storms_recorded=storms_recorded,
    )

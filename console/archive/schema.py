"""The archive's tables and the record <-> row conversions (one place for both ways).

Operational layers (GeoPackage feature tables, latest state, one row per item):
`vessels`, `stations`, `incidents`, `cameras`. Time-stamped tables: `vessel_fixes`
(features: one point per fix), `station_observations`, `incident_versions`,
`camera_states`, `alerts` (attributes), plus `archive_meta`.

Pure functions, no Qt; called on the recorder's writer thread and by the reader.
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict

from console.model.camera import Camera
from console.model.incident import Incident, IncidentEvent, IncidentPhoto
from console.model.station import Station
from console.model.storm import DangerBox, StormBulletin, StormPoint
from console.model.vessel import Vessel
from console.sources import wire

FORMAT_VERSION = "1"

_VESSEL_TEXT = {"registration", "name", "owner", "gear", "home_port", "status"}

FEATURES: dict[str, tuple[list[str], str]] = {
    "vessels": (  # the wire's vessel fields, in its row order (`vessel_id` for `id`)
        [
            "vessel_id TEXT NOT NULL UNIQUE",
            *(
                f"{f} {'TEXT' if f in _VESSEL_TEXT else 'REAL'}"
                for f in wire.VESSEL_ROW_FIELDS[1:]
            ),
        ],
        "Vessels: identity and latest recorded fix",
    ),
    "vessel_fixes": (
        [
            "vessel_id TEXT NOT NULL",
            "t REAL NOT NULL",
            "status TEXT",
            "lon REAL",
            "lat REAL",
            "speed_kn REAL",
            "course_deg REAL",
            "UNIQUE (vessel_id, t)",
        ],
        "Every recorded VMS fix (t = fix time, epoch seconds UTC)",
    ),
    "stations": (
        [
            "station_id TEXT NOT NULL UNIQUE",
            "code TEXT",
            "name TEXT",
            "kind TEXT",
            "river TEXT",
            "unit TEXT",
            "lon REAL",
            "lat REAL",
            "bd1 REAL",
            "bd2 REAL",
            "bd3 REAL",
            "normal_level REAL",
            "latest_time REAL",
            "latest_value REAL",
            "source TEXT",  # citation or 'simulated' (added later: older archives lack it)
        ],
        "Hydrology stations and their latest recorded reading",
    ),
    "incidents": (
        [
            "incident_id TEXT NOT NULL UNIQUE",
            "type TEXT",
            "severity TEXT",
            "status TEXT",
            "title TEXT",
            "description TEXT",
            "lon REAL",
            "lat REAL",
            "reported_at REAL",
            "updated_at REAL",
            "version INTEGER",
            "assignee TEXT",
            "history_json TEXT",
        ],
        "Incidents in their latest recorded version",
    ),
    "cameras": (
        [
            "camera_id TEXT NOT NULL UNIQUE",
            "name TEXT",
            "kind TEXT",
            "status TEXT",
            "lon REAL",
            "lat REAL",
            "last_seen REAL",
        ],
        "Cameras in their latest recorded state",
    ),
}

ATTRIBUTES: dict[str, tuple[list[str], str]] = {
    "station_observations": (
        ["station_id TEXT NOT NULL", "t REAL NOT NULL", "value REAL", "UNIQUE (station_id, t)"],
        "Station readings (t = measurement time, epoch seconds UTC)",
    ),
    "incident_versions": (
        [
            "incident_id TEXT NOT NULL",
            "version INTEGER NOT NULL",
            "updated_at REAL",
            "status TEXT",
            "record_json TEXT NOT NULL",
            "UNIQUE (incident_id, version)",
        ],
        "Every recorded version of every incident (with its audit trail)",
    ),
    "camera_states": (
        [
            "camera_id TEXT NOT NULL",
            "t REAL NOT NULL",
            "status TEXT",
            "record_json TEXT NOT NULL",
            "UNIQUE (camera_id, t, status)",
        ],
        "Camera status changes (t = last seen, epoch seconds UTC)",
    ),
    "alerts": (
        [
            "alert_id INTEGER NOT NULL UNIQUE",
            "key TEXT",
            "source TEXT",
            "severity TEXT",
            "title TEXT",
            "message TEXT",
            "raised_at REAL",
            "cleared_at REAL",
            "item_id TEXT",
            "lon REAL",
            "lat REAL",
            "ack_by TEXT",  # who acknowledged it, and when (added later: older archives lack
            "ack_at REAL",  # them, and the shift report then says it cannot tell)
        ],
        "Alerts raised by the console's rules (source time)",
    ),
    "storm_bulletins": (
        [
            "name TEXT NOT NULL",
            "issued_at REAL NOT NULL",
            "number INTEGER",
            "west REAL",  # the danger zone's box (NULL: the bulletin publishes none)
            "south REAL",
            "east REAL",
            "north REAL",
            "source TEXT",
            "record_json TEXT NOT NULL",
            "UNIQUE (name, issued_at)",
        ],
        "Storm bulletins received (issued_at = epoch seconds UTC; added later: older "
        "archives lack the table, and the shift report then says it cannot tell)",
    ),
    "archive_meta": (["key TEXT NOT NULL UNIQUE", "value TEXT"], "Archive properties"),
}

INDEXES = (
    "CREATE INDEX IF NOT EXISTS ix_fixes_vt ON vessel_fixes (vessel_id, t)",
    "CREATE INDEX IF NOT EXISTS ix_fixes_t ON vessel_fixes (t)",
    "CREATE INDEX IF NOT EXISTS ix_obs_t ON station_observations (t)",
)


def _num(value: float | None) -> float | None:
    """SQLite stores NaN as NULL; keep None for missing values."""
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else value


# --- vessels -------------------------------------------------------------------------------


def vessel_row(v: Vessel) -> tuple:
    """The `vessels` columns of `v` (wire.VESSEL_ROW_FIELDS order; NaN stored as NULL)."""
    return tuple(_num(getattr(v, f)) for f in wire.VESSEL_ROW_FIELDS)


def fix_row(v: Vessel) -> tuple:
    return (
        v.id,
        v.fix_time,
        v.status,
        _num(v.lon),
        _num(v.lat),
        _num(v.speed_kn),
        _num(v.course_deg),
    )


# --- stations ------------------------------------------------------------------------------


def station_row(s: Station) -> tuple:
    levels = s.alarm_levels or (None, None, None)
    return (
        s.id,
        s.code,
        s.name,
        s.kind,
        s.river,
        s.unit,
        s.lon,
        s.lat,
        *levels,
        s.normal_level,
        s.latest_time,
        _num(s.latest_value),
        s.source,
    )


def station_from_row(row: tuple) -> Station:
    """A station from its row; an archive written before `source` existed gives 14 values."""
    (sid, code, name, kind, river, unit, lon, lat, b1, b2, b3, normal, t, value) = row[:14]
    source = row[14] if len(row) > 14 else None
    levels = None if b1 is None else (float(b1), float(b2), float(b3))
    return Station(sid, code, name, kind, river, unit, lon, lat, levels, normal, t, value, source)


# --- incidents -----------------------------------------------------------------------------


def incident_json(i: Incident) -> str:
    return json.dumps(asdict(i), ensure_ascii=False, allow_nan=True)


def incident_from_json(text: str) -> Incident:
    d = json.loads(text)
    d["history"] = tuple(IncidentEvent(**e) for e in d["history"])
    d["photos"] = tuple(IncidentPhoto(**f) for f in d.get("photos", ()))  # newer archives
    return Incident(**d)


def incident_row(i: Incident) -> tuple:
    history = json.dumps([asdict(e) for e in i.history], ensure_ascii=False)
    return (
        i.id,
        i.type,
        i.severity,
        i.status,
        i.title,
        i.description,
        i.lon,
        i.lat,
        i.reported_at,
        i.updated_at,
        i.version,
        i.assignee,
        history,
    )


# --- cameras -------------------------------------------------------------------------------


def camera_json(c: Camera) -> str:
    return json.dumps(asdict(c), ensure_ascii=False)


def camera_from_json(text: str) -> Camera:
    return Camera(**json.loads(text))


def camera_row(c: Camera) -> tuple:
    return (c.id, c.name, c.kind, c.status, c.lon, c.lat, c.last_seen)


# --- storm bulletins -----------------------------------------------------------------------


def storm_row(b: StormBulletin) -> tuple:
    box = b.danger_zone
    edges = (None,) * 4 if box is None else (box.west, box.south, box.east, box.north)
    return (b.name, b.issued_at, b.number, *edges, b.source,
            json.dumps(asdict(b), ensure_ascii=False))


def storm_from_json(text: str) -> StormBulletin:
    d = json.loads(text)
    d["observed"] = tuple(StormPoint(**p) for p in d["observed"])
    d["forecast"] = tuple(StormPoint(**p) for p in d["forecast"])
    d["danger_zone"] = None if d["danger_zone"] is None else DangerBox(**d["danger_zone"])
    return StormBulletin(**d)

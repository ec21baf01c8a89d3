"""Serialise simulator records into wire-format GeoJSON features (JSON text).

The list endpoints are the hot path (the console polls them), so each feature
is serialised once when it changes and stored as text; a list response is then
just a join. The shapes here must match ``console.sources.wire`` exactly — the
tests validate every list against those models.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache

from backend.db import FeatureRow
from backend.sim.cameras import CameraInfo
from backend.sim.stations import Station
from backend.sim.vessels import Fix, VesselInfo
from backend.timefmt import iso_z
from console.sources import wire


def _dumps(obj: dict) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def _point(lon: float, lat: float) -> dict:
    return {"type": "Point", "coordinates": [round(lon, 5), round(lat, 5)]}


@lru_cache(maxsize=200_000)
def _vessel_parts(info: VesselInfo) -> tuple[str, str]:
    """The JSON around a fix that never changes for a vessel (id, identity fields),
    encoded once: at 10,000 fixes/s re-encoding names and owners was the simulator's
    largest single cost."""
    head = f'{{"type":"Feature","id":{json.dumps(info.id)},"geometry":{{"type":"Point",'
    identity = _dumps({f: getattr(info, f) for f in wire.VESSEL_IDENTITY_FIELDS})
    return head, identity[:-1]  # the properties object, left open for the fix


@lru_cache(maxsize=200_000)
def _vessel_row_head(info: VesselInfo) -> str:
    """The identity values that open a vessel's table row (`?format=rows`), encoded once."""
    return _dumps([info.id, *(getattr(info, f) for f in wire.VESSEL_IDENTITY_FIELDS)])[:-1]


def vessel_row(info: VesselInfo, fix: Fix) -> FeatureRow:
    """The vessel as a GeoJSON feature and as a table row (wire.VESSEL_ROW_FIELDS order);
    both carry the same rounded position and whole-second fix time."""
    if not math.isfinite(fix.lon + fix.lat + fix.speed_kn + fix.course_deg):  # one check
        raise ValueError(f"not a finite fix: {fix!r}")
    status = "in_port" if fix.in_port else "at_sea"
    head, identity = _vessel_parts(info)
    # numbers as json.dumps writes them (repr); finite, checked above
    lon, lat = repr(round(fix.lon, 5)), repr(round(fix.lat, 5))
    speed, course = repr(fix.speed_kn), repr(fix.course_deg)
    feature = (
        f'{head}"coordinates":[{lon},{lat}]}},'
        f'"properties":{identity},"status":"{status}","fix_time":"{iso_z(fix.t)}",'
        f'"speed_kn":{speed},"course_deg":{course}}}}}'
    )
    fix_time = repr(float(math.floor(fix.t)))
    tabular = f'{_vessel_row_head(info)},"{status}",{lon},{lat},{fix_time},{speed},{course}]'
    return FeatureRow(info.idx, info.id, fix.lon, fix.lat, status, feature, tabular)


def station_row(station: Station, latest_t: float | None, latest_v: float | None) -> FeatureRow:
    feature = {
        "type": "Feature",
        "id": station.id,
        "geometry": _point(station.lon, station.lat),
        "properties": {
            "code": station.id,
            "name": station.name,
            "kind": station.kind,
            "river": station.river,
            "unit": station.unit,
            "alarm_levels": list(station.alarm_levels) if station.alarm_levels else None,
            "normal_level": station.normal_level,
            "source": station.source,
            "latest_time": iso_z(latest_t) if latest_t is not None else None,
            "latest_value": latest_v,
        },
    }
    return FeatureRow(station.idx, station.id, station.lon, station.lat, station.kind,
                      _dumps(feature))


def camera_row(info: CameraInfo, online: bool, last_seen: float) -> FeatureRow:
    status = "online" if online else "offline"
    feature = {
        "type": "Feature",
        "id": info.id,
        "geometry": _point(info.lon, info.lat),
        "properties": {"name": info.name, "kind": info.kind, "status": status,
                       "last_seen": iso_z(last_seen)},
    }
    return FeatureRow(info.idx, info.id, info.lon, info.lat, status, _dumps(feature))


def incident_row(idx: int, feature: wire.IncidentFeature) -> FeatureRow:
    lon, lat = feature.geometry.coordinates
    return FeatureRow(idx, feature.id, lon, lat, feature.properties.status,
                      feature.model_dump_json())

"""Strict parsing of backend payloads into domain records.

Structure and ranges are checked by the shared wire models (`wire.py`); this module
turns validated payloads into the console's frozen records and converts instants to
epoch seconds. Anything malformed raises `BadResponse` with a short, readable reason.
"""

from __future__ import annotations

from datetime import datetime
from typing import TypeVar

import numpy as np
from pydantic import BaseModel, ValidationError

from console.model.camera import Camera
from console.model.incident import Incident, IncidentEvent, IncidentPhoto
from console.model.station import ObservationSeries, Station
from console.model.storm import DangerBox, StormBulletin, StormPoint
from console.model.vessel import Track, Vessel
from console.sources import wire
from console.sources.errors import BadResponse

M = TypeVar("M", bound=BaseModel)


def validate(model: type[M], body: bytes, what: str) -> M:
    """Validate raw JSON bytes against a wire model; summarise errors for humans."""
    try:
        return model.model_validate_json(body)
    except ValidationError as exc:
        first = exc.errors()[:3]
        where = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in first)
        more = f" (+{exc.error_count() - 3} more)" if exc.error_count() > 3 else ""
        raise BadResponse(f"invalid {what}: {where}{more}") from None


def epoch(value: datetime | None) -> float | None:
    return None if value is None else value.timestamp()


def vessel(feature: wire.VesselFeature) -> Vessel:
    p = feature.properties
    lon, lat = feature.geometry.coordinates
    return Vessel(
        feature.id,
        *(getattr(p, f) for f in wire.VESSEL_IDENTITY_FIELDS),
        p.status,
        lon,
        lat,
        p.fix_time.timestamp(),
        p.speed_kn,
        p.course_deg,
    )  # positional: `Vessel` declares wire.VESSEL_ROW_FIELDS in order


def station(feature: wire.StationFeature) -> Station:
    p = feature.properties
    lon, lat = feature.geometry.coordinates
    return Station(
        id=feature.id,
        code=p.code,
        name=p.name,
        kind=p.kind,
        river=p.river,
        unit=p.unit,
        lon=lon,
        lat=lat,
        alarm_levels=p.alarm_levels,
        normal_level=p.normal_level,
        latest_time=epoch(p.latest_time),
        latest_value=p.latest_value,
        source=p.source,
    )


def camera(feature: wire.CameraFeature) -> Camera:
    p = feature.properties
    lon, lat = feature.geometry.coordinates
    return Camera(
        id=feature.id,
        name=p.name,
        kind=p.kind,
        status=p.status,
        lon=lon,
        lat=lat,
        last_seen=p.last_seen.timestamp(),
    )


def incident(feature: wire.IncidentFeature) -> Incident:
    p = feature.properties
    lon, lat = feature.geometry.coordinates
    history = tuple(
        IncidentEvent(
            action=e.action,
            actor=e.actor,
            at=e.at.timestamp(),
            from_status=e.from_status,
            to_status=e.to_status,
            assignee=e.assignee,
            note=e.note,
        )
        for e in p.history
    )
    return Incident(
        id=feature.id,
        type=p.type,
        severity=p.severity,
        status=p.status,
        title=p.title,
        description=p.description,
        lon=lon,
        lat=lat,
        reported_at=p.reported_at.timestamp(),
        updated_at=p.updated_at.timestamp(),
        version=p.version,
        assignee=p.assignee,
        history=history,
        photos=tuple(IncidentPhoto(f.n, f.media_type, f.size, f.sha256) for f in p.photos),
    )


def track(payload: wire.VesselTrack) -> Track:
    n = len(payload.t)
    if not (
        len(payload.lon) == len(payload.lat) == len(payload.speed_kn) == n
        and len(payload.course_deg) == n
    ):
        raise BadResponse("invalid track: columns have different lengths")
    return Track(
        vessel_id=payload.vessel_id,
        t=tuple(payload.t),
        lon=tuple(payload.lon),
        lat=tuple(payload.lat),
        speed_kn=tuple(payload.speed_kn),
        course_deg=tuple(payload.course_deg),
    )


def observations(payload: wire.ObservationSeries) -> ObservationSeries:
    if len(payload.t) != len(payload.value):
        raise BadResponse("invalid observations: t and value have different lengths")
    t = np.asarray(payload.t, dtype=np.float64)
    value = np.array([np.nan if v is None else v for v in payload.value], dtype=np.float64)
    return ObservationSeries(station_id=payload.station_id, unit=payload.unit, t=t, value=value)


def storm(bulletin: wire.StormBulletin) -> StormBulletin | None:
    """The bulletin, or None when the backend has no active storm."""
    if not bulletin.active or not bulletin.observed:
        return None

    def point(p: wire.StormPoint) -> StormPoint:
        return StormPoint(p.t, p.lon, p.lat, p.wind_level, p.gust_level, p.r6_km, p.cone_km)

    box = bulletin.danger_zone
    return StormBulletin(
        name=bulletin.name,
        number=bulletin.number,
        issued_at=bulletin.issued_at,
        observed=tuple(point(p) for p in bulletin.observed),
        forecast=tuple(point(p) for p in bulletin.forecast),
        danger_zone=None if box is None else DangerBox(*box),
        danger_hours=bulletin.danger_hours,
        source=bulletin.source,
    )

"""Strict parsing of backend payloads into domain records.

Structure and ranges are checked by the shared wire models (`wire.py`); this module
turns validated payloads into the console's frozen records and converts instants to
epoch seconds. Anything malformed raises `BadResponse` with a short, readable reason.
"""

from __future__ import annotations

from dataclasses import fields
from datetime import datetime
from functools import cache
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
R = TypeVar("R")


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


@cache
def _property_fields(record: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(record) if f.name not in ("id", "lon", "lat"))


PointFeature = wire.StationFeature | wire.CameraFeature | wire.IncidentFeature


def _point_record(record: type[R], feature: PointFeature, **converted: object) -> R:
    """`record` from a GeoJSON point feature: the feature's id and coordinates, then each
    other field from the property of the same name unless `converted` gives it (instants
    as epoch seconds, nested records). A field the wire lacks fails here, loudly."""
    lon, lat = feature.geometry.coordinates
    p = feature.properties
    copied = {name: getattr(p, name) for name in _property_fields(record)
              if name not in converted}
    return record(id=feature.id, lon=lon, lat=lat, **copied, **converted)


def station(feature: wire.StationFeature) -> Station:
    return _point_record(Station, feature, latest_time=epoch(feature.properties.latest_time))


def camera(feature: wire.CameraFeature) -> Camera:
    return _point_record(Camera, feature, last_seen=feature.properties.last_seen.timestamp())


def incident(feature: wire.IncidentFeature) -> Incident:
    p = feature.properties
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
    return _point_record(Incident, feature, reported_at=p.reported_at.timestamp(),
                         updated_at=p.updated_at.timestamp(), history=history,
                         photos=tuple(IncidentPhoto(f.n, f.media_type, f.size, f.sha256)
                                      for f in p.photos))


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

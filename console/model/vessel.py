"""A fishing vessel's identity and its latest VMS fix, as the console keeps it."""

from __future__ import annotations

from dataclasses import dataclass

from console.sources.wire import VesselIdentity


@dataclass(frozen=True, slots=True)
class Vessel(VesselIdentity):
    """Latest known state of one vessel: its identity (fields from the wire contract)
    and its latest fix, in wire.VESSEL_ROW_FIELDS order. Times are epoch seconds UTC
    (the fix time, not the time the fix reached us: freshness is judged by the fix)."""

    status: str  # "in_port" | "at_sea"
    lon: float
    lat: float
    fix_time: float
    speed_kn: float
    course_deg: float


@dataclass(frozen=True, slots=True)
class Track:
    """A vessel's fixes in a time window, oldest first (parallel tuples)."""

    vessel_id: str
    t: tuple[float, ...]
    lon: tuple[float, ...]
    lat: tuple[float, ...]
    speed_kn: tuple[float, ...]
    course_deg: tuple[float, ...]

"""A snapshot of "the current picture" for exports: plain data, no Qt objects.

Built on the GUI thread from the stores (a copy: cheap, arrays and frozen records), then
handed to an exporter that may run on a worker. Colours come from the one style source
the map's layers use too (`console.symbology`), so an export reads like the screen.

`build_picture(app, extent, time)`: `extent` is (lon0, lat0, lon1, lat1) or None for
everything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from console.geo.crs import map_to_lonlat
from console.model.freshness import VmsState
from console.model.levels import alarm_level
from console.symbology import (
    INCIDENT_SEVERITY,
    RESERVOIR_AT_NORMAL,
    RESERVOIR_BELOW_NORMAL,
    STATION_NO_DATA,
    VESSEL,
    level_swatch,
)
from console.symbology import RAIN as RAIN_SWATCHES

VESSEL_COLOURS = {state: swatch.fill for state, swatch in VESSEL.items()}
VESSEL_STATES = {
    VmsState.IN_PORT.value: "in port",
    VmsState.FRESH.value: "reporting",
    VmsState.LATE.value: "late",
    VmsState.LOST.value: "lost signal",
    VmsState.MUST_RETURN.value: "must return to port",
}
LEVEL_COLOURS = tuple(level_swatch(level).fill for level in range(4))  # below BĐ1, BĐ1..BĐ3
NO_DATA = STATION_NO_DATA.fill
RAIN = RAIN_SWATCHES[2].fill  # the picture has no rain sums: the map's moderate-rain blue
RESERVOIR = RESERVOIR_BELOW_NORMAL.fill
RESERVOIR_HIGH = RESERVOIR_AT_NORMAL.fill
INCIDENT_COLOURS = dict(INCIDENT_SEVERITY)


@dataclass
class PicturePoint:
    lon: float
    lat: float
    colour: str
    label: str  # tooltip (plain text; exporters escape)
    fields: dict[str, str]  # popup rows (plain text; exporters escape)
    kind: str = ""


@dataclass
class Picture:
    time: float
    extent: tuple[float, float, float, float] | None
    vessels: list[PicturePoint] = field(default_factory=list)
    tracks: list[list[tuple[float, float]]] = field(default_factory=list)
    stations: list[PicturePoint] = field(default_factory=list)
    incidents: list[PicturePoint] = field(default_factory=list)
    source: str = ""

    def bounds(self) -> tuple[float, float, float, float]:
        if self.extent is not None:
            return self.extent
        pts = self.vessels + self.stations + self.incidents
        if not pts:
            return (108.6, 13.0, 109.6, 14.7)  # coastal Bình Định
        lons = [p.lon for p in pts]
        lats = [p.lat for p in pts]
        return (min(lons), min(lats), max(lons), max(lats))


def _inside(lon: float, lat: float, extent: tuple[float, float, float, float] | None) -> bool:
    if not (np.isfinite(lon) and np.isfinite(lat)):
        return False
    if extent is None:
        return True
    return extent[0] <= lon <= extent[2] and extent[1] <= lat <= extent[3]


def _station_colour(s: Any) -> tuple[str, str]:
    if s.latest_value is None:
        return NO_DATA, "no data"
    if s.kind == "water_level":
        level = alarm_level(s.latest_value, s.alarm_levels)
        return LEVEL_COLOURS[level], ("below BĐ1" if level == 0 else f"above BĐ{level}")
    if s.kind == "reservoir":
        above = s.normal_level is not None and s.latest_value >= s.normal_level
        return (RESERVOIR_HIGH if above else RESERVOIR), ("above normal" if above else "normal")
    return RAIN, "rain"


def build_picture(
    app: Any, extent: tuple[float, float, float, float] | None, time: float, source: str = ""
) -> Picture:
    """Copy what the map shows at `time` from the app's stores (GUI thread)."""
    pic = Picture(time=time, extent=extent, source=source)
    records = app.vessels.records()
    cols = app.vessels.columns()
    states = app.vessels.states(time, app.settings.freshness) if records else []
    for v, state, x in zip(records, states, cols["x"], strict=False):
        if not np.isfinite(x) or not _inside(v.lon, v.lat, extent):
            continue
        pic.vessels.append(
            PicturePoint(
                v.lon,
                v.lat,
                VESSEL_COLOURS[int(state)],
                f"{v.name} ({v.registration})",
                {
                    "Name": v.name,
                    "Registration": v.registration,
                    "State": VESSEL_STATES[int(state)],
                    "Speed": f"{v.speed_kn:.1f} kn",
                    "Course": f"{v.course_deg:.0f}°",
                    "Home port": v.home_port,
                    "Fix (UTC)": _utc(v.fix_time),
                },
                kind="vessel",
            )
        )
    xs, ys, connect = app.vessels.tail_polylines()
    if len(xs):
        lon, lat = map_to_lonlat(xs, ys)
        breaks = np.flatnonzero(~connect) + 1
        for seg_lon, seg_lat in zip(np.split(lon, breaks), np.split(lat, breaks), strict=True):
            pts = [
                (float(a), float(b))
                for a, b in zip(seg_lon, seg_lat, strict=True)
                if np.isfinite(a) and np.isfinite(b)
            ]
            if len(pts) >= 2 and any(_inside(a, b, extent) for a, b in pts):
                pic.tracks.append(pts)
    for s in app.stations.records():
        if not _inside(s.lon, s.lat, extent):
            continue
        colour, state = _station_colour(s)
        value = "-" if s.latest_value is None else f"{s.latest_value:.2f} {s.unit}"
        pic.stations.append(
            PicturePoint(
                s.lon,
                s.lat,
                colour,
                f"{s.name}: {value}",
                {
                    "Station": s.name,
                    "Code": s.code,
                    "Kind": s.kind,
                    "Reading": value,
                    "State": state,
                    "Time (UTC)": _utc(s.latest_time),
                },
                kind="station",
            )
        )
    for i in app.incidents.records():
        if not i.is_open or not _inside(i.lon, i.lat, extent):
            continue
        pic.incidents.append(
            PicturePoint(
                i.lon,
                i.lat,
                INCIDENT_COLOURS.get(i.severity, INCIDENT_COLOURS["high"]),
                i.title,
                {
                    "Incident": i.title,
                    "Type": i.type,
                    "Severity": i.severity,
                    "Status": i.status,
                    "Reported (UTC)": _utc(i.reported_at),
                    "Description": i.description,
                },
                kind="incident",
            )
        )
    return pic


def _utc(t: float | None) -> str:
    import time as _time

    if t is None or not np.isfinite(t):
        return "-"
    return _time.strftime("%Y-%m-%d %H:%M", _time.gmtime(t))

"""The numbers an IOC director asks for, computed from the stores (pure, cheap).

Vessels at sea / in port / dark / in violation, water-level stations per alarm level,
heavy-rain gauges, open incidents by status, cameras offline, unacknowledged alerts.
Called on the GUI thread by the status bar and the overview strip.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from console.model.freshness import FreshnessPolicy, VmsState, VmsThresholds
from console.model.levels import alarm_level
from console.model.station import Station
from console.rules.dark import dark_states
from console.stores.records import RecordStore
from console.stores.vessels import VesselStore


@dataclass(frozen=True, slots=True)
class Summary:
    vessels_at_sea: int
    vessels_in_port: int
    vessels_dark: int
    stations_alarm: tuple[int, int, int]  # stations at BĐ1, BĐ2, BĐ3
    incidents_open: int
    cameras_offline: int
    vessels_violating: int = 0
    stations_normal: int = 0
    rain_heavy: int = 0
    incidents_by_status: dict[str, int] = field(default_factory=dict)
    alerts_unacknowledged: int = 0


def summarize(
    vessels: VesselStore,
    stations: RecordStore[Station],
    incidents: RecordStore,
    cameras: RecordStore,
    now: float,
    thresholds: VmsThresholds | FreshnessPolicy,
    violating: np.ndarray | None = None,
    station_level: Callable[[Station], int] | None = None,
    rain_heavy: int = 0,
    alerts_unacknowledged: int = 0,
) -> Summary:
    """`station_level` gives the alarm level held by the rules (with hysteresis); without
    it the raw level of the latest value is used. `violating` is the rules' per-vessel
    violation mask."""
    states, dark_rows = dark_states(vessels, now, thresholds)
    dark = int(np.count_nonzero(dark_rows))
    in_port = int(np.count_nonzero(states == VmsState.IN_PORT.value))
    levels = [0, 0, 0, 0]
    for s in stations.records():
        if s.kind == "water_level":
            if station_level is not None:
                reached = station_level(s)
            else:
                reached = alarm_level(s.latest_value, s.alarm_levels)
            levels[reached] += 1
    open_incidents = [i for i in incidents.records() if i.is_open]
    return Summary(
        vessels_at_sea=len(vessels) - in_port,
        vessels_in_port=in_port,
        vessels_dark=dark,
        stations_alarm=(levels[1], levels[2], levels[3]),
        incidents_open=len(open_incidents),
        cameras_offline=sum(1 for cam in cameras.records() if cam.status == "offline"),
        vessels_violating=0 if violating is None else int(np.count_nonzero(violating)),
        stations_normal=levels[0],
        rain_heavy=rain_heavy,
        incidents_by_status=dict(Counter(i.status for i in open_incidents)),
        alerts_unacknowledged=alerts_unacknowledged,
    )

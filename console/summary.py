"""The numbers an IOC director asks for, computed from the stores (pure, cheap)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from console.model.freshness import VmsState, VmsThresholds
from console.model.levels import alarm_level
from console.model.station import Station
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


def summarize(
    vessels: VesselStore,
    stations: RecordStore[Station],
    incidents: RecordStore,
    cameras: RecordStore,
    now: float,
    thresholds: VmsThresholds,
) -> Summary:
    c = vessels.columns()
    states = thresholds.classify(now - c["fix_time"], c["in_port"])
    dark = int(np.count_nonzero(states >= VmsState.LOST.value))
    in_port = int(np.count_nonzero(states == VmsState.IN_PORT.value))
    levels = [0, 0, 0]
    for s in stations.records():
        if s.kind == "water_level":
            reached = alarm_level(s.latest_value, s.alarm_levels)
            if reached:
                levels[reached - 1] += 1
    return Summary(
        vessels_at_sea=len(vessels) - in_port,
        vessels_in_port=in_port,
        vessels_dark=dark,
        stations_alarm=(levels[0], levels[1], levels[2]),
        incidents_open=sum(1 for i in incidents.records() if i.is_open),
        cameras_offline=sum(1 for cam in cameras.records() if cam.status == "offline"),
    )

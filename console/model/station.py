"""Hydrology stations (water level, reservoir, rain gauges) and their observations."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

SIMULATED = "simulated"  # the wire's `source` value for stations no public source gave


@dataclass(frozen=True, slots=True)
class Station:
    """One gauge and its latest reading. `alarm_levels` are BĐ1..BĐ3 in metres for river
    gauges; reservoirs carry `normal_level` instead; rain gauges carry neither."""

    id: str
    code: str
    name: str
    kind: str  # "water_level" | "reservoir" | "rain"
    river: str | None
    unit: str
    lon: float
    lat: float
    alarm_levels: tuple[float, float, float] | None
    normal_level: float | None
    latest_time: float | None
    latest_value: float | None
    # a citation of the published source, "simulated", or None (the feed did not say);
    # defaulted so records built before the field existed still construct
    source: str | None = None

    @property
    def simulated(self) -> bool:
        """True when the feed says no published source stands behind this station."""
        return self.source == SIMULATED


@dataclass(frozen=True, slots=True)
class ObservationSeries:
    """Columnar observations: `t` epoch seconds UTC, `value` with NaN where missing."""

    station_id: str
    unit: str
    t: np.ndarray
    value: np.ndarray

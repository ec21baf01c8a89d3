"""Gauge readings as a function of time: storm response, tide, noise, dropouts.

Readings exist every 10 minutes (epoch-aligned). ``values(times)`` is pure and
vectorised, so the 7-day start-up history (~100k samples) and each live step come
from the same formula.
"""

from __future__ import annotations

import math

import numpy as np

from backend.sim.rng import unit_noise
from backend.sim.scenario import Storm
from backend.sim.stations import Response, Station, build_network

STEP_S = 600
MISSING_RATE = 0.004  # a sensor occasionally sends nothing usable
TIDE_PERIOD_S = 12.42 * 3600.0


class Hydrology:
    def __init__(self, seed: int, storm: Storm) -> None:
        self.seed = seed
        self.storm = storm
        self.stations: list[Station]
        responses: list[Response]
        self.stations, responses = build_network()
        self._rain = np.array([s.kind == "rain" for s in self.stations])
        self._base = np.array([r.base for r in responses])
        self._peak = np.array([r.peak for r in responses])
        self._lag = np.array([r.lag_h for r in responses])
        self._rise = np.array([r.rise_h for r in responses])
        self._fall = np.array([r.fall_h for r in responses])
        self._tide = np.array([r.tide_m for r in responses])
        self._tide_phase = np.array([(i * 0.7) % (2 * math.pi) for i in range(len(responses))])

    def steps_between(self, t0: float, t1: float) -> np.ndarray:
        """Reading instants with ``t0 < t <= t1``."""
        first = math.floor(t0 / STEP_S) + 1
        last = math.floor(t1 / STEP_S)
        return np.arange(first, last + 1, dtype=np.int64) * STEP_S

    def values(self, times: np.ndarray) -> np.ndarray:
        """Readings, shape (len(times), stations); NaN where the gauge sent nothing."""
        return self.values_for(times, np.arange(len(self.stations), dtype=np.int64))

    def values_for(self, times: np.ndarray, stations: np.ndarray) -> np.ndarray:
        """Readings of the stations with indices ``stations``, shape (len(times), len(stations)).

        Same formula as ``values`` (so history generated on demand for one gauge equals
        what the live ticks stored), but a year of one gauge does not compute all 102.
        """
        sel = np.asarray(stations, dtype=np.int64)
        t = np.asarray(times, dtype=np.float64)[:, None]
        step = (t // STEP_S).astype(np.int64)
        idx = sel[None, :]
        u1 = unit_noise(self.seed, 1, idx, step)
        u2 = unit_noise(self.seed, 2, idx, step)
        u3 = unit_noise(self.seed, 3, idx, step)
        base, peak = self._base[sel], self._peak[sel]

        # Water levels: flood wave on top of base level, tide near the sea, sensor noise.
        wave = self.storm.stage_shape(t, self._lag[sel], self._rise[sel], self._fall[sel])
        tide = self._tide[sel] * np.sin(2 * math.pi * t / TIDE_PERIOD_S + self._tide_phase[sel])
        level = base + (peak - base) * wave + tide + (u1 - 0.5) * 0.02
        level = np.round(level, 2)

        # Rain: showery storm rain plus rare light showers on the dry days before it.
        shower = np.where(u1 < 0.12, 0.0, 0.35 + 1.3 * u2)
        storm_rain = peak * self.storm.rain_shape(t, self._lag[sel]) * shower
        background = np.where(u3 < 0.015, 0.2 + 1.3 * u2, 0.0)
        rain = np.round(np.maximum(storm_rain + background, 0.0), 1)

        out = np.where(self._rain[sel], rain, level)
        missing = unit_noise(self.seed, 4, idx, step) < MISSING_RATE
        return np.where(missing, np.nan, out)

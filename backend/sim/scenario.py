"""The storm that drives the demo: rain and flood-wave shapes relative to sim start.

A demo backend with calm weather shows nothing. The storm is timed against
``--start`` so an operator opening the console immediately sees rivers already
above BĐ1 and rising, the peak a few (sim) hours later, and the recession after.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

HOUR = 3600.0


@dataclass(frozen=True)
class Storm:
    start: float  # sim start, epoch seconds
    rain_peak_h: float = 6.0  # rain peaks this many hours after start
    rain_onset_h: float = -24.0  # rain begins about this long before start
    rain_rise_h: float = 12.0  # gaussian widths of the rain curve before / after peak
    rain_fall_h: float = 9.0

    def hours(self, t: np.ndarray | float) -> np.ndarray:
        """Hours relative to the sim start."""
        return (np.asarray(t, dtype=np.float64) - self.start) / HOUR

    def rain_shape(self, t: np.ndarray | float, shift_h: np.ndarray | float = 0.0) -> np.ndarray:
        """Rain intensity in [0, 1]: zero before the onset, 1 at the peak."""
        s = self.hours(t) - shift_h
        width = np.where(s < self.rain_peak_h, self.rain_rise_h, self.rain_fall_h)
        bell = np.exp(-0.5 * ((s - self.rain_peak_h) / width) ** 2)
        onset = np.clip((s - self.rain_onset_h + 2.0) / 4.0, 0.0, 1.0)  # ramps over ~4 h
        return bell * onset * onset * (3.0 - 2.0 * onset)

    def stage_shape(
        self,
        t: np.ndarray | float,
        lag_h: np.ndarray | float,
        rise_h: np.ndarray | float,
        fall_h: np.ndarray | float,
    ) -> np.ndarray:
        """Flood wave in [0, 1] at a gauge: peaks ``lag_h`` after the rain peak."""
        s = self.hours(t) - self.rain_peak_h - lag_h
        width = np.where(s < 0, rise_h, fall_h)
        return np.exp(-((s / width) ** 2))

    def intensity(self, t: float) -> float:
        """Scalar storm strength now (drives e.g. how many flooding incidents get reported)."""
        return float(self.rain_shape(t))

"""Simulated clock: one place that maps real elapsed time to simulation time.

Everything time-dependent (simulator ticks, ``server_time``, audit events) reads
this clock, so ``--speed 60`` makes a whole sim hour pass in a real minute
consistently across the service.
"""

from __future__ import annotations

import time
from collections.abc import Callable


class SimClock:
    """``sim_time = start + speed * (real elapsed since creation)`` in epoch seconds."""

    def __init__(
        self,
        start: float,
        speed: float,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        if not speed > 0:
            raise ValueError("speed must be > 0")
        self.start = float(start)
        self.speed = float(speed)
        self._monotonic = monotonic
        self._real_origin = monotonic()

    def now(self) -> float:
        """Current simulation instant (epoch seconds, UTC)."""
        return self.start + self.speed * (self._monotonic() - self._real_origin)

    def real_seconds_for(self, sim_seconds: float) -> float:
        """How long the caller must wait in real time for ``sim_seconds`` to pass."""
        return sim_seconds / self.speed

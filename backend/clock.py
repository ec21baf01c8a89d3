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
        self.speed = float(speed)
        self._monotonic = monotonic
        # (sim instant, monotonic instant it was at), replaced whole: readers on other
        # threads never see half a rebase
        self._base = (float(start), monotonic())

    @property
    def start(self) -> float:
        return self._base[0]

    def now(self) -> float:
        """Current simulation instant (epoch seconds, UTC)."""
        start, origin = self._base
        return start + self.speed * (self._monotonic() - origin)

    def rebase(self, sim_now: float) -> None:
        """From now on the clock reads ``sim_now`` and runs on from there (a new leader
        resuming the stored world; a follower setting itself by the leader's clock)."""
        self._base = (float(sim_now), self._monotonic())

    def real_seconds_for(self, sim_seconds: float) -> float:
        """How long the caller must wait in real time for ``sim_seconds`` to pass."""
        return sim_seconds / self.speed

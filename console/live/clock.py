"""The source's clock, as seen from the console.

Freshness is judged against the source's own time (the reference backend runs a
simulated clock that may run faster than real time). We model it as the last
server time we were told plus `speed` times the real time elapsed since then.
"""

from __future__ import annotations

import time


class SourceClock:
    def __init__(self, speed: float = 1.0) -> None:
        self.speed = speed
        self._server_time: float | None = None
        self._at_monotonic = 0.0

    def observe(self, server_time: float) -> None:
        """Record a server timestamp (from /health or any collection response)."""
        self._server_time = server_time
        self._at_monotonic = time.monotonic()

    @property
    def known(self) -> bool:
        return self._server_time is not None

    def now(self) -> float:
        if self._server_time is None:
            return time.time()
        return self._server_time + self.speed * (time.monotonic() - self._at_monotonic)

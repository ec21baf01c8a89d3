"""Timeouts and retries of the console's HTTP clients: configuration, apart from the
clients themselves (console.sources.http) so that loading the settings does not load
the HTTP stack (the demo backend is spawned before it is needed)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class HttpSettings:
    connect_timeout_s: float = 3.0
    read_timeout_s: float = 10.0
    total_timeout_s: float = 30.0  # whole response, however slowly it trickles in
    get_retries: int = 2
    backoff_factor_s: float = 0.3
    backoff_jitter_s: float = 0.2

    @property
    def timeout(self) -> tuple[float, float]:
        return (self.connect_timeout_s, self.read_timeout_s)

"""Retry policy of the outbox: capped exponential backoff with jitter (pure).

Jitter keeps a control room full of consoles from retrying in lockstep against a
backend that is just coming back.
"""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    base_s: float = 1.0
    cap_s: float = 60.0
    jitter: float = 0.2  # +/- fraction of the delay

    def delay_s(self, attempt: int, rng: random.Random | None = None) -> float:
        """Delay before retry number `attempt` (1 = first retry)."""
        raw = min(self.cap_s, self.base_s * 2 ** max(0, attempt - 1))
        spread = (rng or random).uniform(-self.jitter, self.jitter)
        return max(0.0, raw * (1.0 + spread))

"""Freshness of items and sources, and the VMS reporting states of DESIGN.md.

Freshness is judged by the time of the measurement or fix itself against the
source's clock, never by when the data reached us: a backlog delivered just now
is still old data.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

import numpy as np


class Freshness(Enum):
    FRESH = "fresh"
    STALE = "stale"
    ERROR = "error"


class VmsState(Enum):
    """Reporting state of a vessel, by age of its last fix (Decree 37/2024)."""

    IN_PORT = 0
    FRESH = 1
    LATE = 2
    LOST = 3
    MUST_RETURN = 4


@dataclass(frozen=True, slots=True)
class VmsThresholds:
    """Seconds. A vessel >= 15 m must report every 2 h; silent > 6 h it is 'lost'
    (the captain must report by other means every 6 h); lost > 10 days it must
    return to port. All configurable per source."""

    report_interval_s: float = 2 * 3600
    grace_s: float = 30 * 60
    lost_after_s: float = 6 * 3600
    must_return_after_s: float = 10 * 24 * 3600

    def classify(self, fix_age_s: np.ndarray, in_port: np.ndarray) -> np.ndarray:
        """Vectorised state per vessel (int8 codes of VmsState) for a whole fleet."""
        state = np.full(fix_age_s.shape, VmsState.FRESH.value, dtype=np.int8)
        state[fix_age_s > self.report_interval_s + self.grace_s] = VmsState.LATE.value
        state[fix_age_s > self.lost_after_s] = VmsState.LOST.value
        state[fix_age_s > self.must_return_after_s] = VmsState.MUST_RETURN.value
        state[in_port] = VmsState.IN_PORT.value
        return state


def station_freshness(age_s: float | None, stale_after_s: float) -> Freshness:
    """A gauge that has never reported, or not within `stale_after_s`, is stale."""
    if age_s is None or age_s > stale_after_s:
        return Freshness.STALE
    return Freshness.FRESH

"""Freshness of items and sources, and the VMS reporting states of DESIGN.md.

Freshness is judged by the time of the measurement or fix itself against the
source's clock, never by when the data reached us: a backlog delivered just now
is still old data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum, IntEnum

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


class VesselSource(IntEnum):
    """Where a vessel fix came from; each has its own reporting rhythm. The value is the
    column of `VesselStore.source_time` and the bit `1 << value` of `VesselStore.sources`."""

    VMS = 0
    AIS_A = 1  # AIS class A (SOLAS ships, larger fishing vessels): messages 1, 2, 3
    AIS_B = 2  # AIS class B (small craft): messages 18, 19


SOURCE_KEYS = ("vms", "ais_a", "ais_b")  # names in the rules file's "vms.sources"
SOURCE_BITS = np.array([1 << s for s in VesselSource], dtype=np.uint8)
_NO_FIX = 127  # "this source never reported": loses every min() below


# AIS reporting intervals (ITU-R M.1371-5, Annex 1 Tables 1 and 2): class A reports every
# 2-10 s under way and every 3 min at anchor or moored; class B "CS" every 30 s above
# 2 kn and every 3 min slower. So an AIS target is late once silent beyond the slow
# 3-min rate and lost after 6 min (two missed slow reports), the usual AIS display rule.
AIS_A_DEFAULT = VmsThresholds(
    report_interval_s=10.0, grace_s=170.0, lost_after_s=360.0, must_return_after_s=864000.0
)
AIS_B_DEFAULT = VmsThresholds(
    report_interval_s=30.0, grace_s=150.0, lost_after_s=360.0, must_return_after_s=864000.0
)


@dataclass(frozen=True, slots=True)
class FreshnessPolicy:
    """The reporting thresholds of every vessel source. A vessel's state is the best one
    any of its sources gives it: a boat whose VMS fix is 1 h old is reporting even if its
    AIS went quiet 10 min ago, and an AIS-only target is lost after AIS's 6 min, not
    VMS's 6 h. Judged per vessel from `VesselStore.source_time` (one column per source)."""

    vms: VmsThresholds = field(default_factory=VmsThresholds)
    ais_a: VmsThresholds = AIS_A_DEFAULT
    ais_b: VmsThresholds = AIS_B_DEFAULT

    @staticmethod
    def of(thresholds: VmsThresholds | FreshnessPolicy) -> FreshnessPolicy:
        """A policy from a bare VMS threshold set (AIS defaults beside it)."""
        if isinstance(thresholds, FreshnessPolicy):
            return thresholds
        return FreshnessPolicy(vms=thresholds)

    def for_source(self, source: VesselSource) -> VmsThresholds:
        return (self.vms, self.ais_a, self.ais_b)[source]

    def classify(
        self,
        now: float,
        fix_time: np.ndarray,
        in_port: np.ndarray,
        source_time: np.ndarray | None = None,
        present: tuple[VesselSource, ...] = (VesselSource.VMS,),
    ) -> np.ndarray:
        """State per vessel (int8 `VmsState` codes). Without `source_time` (n, sources)
        — or when VMS is the only source present — this is the VMS rule on `fix_time`,
        at the cost it always had; otherwise the best state over the sources `present`,
        each judged by its own thresholds on its own last fix."""
        if source_time is None or present == (VesselSource.VMS,):
            return self.vms.classify(now - fix_time, in_port)
        best = np.full(fix_time.shape, _NO_FIX, dtype=np.int8)
        never = np.zeros(fix_time.shape, dtype=bool)
        for source in present:
            age = now - source_time[:, source]
            heard = np.isfinite(age)
            states = self.for_source(source).classify(age, never)
            np.minimum(best, np.where(heard, states, _NO_FIX).astype(np.int8), out=best)
        unknown = best == _NO_FIX  # no per-source time (replay frames): the VMS rule
        if unknown.any():
            best[unknown] = self.vms.classify(now - fix_time[unknown], never[unknown])
        best[in_port] = VmsState.IN_PORT.value
        return best


def station_freshness(age_s: float | None, stale_after_s: float) -> Freshness:
    """A gauge that has never reported, or not within `stale_after_s`, is stale."""
    if age_s is None or age_s > stale_after_s:
        return Freshness.STALE
    return Freshness.FRESH

"""Dark vessels: at sea, silent beyond the 'lost signal' threshold (Decree 37/2024).

A vessel's state comes from every source it reports through, each judged by its own
rhythm (`VesselStore.states`). Only vessels that carry VMS can be dark: the duty to
report is VMS's, and an AIS-only ship that sails out of a receiver's range is a lost
AIS target on the map, not a fishing vessel gone silent.

Pure numpy over the VesselStore columns; called on the GUI thread by the rules engine
(for alerts) and by the dark-vessel list (for its rows).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from console.model.freshness import (
    SOURCE_BITS,
    FreshnessPolicy,
    VesselSource,
    VmsState,
    VmsThresholds,
)

_VMS_BIT = int(SOURCE_BITS[VesselSource.VMS])


@dataclass(frozen=True, slots=True)
class DarkVessel:
    row: int
    vessel_id: str
    registration: str
    name: str
    silent_s: float
    lon: float
    lat: float
    state: VmsState
    fix_time: float


def carries_vms(sources: np.ndarray) -> np.ndarray:
    """Rows that report through VMS (a row with no source bit yet is a VMS row)."""
    return (sources & _VMS_BIT).astype(bool) | (sources == 0)


def dark_states(
    store, now: float, policy: VmsThresholds | FreshnessPolicy, rows: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """(states, dark) of `rows` (all when None): dark = lost or must-return, VMS only."""
    states = store.states(now, FreshnessPolicy.of(policy), rows)
    sources = store.sources[: len(store)] if rows is None else store.sources[rows]
    return states, (states >= VmsState.LOST.value) & carries_vms(sources)


def dark_count(store, now: float, policy: VmsThresholds | FreshnessPolicy) -> int:
    return int(np.count_nonzero(dark_states(store, now, policy)[1]))


def dark_vessels(
    store, now: float, policy: VmsThresholds | FreshnessPolicy, limit: int | None = None
) -> list[DarkVessel]:
    """Dark vessels, longest silent first, with their last known position."""
    c = store.columns()
    age = now - c["fix_time"]
    states, dark = dark_states(store, now, policy)
    rows = np.flatnonzero(dark)
    rows = rows[np.argsort(-age[rows], kind="stable")][:limit]
    out = []
    for row in rows.tolist():
        v = store.at(row)
        out.append(
            DarkVessel(
                row,
                v.id,
                v.registration,
                v.name,
                float(age[row]),
                v.lon,
                v.lat,
                VmsState(int(states[row])),
                v.fix_time,
            )
        )
    return out

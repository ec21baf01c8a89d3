"""Dark vessels: at sea, silent beyond the 'lost signal' threshold (Decree 37/2024).

Pure numpy over the VesselStore columns; called on the GUI thread by the rules engine
(for alerts) and by the dark-vessel list (for its rows).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from console.model.freshness import VmsState, VmsThresholds


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


def dark_mask(
    fix_time: np.ndarray, in_port: np.ndarray, now: float, thresholds: VmsThresholds
) -> np.ndarray:
    """Boolean per row: lost signal or must-return (never for vessels in port)."""
    states = thresholds.classify(now - fix_time, in_port)
    return states >= VmsState.LOST.value


def dark_vessels(
    store, now: float, thresholds: VmsThresholds, limit: int | None = None
) -> list[DarkVessel]:
    """Dark vessels, longest silent first, with their last known position."""
    c = store.columns()
    age = now - c["fix_time"]
    states = thresholds.classify(age, c["in_port"])
    rows = np.flatnonzero(states >= VmsState.LOST.value)
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
